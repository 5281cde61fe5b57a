// A structure's own containers (behållare:, e.g. "::: lärdomar") and Markdown tables as
// parts kräver: and rekommenderar: may name, on the editions fixture: prov-2022 declares
// them, prov-2023 (bygger_på: prov-2022) inherits them.
#include <catch2/catch.hpp>

#include "support.h"
#include "validate/structure_file.h"

using namespace kvtest;
using Catch::Matchers::Contains;
using kv::Severity;

namespace {

const char* const kLessons = "behållare:\n  - namn: lärdomar\n    rubrik: Lärdomar\n";

// prov-2022 with a container of its own, and question 2 requiring it and a table.
struct Lessons : StructuresFixture {
  explicit Lessons(const std::string& containers = kLessons) : StructuresFixture("editions") {
    replace(structure("prov-2022"), "områden:\n", containers + std::string("områden:\n"));
    replace(structure("prov-2022"), "        motsvarar: ny\n", "        motsvarar: ny\n        kräver: {lärdomar: 1, tabell: 1}\n");
  }
  // Question 2's answer in each 2022 and 2023 document, given the part under its front matter.
  void answer_with(const std::string& part) const {
    for (const char* doc : {"provenhet/2022/prov", "annanenhet/2022/prov", "provenhet/2023/prov"})
      write(content / doc / "fraga-02.md", "---\nfråga: 2\n---\n\nKlagomål gås igenom.\n\n" + part);
  }
};

const std::string kTableInLessons = "::: lärdomar\nVi lärde oss att svara inom en vecka.\n\n| År | Klagomål |\n|---|---|\n| 2022 | 4 |\n:::\n";

}  // namespace

TEST_CASE("a required container of the structure's own and a required table are checked", "[containers]") {
  Lessons f;
  auto v = f.run();
  INFO(all_messages(v));
  // Each of the three answers lacks both; the hint shows how each is written.
  CHECK(count(v, Severity::kError, "fraga-02.md", "lärdomar") == 3);
  const auto* missing = find(v, "lärdomar");
  REQUIRE(missing);
  CHECK_THAT(missing->message, Contains("tabell"));
  CHECK_THAT(missing->hint, Contains("::: lärdomar \xE2\x80\xA6 :::"));
  CHECK_THAT(missing->hint, Contains("| \xE2\x80\xA6 | \xE2\x80\xA6 |"));
}

TEST_CASE("a structure's own container renders under its heading and counts, with its tables", "[containers]") {
  Lessons f;
  f.answer_with(kTableInLessons);
  std::string errors;
  REQUIRE(f.build(&errors, kv::model::Audience::kReviewers) == 0);  // the checklist is the reviewers'
  INFO(errors);
  const std::string page = read(f.out / "2023/provenhet/prov/fraga-02/index.html");
  CHECK_THAT(page, Contains("<section class=\"behallare behallare-lardomar\">\n<h2>Lärdomar</h2>\n"));
  CHECK_THAT(page, Contains("<td>2022</td>"));
  CHECK_THAT(page, Contains("Krävs:</span> lärdomar – <span class=\"krav-status\">finns (1)</span>"));
  CHECK_THAT(page, Contains("Krävs:</span> tabell – <span class=\"krav-status\">finns (1)</span>"));
}

TEST_CASE("a container shown as a box is set apart like an example", "[containers]") {
  Lessons f("behållare:\n  - namn: lärdomar\n    rubrik: Lärdomar\n    visas: ruta\n");
  f.answer_with(kTableInLessons);
  REQUIRE(f.build() == 0);
  CHECK_THAT(read(f.out / "2022/annanenhet/prov/fraga-02/index.html"),
             Contains("<div class=\"behallare behallare-lardomar behallare-ruta\">\n<p class=\"exempel-rubrik\">Lärdomar</p>\n"));
}

TEST_CASE("a container only the later edition declares is unknown in the earlier one", "[containers]") {
  Lessons f;
  f.answer_with(kTableInLessons);
  write(f.content / "provenhet/2020/prov/fraga-01.md", "---\nfråga: 1\n---\n\n" + kTableInLessons);
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(count(v, Severity::kError, "2020/prov/fraga-01.md", "lärdomar") == 1);
  CHECK(count(v, Severity::kError, "2022/prov/fraga-02.md", "lärdomar") == 0);
}

TEST_CASE("containers that cannot be used are reported in the structure file", "[containers]") {
  Lessons f("behållare:\n  - namn: exempel\n    rubrik: Exempel igen\n  - namn: två ord\n    rubrik: X\n"
            "  - namn: lärdomar\n    rubrik: Lärdomar\n    visas: kant\n  - namn: lärdomar\n    rubrik: Igen\n");
  kv::Diagnostics diagnostics;
  kv::read_structures(f.templates / "structures", diagnostics);
  INFO(all_messages(diagnostics));
  CHECK(count(diagnostics, Severity::kError, "prov-2022.yaml", "”exempel” är redan ett namn på en del av ett svar") == 1);
  CHECK(count(diagnostics, Severity::kError, "prov-2022.yaml", "”lärdomar” är redan ett namn på en del av ett svar") == 1);
  CHECK(count(diagnostics, Severity::kError, "prov-2022.yaml", "behållarens namn ”två ord” är inte ett ord") == 1);
  CHECK(count(diagnostics, Severity::kError, "prov-2022.yaml", "visas: ”kant” är inget sätt att visa en behållare") == 1);
}
