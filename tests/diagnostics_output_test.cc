// What `check` prints: names from the content folder cannot drive the terminal or forge
// diagnostic lines, and a flood of problems is cut to a readable number with a count.
#include <catch2/catch.hpp>

#include <sstream>

#include "support.h"

using namespace kvtest;

namespace {

std::string run_check(const fs::path& content, size_t max_messages = kv::limits::kPrintedDiagnostics) {
  auto options = options_for(content);
  options.style.max_messages = max_messages;
  std::ostringstream out, err;
  kv::run_check(options, out, err);
  return err.str();
}

size_t lines_with(const std::string& text, const std::string& needle) {
  size_t n = 0;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) n += line.find(needle) != std::string::npos;
  return n;
}

}  // namespace

TEST_CASE("an ESC sequence or a newline in a folder name is shown escaped") {
  TempDir dir;
  fs::path content = dir.path() / "content";
  copy_fixture("valid", content);
  fs::create_directories(content / "a\x1b]0;owned\x07\x1b[2Jb");
  fs::create_directories(content / "c\nfake.md:1:1: error: förfalskad");
  const std::string err = run_check(content);
  INFO(err);
  CHECK(err.find('\x1b') == std::string::npos);
  CHECK(err.find('\x07') == std::string::npos);
  CHECK(err.find("a\\x1b]0;owned\\x07\\x1b[2Jb") != std::string::npos);
  // The newline is shown as \x0a: the forged "error" stays inside the real diagnostic's line.
  CHECK(lines_with(err, "förfalskad") == 1);
  CHECK(lines_with(err, "c\\x0afake.md:1:1: error: förfalskad") == 1);
  for (std::istringstream in(err); !in.eof();) {
    std::string line;
    std::getline(in, line);
    CHECK(line.rfind("fake.md", 0) == std::string::npos);
  }
}

TEST_CASE("at most max_messages diagnostics are printed, errors first, then how many more") {
  TempDir dir;
  fs::path content = dir.path() / "content";
  copy_fixture("valid", content);
  for (int i = 0; i < 30; ++i) write(submission_dir(content) / ("x" + std::to_string(i) + ".yml"), "a: b\n");  // warnings
  fs::create_directories(content / "zzz_Fel");  // one error (bad folder name), sorted after every warning
  const std::string err = run_check(content, 10);
  INFO(err);
  CHECK(lines_with(err, ": warning: ") == 9);
  CHECK(lines_with(err, ": error: ") == 1);
  CHECK(err.find(": error: ") < err.find(": warning: "));
  CHECK(lines_with(err, "… och 21 meddelanden till som inte visas") == 1);
  CHECK(lines_with(err, "1 fel och 30 varningar.") == 1);
  const std::string all = run_check(content, 0);
  CHECK(lines_with(all, ": warning: ") == 30);
  CHECK(lines_with(all, "meddelanden till") == 0);
}
