// The write stage's guarantees around the output folder: leftovers of killed builds (only
// marked ones, only of dead processes), the swap, the output's place relative to the
// content, and one clear error for a failed write. The kill and full-disk tests with the
// real binary are tests/kill_test.py and tests/disk_full_test.py.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <sstream>

#include "support.h"
#include "util/parallel.h"
#include "write/journal.h"
#include "write/leftovers.h"
#include "write/output_dir.h"
#include "write/output_place.h"
#include "write/swap.h"

using namespace kvtest;
using Catch::Matchers::Contains;

namespace {

// The pid of a process that has exited: a killed build's.
long dead_pid() {
  pid_t child = fork();
  if (child == 0) _exit(0);
  waitpid(child, nullptr, 0);
  return child;
}

fs::path sibling(const fs::path& out, const std::string& kind, long pid) {
  return out.parent_path() / (out.filename().string() + "." + kind + "." + std::to_string(pid));
}

void mark(const fs::path& dir, const char* marker) { write(dir / marker, "x\n"); }

int build(const fs::path& content, const fs::path& out, std::string* errors = nullptr) {
  auto options = options_for(content);
  options.output_dir = out.string();
  std::ostringstream o, e;
  int status = kv::run_build(options, o, e);
  if (errors) *errors = e.str();
  return status;
}

}  // namespace

TEST_CASE("leftovers: only marked folders of dead processes are found and removed", "[write]") {
  TempDir dir;
  const fs::path out = dir.path() / "site";
  mark(out, kv::kOutputMarker);
  const long dead = dead_pid(), other_dead = dead_pid(), alive = static_cast<long>(getppid());
  mark(sibling(out, "staging", dead), kv::kStagingMarker);  // killed while rendering
  mark(sibling(out, "old", other_dead), kv::kOutputMarker);  // killed after the swap
  write(sibling(out, "staging", other_dead) / "keep.txt", "not ours");  // unmarked: someone else's
  mark(sibling(out, "staging", alive), kv::kStagingMarker);  // a build still running
  mark(dir.path() / ("other.staging." + std::to_string(dead)), kv::kStagingMarker);  // another output's
  mark(dir.path() / "site.staging.12a", kv::kStagingMarker);  // not a pid

  auto found = kv::find_leftovers(out);
  REQUIRE(found.size() == 2);
  CHECK(found[0].path == sibling(out, "old", other_dead));
  CHECK(found[0].kind == kv::Leftover::Kind::kOld);
  CHECK(found[1].path == sibling(out, "staging", dead));
  CHECK(found[1].pid == dead);

  kv::tidy_leftovers(out);
  CHECK_FALSE(fs::exists(sibling(out, "staging", dead)));
  CHECK_FALSE(fs::exists(sibling(out, "old", other_dead)));
  CHECK(read(sibling(out, "staging", other_dead) / "keep.txt") == "not ours");
  CHECK(fs::exists(sibling(out, "staging", alive)));
  CHECK(fs::exists(dir.path() / ("other.staging." + std::to_string(dead))));
  CHECK(fs::exists(dir.path() / "site.staging.12a"));
  CHECK(fs::exists(out / kv::kOutputMarker));
}

TEST_CASE("leftovers: an empty staging folder of a dead build is removed, a non-empty unmarked one kept", "[write]") {
  TempDir dir;
  const fs::path out = dir.path() / "site";
  const long dead = dead_pid();
  fs::create_directories(sibling(out, "staging", dead));  // killed between mkdir and its marker
  kv::tidy_leftovers(out);
  CHECK_FALSE(fs::exists(sibling(out, "staging", dead)));
}

TEST_CASE("a build killed between its two renames gets its old output back", "[write]") {
  TempDir dir;
  const fs::path out = dir.path() / "site";
  const long dead = dead_pid();
  write(sibling(out, "old", dead) / "index.html", "earlier build");
  mark(sibling(out, "old", dead), kv::kOutputMarker);
  write(sibling(out, "staging", dead) / "index.html", "complete new build, never swapped in");
  mark(sibling(out, "staging", dead), kv::kOutputMarker);
  kv::tidy_leftovers(out);
  CHECK(read(out / "index.html") == "earlier build");
  CHECK(fs::exists(out / kv::kOutputMarker));
  CHECK(kv::find_leftovers(out).empty());
  CHECK_FALSE(fs::exists(sibling(out, "staging", dead)));

  SECTION("an unmarked folder is never put back") {
    TempDir other;
    const fs::path site = other.path() / "site";
    write(sibling(site, "old", dead) / "index.html", "not ours");
    kv::tidy_leftovers(site);
    CHECK_FALSE(fs::exists(site));
    CHECK(read(sibling(site, "old", dead) / "index.html") == "not ours");
  }
}

