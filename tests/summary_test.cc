// The closing line of build and pdf (pipeline/summary.h) and --quiet.
#include <catch2/catch.hpp>

#include <sstream>

#include "pipeline/summary.h"
#include "support.h"

using namespace kvtest;
using Catch::Matchers::Contains;

TEST_CASE("the build summary counts pages, workbooks and each PDF's pages", "[summary]") {
  CHECK(kv::build_summary(kv::Lang::kSv, "output", {345, 12, {38, 22}}) ==
        "Webbplatsen byggdes i output: 345 sidor, 12 arbetsböcker och 2 PDF:er (38 och 22 sidor).");
  CHECK(kv::build_summary(kv::Lang::kEn, "output", {345, 12, {38, 22}}) ==
        "The site was built in output: 345 pages, 12 workbooks and 2 PDFs (38 and 22 pages).");
  // Singular forms, and no workbook or PDF part when none were made.
  CHECK(kv::build_summary(kv::Lang::kSv, "ut", {1, 1, {1}}) == "Webbplatsen byggdes i ut: 1 sida, 1 arbetsbok och 1 PDF (1 sida).");
  CHECK(kv::build_summary(kv::Lang::kSv, "ut", {2, 0, {}}) == "Webbplatsen byggdes i ut: 2 sidor.");
  CHECK(kv::build_summary(kv::Lang::kSv, "ut", {1200, 0, {12, 3}}) == "Webbplatsen byggdes i ut: 1 200 sidor och 2 PDF:er (12 och 3 sidor).");
}

TEST_CASE("each PDF is named with its document and page count under the summary", "[summary]") {
  kv::BuildCounts counts{120, 0, {10, 1}, {"Verksamhetsberättelse 2024, Hägersten-Älvsjö hemtjänst", "Handlingsplan 2007, Äldreomsorgen\x1b[2J"}};
  CHECK(kv::build_summary(kv::Lang::kSv, "ut", counts) ==
        "Webbplatsen byggdes i ut: 120 sidor och 2 PDF:er (10 och 1 sidor).\n"
        "  Verksamhetsberättelse 2024, Hägersten-Älvsjö hemtjänst: 10 sidor\n"
        "  Handlingsplan 2007, Äldreomsorgen\\x1b[2J: 1 sida");
}

TEST_CASE("with many PDFs the summary gives their total and range on one line", "[summary]") {
  const std::string line = kv::build_summary(kv::Lang::kSv, "output", {900, 4, {10, 40, 12, 12, 12, 12, 2}});
  CHECK(line == "Webbplatsen byggdes i output: 900 sidor, 4 arbetsböcker och 7 PDF:er (sammanlagt 100 sidor, 2–40 per PDF).");
}

TEST_CASE("the output folder in the summary is escaped for the terminal", "[summary]") {
  const std::string line = kv::build_summary(kv::Lang::kSv, "ut\x1b[2J", {1, 0, {}});
  CHECK(line.find('\x1b') == std::string::npos);
}

namespace {

struct Run {
  int status;
  std::string out, err;
};

Run run(bool build, bool quiet) {
  TempDir dir;
  copy_fixture("valid", dir.path() / "content");
  auto options = options_for(dir.path() / "content");
  options.output_dir = (dir.path() / "output").string();
  options.style.quiet = quiet;
  options.style.show_progress = true;  // even so, --quiet draws nothing
  std::ostringstream o, e;
  int status = build ? kv::run_build(options, o, e) : kv::run_check(options, o, e);
  return {status, o.str(), e.str()};
}

}  // namespace

TEST_CASE("build ends with its summary line, and prints nothing with -q when all is well", "[summary]") {
  Run loud = run(true, false);
  REQUIRE(loud.status == 0);
  CHECK_THAT(loud.out, Contains("Webbplatsen byggdes i ") && Contains(" sidor"));
  Run quiet = run(true, true);
  REQUIRE(quiet.status == 0);
  CHECK(quiet.out.empty());
  CHECK(quiet.err.empty());
}

TEST_CASE("check --quiet prints no readability table and no closing line", "[summary]") {
  Run loud = run(false, false);
  REQUIRE(loud.status == 0);
  CHECK_THAT(loud.out, Contains("LIX"));
  Run quiet = run(false, true);
  REQUIRE(quiet.status == 0);
  CHECK(quiet.out.empty());
  CHECK(quiet.err.empty());
}

TEST_CASE("quiet mode still prints errors", "[summary]") {
  TempDir dir;
  copy_fixture("valid", dir.path() / "content");
  const fs::path file = submission_dir(dir.path() / "content") / "inlamning.yaml";
  write(file, read(file) + "\tfel: [\n");
  auto options = options_for(dir.path() / "content");
  options.style.quiet = true;
  std::ostringstream o, e;
  CHECK(kv::run_check(options, o, e) == 1);
  CHECK_THAT(e.str(), Contains("inlamning.yaml") && Contains("error"));
}
