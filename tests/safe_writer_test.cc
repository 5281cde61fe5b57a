// The one safe writer (write/files.h, write/scratch_dir.h) and the write-target boundary
// (load/content_path.h): atomic replacement that keeps the old file on failure and its mode,
// create-only files, unguessable scratch folders.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "load/content_path.h"
#include "support.h"
#include "write/files.h"
#include "write/scratch_dir.h"

using namespace kvtest;
namespace fs = std::filesystem;

namespace {

mode_t mode_of(const fs::path& p) {
  struct stat st {};
  ::stat(p.c_str(), &st);
  return st.st_mode & 07777;
}

size_t entries(const fs::path& dir) {
  size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

TEST_CASE("replace_file swaps the whole file in and keeps its permissions", "[safewriter]") {
  TempDir tmp;
  const fs::path file = tmp.path() / "fraga-01.md";
  write(file, "gammal text\n");
  ::chmod(file.c_str(), 0640);
  const auto inode_before = fs::status(file).permissions();
  kv::replace_file(file, "ny text\n");
  CHECK(read(file) == "ny text\n");
  CHECK(mode_of(file) == 0640);
  CHECK(fs::status(file).permissions() == inode_before);
  CHECK(entries(tmp.path()) == 1);  // no temporary file left behind
}

TEST_CASE("replace_file leaves the old file when the write fails", "[safewriter]") {
  TempDir tmp;
  const fs::path dir = tmp.path() / "las";
  const fs::path file = dir / "enhet.yaml";
  write(file, "namn: Kvar\n");
  // A symbolic link is refused, never written through.
  const fs::path link = tmp.path() / "lank.yaml";
  fs::create_symlink(file, link);
  CHECK_THROWS_AS(kv::replace_file(link, "x"), kv::WriteError);
  CHECK(read(file) == "namn: Kvar\n");
  CHECK(fs::is_symlink(link));
  // A folder where the file should be is refused too.
  fs::create_directories(tmp.path() / "mapp.md");
  CHECK_THROWS_AS(kv::replace_file(tmp.path() / "mapp.md", "x"), kv::WriteError);
  if (::geteuid() != 0) {  // root writes into a read-only folder anyway
    ::chmod(dir.c_str(), 0555);
    CHECK_THROWS_AS(kv::replace_file(file, "ny"), kv::WriteError);
    ::chmod(dir.c_str(), 0755);
    CHECK(read(file) == "namn: Kvar\n");
  }
}

TEST_CASE("create_file never replaces anything", "[safewriter]") {
  TempDir tmp;
  const fs::path file = tmp.path() / "enhet" / "2018" / "fraga-01.md";
  kv::create_file(file, "första\n");
  CHECK(read(file) == "första\n");
  try {
    kv::create_file(file, "andra\n");
    FAIL("an existing file was replaced");
  } catch (const kv::WriteError& e) {
    CHECK(e.error() == EEXIST);
  }
  CHECK(read(file) == "första\n");
  // A dangling link at the name is not followed to create its target.
  const fs::path outside = tmp.path() / "utanfor.md";
  const fs::path dangling = tmp.path() / "enhet" / "2018" / "fraga-02.md";
  fs::create_symlink(outside, dangling);
  CHECK_THROWS_AS(kv::create_file(dangling, "x"), kv::WriteError);
  CHECK_FALSE(fs::exists(outside));
  CHECK(entries(file.parent_path()) == 2);
}

TEST_CASE("Scratch folders are private and unguessable", "[safewriter]") {
  TempDir tmp;
  const char* old = std::getenv("TMPDIR");
  const std::string saved = old ? old : "";
  ::setenv("TMPDIR", tmp.path().c_str(), 1);
  // The name a predictable scheme would use, taken by someone else first, is no obstacle.
  fs::create_directories(tmp.path() / ("kvalitet-import-" + std::to_string(::getpid())));
  fs::path made;
  {
    kv::ScratchDir a("kvalitet-import-"), b("kvalitet-import-");
    made = a.path();
    CHECK(a.path() != b.path());
    CHECK(a.path().parent_path() == tmp.path());
    CHECK(mode_of(a.path()) == 0700);
  }
  CHECK_FALSE(fs::exists(made));
  if (old) ::setenv("TMPDIR", saved.c_str(), 1);
  else ::unsetenv("TMPDIR");
}

TEST_CASE("Write targets must stay inside the content folder after links", "[safewriter]") {
  TempDir tmp;
  const fs::path content = tmp.path() / "content", outside = tmp.path() / "utanfor";
  fs::create_directories(content / "enhet");
  fs::create_directories(outside);
  fs::create_symlink(outside, content / "lankad");
  const kv::ContentRoot root(content);
  CHECK(kv::write_target_inside(root, content / "enhet" / "2018" / "fraga-01.md"));
  CHECK(kv::write_target_inside(root, content / "ny-enhet" / "enhet.yaml"));
  CHECK_FALSE(kv::write_target_inside(root, content / "lankad" / "enhet.yaml"));
  CHECK_FALSE(kv::write_target_inside(root, content / ".." / "utanfor" / "x.md"));
  CHECK_FALSE(kv::write_target_inside(root, content / "ny" / ".." / ".." / "utanfor" / "x.md"));
  CHECK_FALSE(kv::write_target_inside(root, outside / "x.md"));
  fs::create_symlink(outside / "inget.md", content / "enhet" / "dinglar.md");
  CHECK_FALSE(kv::write_target_inside(root, content / "enhet" / "dinglar.md"));
}

TEST_CASE("a file kvalitet kept for a later build is read back within its limit, never through a link", "[safewriter]") {
  kvtest::TempDir dir;
  const fs::path file = dir.path() / "bit.bin", link = dir.path() / "lank.bin";
  kvtest::write(file, std::string(1000, 'x'));
  CHECK(kv::read_own_file(file, 1000) == std::string(1000, 'x'));
  auto error_of = [](const std::function<void()>& read) {
    try {
      read();
    } catch (const kv::WriteError& e) {
      return e.error();
    }
    return 0;
  };
  CHECK(error_of([&] { kv::read_own_file(file, 999); }) == EFBIG);
  fs::create_symlink(file, link);
  CHECK(error_of([&] { kv::read_own_file(link, 1000); }) == ELOOP);
  CHECK(kv::read_file(link) == std::string(1000, 'x'));  // an author's file may be a link (checked elsewhere)
  const fs::path fifo = dir.path() / "ror.bin";  // nothing writes to it: reading would wait for ever
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(error_of([&] { kv::read_own_file(fifo, 1000); }) == EINVAL);
  CHECK(error_of([&] { kv::read_own_file(dir.path(), 1000); }) == EINVAL);
}

TEST_CASE("swap_in_file replaces a served file whole and leaves no temporary file", "[safewriter]") {
  kvtest::TempDir dir;
  const fs::path page = dir.path() / "2020" / "enhet" / "index.html";
  kv::swap_in_file(page, "<p>första</p>");
  CHECK(kvtest::read(page) == "<p>första</p>");
  kv::swap_in_file(page, "<p>andra</p>");
  CHECK(kvtest::read(page) == "<p>andra</p>");
  CHECK(std::distance(fs::directory_iterator(page.parent_path()), fs::directory_iterator()) == 1);
}