TEST_CASE("the swap puts the new output in place, atomically or by two renames", "[write]") {
  for (bool exchange : {true, false}) {
    TempDir dir;
    const fs::path out = dir.path() / "site", staging = dir.path() / "site.staging.1", aside = dir.path() / "site.old.1";
    write(out / "index.html", "old");
    write(staging / "index.html", "new");
    REQUIRE_FALSE(kv::swap_into_place(staging, out, aside, exchange));
    CHECK(read(out / "index.html") == "new");
    CHECK_FALSE(fs::exists(staging));
    CHECK_FALSE(fs::exists(aside));
  }
  TempDir dir;  // no earlier output: a plain rename
  write(dir.path() / "s" / "index.html", "new");
  REQUIRE_FALSE(kv::swap_into_place(dir.path() / "s", dir.path() / "site", dir.path() / "a"));
  CHECK(read(dir.path() / "site" / "index.html") == "new");
}

TEST_CASE("an output folder inside the content folder is refused, also through a link", "[write]") {
  TempDir dir;
  const fs::path content = dir.path() / "content";
  copy_fixture("valid", content);
  std::string errors;
  CHECK(build(content, content / "ut", &errors) == 1);
  CHECK_THAT(errors, Contains("content/ut: error: utkatalogen ligger inuti innehållsmappen"));
  CHECK_THAT(errors, Contains("— välj en utkatalog bredvid innehållet med -o"));
  CHECK_FALSE(fs::exists(content / "ut"));

  fs::create_directory_symlink(content, dir.path() / "link");
  CHECK(build(content, dir.path() / "link" / "ny" / "ut", &errors) == 1);
  CHECK_THAT(errors, Contains("utkatalogen ligger inuti innehållsmappen"));
  CHECK_FALSE(fs::exists(content / "ny"));

  CHECK(build(content, dir.path(), &errors) == 1);  // around it: the swap would replace it
  CHECK_THAT(errors, Contains("ligger inuti utkatalogen"));

  CHECK(kv::path_within(content / "a" / ".." / "b", content));
  CHECK_FALSE(kv::path_within(dir.path() / "content-ut", content));  // a name prefix is not a parent
  CHECK(build(content, dir.path() / "content-ut") == 0);
}

TEST_CASE("an earlier build's output inside the content folder is not read as a unit", "[write]") {
  TempDir dir;
  const fs::path content = dir.path() / "content";
  copy_fixture("valid", content);
  write(content / "ut" / "index.html", "<html></html>");
  write(content / "ut" / "2020" / "index.html", "<html></html>");
  CHECK(count(check(content), kv::Severity::kError, "ut/enhet.yaml", "") == 1);  // without the marker: a unit
  mark(content / "ut", kv::kOutputMarker);
  CHECK(check(content).diagnostics.list.items().empty());
  CHECK(kv::is_output_folder(content / "ut"));
  CHECK_FALSE(kv::is_output_folder(content / "provenhet"));
}

TEST_CASE("parallel_for hands an exception of a worker to its caller and stops", "[write]") {
  // The first index throws at once; every other call takes a millisecond, so a loop that
  // did not stop would run for ten seconds. Stopping leaves at most the calls in flight
  // (plus a few while a loaded machine delays the throwing thread).
  std::atomic<int> ran{0};
  auto run = [&] {
    kv::parallel_for(10000, 2, [&](size_t i) {
      ++ran;
      if (i == 0) throw kv::WriteError("/x/" + std::to_string(i), ENOSPC);
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    });
  };
  CHECK_THROWS_AS(run(), kv::WriteError);
  CHECK(ran < 1000);
}

TEST_CASE("a write that fails in a worker ends the build with one error and the old output intact", "[write]") {
  TempDir dir;
  const fs::path out = dir.path() / "site";
  write(out / "index.html", "earlier build");
  mark(out, kv::kOutputMarker);
  kv::Diagnostics diagnostics;
  auto pages = kv::write_output_dir(out, diagnostics, [&](const fs::path& staging) -> std::optional<int> {
    kv::parallel_for(200, 4, [&](size_t i) {
      if (i >= 50) throw kv::WriteError(staging / ("page-" + std::to_string(i)), ENOSPC);
      kv::write_file(staging / ("page-" + std::to_string(i)), "x");
    });
    return 200;
  });
  CHECK_FALSE(pages);
  REQUIRE(diagnostics.list.items().size() == 1);
  const auto& d = diagnostics.list.items()[0];
  CHECK(d.pos.path == out.generic_string());
  CHECK_THAT(d.message, Contains("disken är full: filsystemet på /"));
  CHECK_THAT(d.hint, Contains("den förra webbplatsen är orörd"));
  CHECK(read(out / "index.html") == "earlier build");
  for (const auto& entry : fs::directory_iterator(dir.path())) CHECK(entry.path() == out);
}

