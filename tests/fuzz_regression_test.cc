// Replays saved fuzz inputs through the fuzz targets' entry functions (tests/fuzz/targets.h):
// every finding of the fuzzers, minimised, in tests/fixtures/fuzz/<target>/, and the seed
// corpus in tests/fuzz/corpus/<target>/. A target throws when an invariant breaks; memory
// errors show in the sanitizer build (scripts/sanitize.sh), which runs this test too.
#include <catch2/catch.hpp>

#include <algorithm>

#include "fuzz/targets.h"
#include "support.h"

using namespace kvtest;

namespace {

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> files;
  if (fs::is_directory(dir))
    for (const auto& entry : fs::directory_iterator(dir))
      if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// Runs every file in root/<target>/ through its target; returns how many were run. A folder
// under root that names no target would be skipped without a word, so it fails instead.
size_t replay(const fs::path& root) {
  size_t replayed = 0;
  std::vector<std::string> names;
  for (const auto& target : kv::fuzz::targets()) {
    names.push_back(target.name);
    for (const auto& file : files_in(root / target.name)) {
      INFO(target.name << ": " << file.string());
      const std::string input = read(file);
      REQUIRE_NOTHROW(target.run(input));
      ++replayed;
    }
  }
  for (const auto& entry : fs::directory_iterator(root)) {
    INFO(entry.path().string());
    CHECK(std::find(names.begin(), names.end(), entry.path().filename().string()) != names.end());
  }
  return replayed;
}

}  // namespace

TEST_CASE("Fuzz findings stay fixed", "[fuzz]") {
  // The findings saved so far (tests/fixtures/fuzz/markdown: a lone CR, U+FFFF); a folder
  // that lost them, or a root that moved, must not pass by replaying nothing.
  CHECK(replay(fixtures() / "fuzz") >= 2);
}

TEST_CASE("Fuzz seed corpus passes every target's checks", "[fuzz]") {
  for (const auto& target : kv::fuzz::targets())
    CHECK(files_in(source_dir() / "tests" / "fuzz" / "corpus" / target.name).size() >= 3);
  CHECK(replay(source_dir() / "tests" / "fuzz" / "corpus") >= 3 * kv::fuzz::targets().size());
}

TEST_CASE("The fuzz targets' HTML check rejects markup and script URLs", "[fuzz]") {
  // The check must be able to fail, or the Markdown and data-block targets would prove nothing.
  CHECK_NOTHROW(kv::fuzz::check_safe_html("<p>&lt;script&gt; <a href=\"https://x\">x</a></p>"));
  CHECK_THROWS(kv::fuzz::check_safe_html("<p><SCRIPT>alert(1)</SCRIPT></p>"));
  CHECK_THROWS(kv::fuzz::check_safe_html("<a href=\"JavaScript:alert(1)\">x</a>"));
  CHECK_THROWS(kv::fuzz::check_safe_html("<p>\xC3</p>"));  // a broken UTF-8 sequence
  // Hostile Markdown passes: cmark-gfm's safe mode drops the tag and the script URL.
  CHECK_NOTHROW(kv::fuzz::fuzz_markdown("<script>alert(1)</script>\n\n[x](javascript:alert(1))\n"));
}