TEST_CASE("other write errors name the file under the output folder and say why in plain words", "[write]") {
  kv::Diagnostics diagnostics;
  const fs::path staging = "/x/site.staging.7";
  kv::report_write_error(kv::WriteError(staging / "2020" / "index.html", EACCES), staging, "site", diagnostics);
  kv::report_write_error(kv::WriteError(staging / "a.html", EROFS), staging, "site", diagnostics);
  REQUIRE(diagnostics.list.items().size() == 2);
  CHECK(kv::format_diagnostic(diagnostics.list.items()[0], false) ==
        "site/2020/index.html: error: filen kunde inte skrivas: åtkomst nekad — ge skrivrätt till katalogen eller "
        "välj en annan utkatalog med -o\n");
  CHECK_THAT(diagnostics.list.items()[1].message, Contains("filsystemet är skrivskyddat"));

  TempDir dir;  // a real failure: a folder where a file is in the way
  write(dir.path() / "file", "x");
  try {
    kv::write_file(dir.path() / "file" / "index.html", "x");
    FAIL("no error");
  } catch (const kv::WriteError& e) {
    CHECK(e.error() == ENOTDIR);
    CHECK_FALSE(e.disk_full());
  }
}

TEST_CASE("journal: a sealed journal of a killed build is completed, an unsealed one removed", "[write]") {
  TempDir dir;
  const fs::path out = dir.path() / "site";
  write(out / "index.html", "earlier build");
  write(out / "2018/borttagen/index.html", "a page the new build no longer makes");
  write(out / "kvar.html", "kept as it was");
  mark(out, kv::kOutputMarker);
  write(dir.path() / "utanfor.html", "outside the output");
  const long dead = dead_pid();
  const fs::path journal = sibling(out, "journal", dead);

  SECTION("sealed: the output becomes the new build's") {
    mark(journal, kv::kStagingMarker);
    write(journal / "index.html", "new build");
    write(journal / "2019/ny/index.html", "a new page");
    write(journal / kv::kJournalSeal, "kvalitet-journal 1\ndel 2018/borttagen/index.html\ndel ../utanfor.html\n");
    kv::tidy_leftovers(out);
    CHECK(read(out / "index.html") == "new build");
    CHECK(read(out / "2019/ny/index.html") == "a new page");
    CHECK(read(out / "kvar.html") == "kept as it was");
    CHECK_FALSE(fs::exists(out / "2018/borttagen"));  // and the folders it leaves empty
    CHECK(fs::exists(out / "2018") == false);
    CHECK(read(dir.path() / "utanfor.html") == "outside the output");  // never outside out
    CHECK(fs::exists(out / kv::kOutputMarker));
    CHECK_FALSE(fs::exists(journal));
  }
  SECTION("half completed by a build killed again: completed the same") {
    mark(journal, kv::kStagingMarker);
    write(out / "index.html", "new build");  // already moved in
    write(journal / "2019/ny/index.html", "a new page");
    write(journal / kv::kJournalSeal, "kvalitet-journal 1\ndel 2018/borttagen/index.html\n");
    kv::tidy_leftovers(out);
    CHECK(read(out / "index.html") == "new build");
    CHECK(read(out / "2019/ny/index.html") == "a new page");
    CHECK_FALSE(fs::exists(out / "2018/borttagen/index.html"));
  }
  SECTION("unsealed (killed while rendering): the output stays the earlier build's") {
    mark(journal, kv::kStagingMarker);
    write(journal / "index.html", "half a build");
    kv::tidy_leftovers(out);
    CHECK(read(out / "index.html") == "earlier build");
    CHECK(read(out / "2018/borttagen/index.html") == "a page the new build no longer makes");
    CHECK_FALSE(fs::exists(journal));
  }
  SECTION("a build still running: left alone") {
    const fs::path running = sibling(out, "journal", static_cast<long>(getppid()));
    mark(running, kv::kStagingMarker);
    write(running / "index.html", "new build");
    write(running / kv::kJournalSeal, "kvalitet-journal 1\n");
    kv::tidy_leftovers(out);
    CHECK(read(out / "index.html") == "earlier build");
    CHECK(fs::exists(running));
  }
}
