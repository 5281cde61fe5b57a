// The validate stage for the annual activity report (verksamhetsberättelse): one test per
// rule of docs/content-model.md, each on a copy of tests/fixtures/report broken in exactly
// one way. The fixture uses the test structure
// tests/fixtures/templates/structures/prov-rapport-2024.yaml.
#include <catch2/catch.hpp>

#include "support.h"

using namespace kvtest;
using kv::Severity;

namespace {

struct Broken {
  TempDir dir;
  fs::path content = dir.path() / "content";
  fs::path sub = content / "provrapport" / "2024" / "prov-rapport";
  fs::path s1 = sub / "avsnitt-01.md";
  fs::path s2 = sub / "avsnitt-02.md";
  fs::path s3 = sub / "avsnitt-03.md";
  fs::path s4 = sub / "avsnitt-04.md";
  Broken() { copy_fixture("report", content); }
  kv::Validated run() { return check(content); }
};

// The one diagnostic of a run that expects exactly one.
const kv::Diagnostic& only(const kv::Validated& v) {
  REQUIRE(v.diagnostics.list.items().size() == 1);
  return v.diagnostics.list.items().front();
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

TEST_CASE("the report fixture has no problems") {
  Broken f;
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.items().empty());
  REQUIRE(v.site.submissions.size() == 1);
  const auto& s = v.site.submissions[0];
  CHECK(s.answers.size() == 4);
  REQUIRE(s.structure);
  CHECK(s.structure->id == "prov-rapport-2024");
}

// ---------------------------------------------------------------------------------------------
// Ranges of figures

TEST_CASE("report rule: a percentage above 100 in an indikator") {
  Broken f;
  replace(f.s1, "utfall: 83", "utfall: 120");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(v.diagnostics.list.warning_count() == 0);
  const auto& d = only(v);
  CHECK(ends_with(d.pos.path, "avsnitt-01.md"));
  CHECK(d.message == "avsnitt 1 (”Mål 1”): ”utfall” är 120 men en andel i procent ligger mellan 0 och 100");
  CHECK(d.pos.line == 16);
  CHECK(d.pos.col == 9);
}

TEST_CASE("report rule: a negative count in an indikator") {
  Broken f;
  replace(f.s1, "utfall: 13", "utfall: -1");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(v.diagnostics.list.warning_count() == 0);
  CHECK(count(v, Severity::kError, "avsnitt-01.md", "utfall är negativt (-1)") == 1);
  const auto& d = only(v);
  CHECK(d.pos.line == 36);
  CHECK(d.pos.col == 9);
}

TEST_CASE("report rule: a negative complaint count") {
  Broken f;
  replace(f.s4, "t1: 25", "t1: -25");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(v.diagnostics.list.warning_count() == 0);  // no sum warning on top of the error
  CHECK(count(v, Severity::kError, "avsnitt-04.md", "t1 är negativt (-25)") == 1);
  const auto& d = only(v);
  CHECK(d.pos.line == 22);
  CHECK(d.pos.col == 13);
}

// ---------------------------------------------------------------------------------------------
// Dates of activities

TEST_CASE("report rule: a start date that is no ISO date") {
  Broken f;
  std::string bad, says;
  // A date of the right form whose month or day does not exist says which (issue 31).
  SECTION("month 13") { bad = "2024-13-01", says = "”2024-13-01” är inget datum som finns: det finns ingen månad 13"; }
  SECTION("30 February") { bad = "2024-02-30", says = "”2024-02-30” är inget datum som finns: februari 2024 har 29 dagar"; }
  SECTION("not the form") { bad = "2024-1-5", says = "”2024-1-5” är inget datum på formen ÅÅÅÅ-MM-DD"; }
  replace(f.s1, "startdatum: 2024-01-01", "startdatum: " + bad);
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(count(v, Severity::kError, "avsnitt-01.md", says) == 1);
  const auto& d = only(v);
  CHECK(d.pos.line == 56);
  CHECK(d.pos.col == 13);
}

TEST_CASE("report rule: an end date before the start date") {
  Broken f;
  replace(f.s1, "startdatum: 2024-03-01", "startdatum: 2024-12-24");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(count(v, Severity::kError, "avsnitt-01.md", "slutdatumet 2024-11-30 ligger före startdatumet 2024-12-24") == 1);
  const auto& d = only(v);
  CHECK(d.pos.line == 66);  // reported at the end date
  CHECK(d.pos.col == 12);
}

// ---------------------------------------------------------------------------------------------
// Status words and required keys

TEST_CASE("report rule: an unknown status word in enhetsmål") {
  Broken f;
  replace(f.s1, "status: uppfylls delvis\nförväntat_resultat:", "status: uppfylls nästan\nförväntat_resultat:");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(count(v, Severity::kError, "avsnitt-01.md", "”uppfylls nästan” är inget giltigt värde för status") == 1);
  const auto& d = only(v);
  CHECK(d.pos.line == 72);
  CHECK(d.pos.col == 9);
  CHECK(d.hint == "menade du ”uppfylls helt”?");
}

TEST_CASE("report rule: a missing status in enhetsmål") {
  Broken f;
  replace(f.s1, "status: uppfylls delvis\nförväntat_resultat:", "förväntat_resultat:");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(count(v, Severity::kError, "avsnitt-01.md", "”status” saknas") == 1);
  CHECK(only(v).pos.line == 71);  // the block's first line
}

TEST_CASE("report rule: an indikator without årsmål") {
  Broken f;
  replace(f.s1, "årsmål: 10\n", "");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(count(v, Severity::kError, "avsnitt-01.md", "”årsmål” saknas") == 1);
  CHECK(only(v).hint == "lägg till raden årsmål: …");
}

// ---------------------------------------------------------------------------------------------
// Plausibility and period

TEST_CASE("report rule: an outcome outside the range of men and women is a warning") {
  Broken f;
  replace(f.s1, "utfall: 83", "utfall: 87");  // män 80, kvinnor 85
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 0);
  CHECK(v.diagnostics.list.warning_count() == 1);
  CHECK(count(v, Severity::kWarning, "avsnitt-01.md",
              "utfallet 87 ligger utanför intervallet mellan män (80) och kvinnor (85)") == 1);
  const auto& d = only(v);
  CHECK(d.pos.line == 16);
  CHECK(d.pos.col == 9);
  // The report is still built: a warning does not stop it.
  CHECK(v.site.submissions.size() == 1);
}

TEST_CASE("report rule: a period of another year") {
  Broken f;
  replace(f.s1, "period: \"2024\"", "period: \"2023\"");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(count(v, Severity::kError, "avsnitt-01.md", "perioden ”2023” gäller inte rapportåret 2024") == 1);
  const auto& d = only(v);
  CHECK(d.pos.line == 22);
  CHECK(d.pos.col == 9);
  CHECK(d.hint == "skriv perioden som 2024, T1 2024, T2 2024 eller VB 2024");
}

// ---------------------------------------------------------------------------------------------
// KF goals

TEST_CASE("report rule: a kf-mål number not in the structure") {
  Broken f;
  replace(f.s1, "nr: \"1.1\"", "nr: \"1.9\"");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(count(v, Severity::kError, "avsnitt-01.md", "KF-målet 1.9 finns inte i prov-rapport-2024") == 1);
  const auto& d = only(v);
  CHECK(d.pos.line == 8);
  CHECK(d.pos.col == 5);
  CHECK(d.hint == "menade du ”1.1”?");
}

TEST_CASE("report rule: a kf-mål of another inriktningsmål") {
  Broken f;
  replace(f.s1, "nr: \"1.1\"", "nr: \"2.1\"");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(count(v, Severity::kError, "avsnitt-01.md",
              "KF-målet 2.1 hör till inriktningsmål 2, men det här avsnittet följer upp inriktningsmål 1") == 1);
  const auto& d = only(v);
  CHECK(d.pos.line == 8);
  CHECK(d.hint.find("inriktningsmål 2") != std::string::npos);
}

TEST_CASE("report rule: a kf-mål in a section that follows up no inriktningsmål") {
  Broken f;
  replace(f.s3, "```principer", "```kf-mål\nnr: \"1.1\"\n```\n\n```principer");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(count(v, Severity::kError, "avsnitt-03.md",
              "avsnitt 3 (”Kvalitetsprogrammet”): det här avsnittet följer inte upp något KF:s inriktningsmål") == 1);
  const auto& d = only(v);
  CHECK(d.pos.line == 8);
  CHECK(d.pos.col == 5);
}

// ---------------------------------------------------------------------------------------------
// The goal hierarchy by block order

TEST_CASE("report rule: an indikator before any kf-mål") {
  Broken f;
  replace(f.s2, "```kf-mål", "```indikator\nindikator: Andel nöjda kunder\nenhet: \"%\"\nutfall: 90\nårsmål: 90\nperiod: \"2024\"\n```\n\n```kf-mål");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(count(v, Severity::kError, "avsnitt-02.md", "”indikator” hör inte till något ”kf-mål”") == 1);
  const auto& d = only(v);
  CHECK(d.pos.line == 7);  // the opening fence, at the block's name
  CHECK(d.pos.col == 4);
  CHECK(d.hint.find("```kf-mål-block") != std::string::npos);
}

TEST_CASE("report rule: an aktivitet before any nämndmål") {
  Broken f;
  replace(f.s1, "```nämndmål", "```aktivitet\naktivitet: Starta en anhöriggrupp.\nstartdatum: 2024-01-01\nslutdatum: 2024-06-30\n```\n\n```nämndmål");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(count(v, Severity::kError, "avsnitt-01.md", "”aktivitet” hör inte till något ”nämndmål”") == 1);
  const auto& d = only(v);
  CHECK(d.pos.line == 45);
  CHECK(d.pos.col == 4);
}

TEST_CASE("report rule: a new kf-mål closes the nämndmål before it") {
  Broken f;
  // avsnitt-01.md ends with kf-mål 1.2 and its indicator; the nämndmål above belongs to 1.1.
  write(f.s1, read(f.s1) + "\n```aktivitet\naktivitet: Starta en anhöriggrupp.\nstartdatum: 2024-01-01\nslutdatum: 2024-06-30\n```\n");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(count(v, Severity::kError, "avsnitt-01.md", "”aktivitet” hör inte till något ”nämndmål”") == 1);
}

// ---------------------------------------------------------------------------------------------
// Principles, Agenda 2030, complaints

TEST_CASE("report rule: a missing principle") {
  Broken f;
  replace(f.s3, "lärande: >\n  Medarbetarna uppmuntras att bli ombud och att utbilda sig till undersköterskor.\n", "");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(count(v, Severity::kError, "avsnitt-03.md", "”lärande” saknas") == 1);
  CHECK(only(v).pos.line == 8);  // the block's first line
}

TEST_CASE("report rule: a misspelt principle key gives one error with a did-you-mean") {
  Broken f;
  replace(f.s3, "lärande:", "lärnde:");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 1);  // not also "”lärande” saknas"
  CHECK(count(v, Severity::kError, "avsnitt-03.md", "okänd nyckel ”lärnde”") == 1);
  const auto& d = only(v);
  CHECK(d.hint == "menade du ”lärande”?");
  CHECK(d.pos.line == 10);
  CHECK(d.pos.col == 1);
}

TEST_CASE("report rule: an Agenda 2030 goal outside 1–17") {
  Broken f;
  replace(f.s4, "nr: 5", "nr: 18");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(count(v, Severity::kError, "avsnitt-04.md", "Agenda 2030 har inget mål 18") == 1);
  const auto& d = only(v);
  CHECK(d.pos.line == 11);
  CHECK(d.pos.col == 9);
}

TEST_CASE("report rule: a complaints total that does not add up is a warning") {
  Broken f;
  replace(f.s4, "totalt: 63", "totalt: 64");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 0);
  CHECK(v.diagnostics.list.warning_count() == 1);
  CHECK(count(v, Severity::kWarning, "avsnitt-04.md", "totalt 64 stämmer inte med T1 + T2 + VB (63)") == 1);
  const auto& d = only(v);
  CHECK(d.pos.line == 25);
  CHECK(d.pos.col == 17);
}

// ---------------------------------------------------------------------------------------------
// Required parts

TEST_CASE("report rule: a required report part is missing") {
  Broken f;
  // Remove the kf-mål blocks of section 1 together with the blocks under them (left alone,
  // those would be orphans: an error of their own, after which the part check is skipped).
  std::string text = read(f.s1);
  size_t first_block = text.find("```kf-mål");
  REQUIRE(first_block != std::string::npos);
  write(f.s1, text.substr(0, first_block));
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(count(v, Severity::kError, "avsnitt-01.md", "avsnitt 1 (”Mål 1”) saknar ”kf-mål”") == 1);
  CHECK(only(v).hint.find("```kf-mål") != std::string::npos);
}

TEST_CASE("report rule: a section without a required part is fine when the structure asks for none") {
  // The counterpart of the rule above: section 2 follows up inriktningsmål 2 but does not
  // require a kf-mål, so removing its blocks is no error.
  Broken f;
  replace(f.s2, "```kf-mål\nnr: \"2.1\"\nstatus: uppfylls helt\n```\n", "");
  replace(f.s2, "```indikator\nindikator: Andel resor i tjänsten med cykel eller till fots\nenhet: \"%\"\nutfall: 64\nårsmål: 60\nperiod: \"2024\"\n```\n", "");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.items().empty());
}

// ---------------------------------------------------------------------------------------------
// The structure file

TEST_CASE("report rule: a KF goal numbered outside its inriktningsmål in the structure") {
  Broken f;
  fs::path templates = f.dir.path() / "templates";
  fs::copy(fixtures() / "templates", templates, fs::copy_options::recursive);
  fs::path structure = templates / "structures" / "prov-rapport-2024.yaml";
  replace(structure, "- nr: \"1.2\"", "- nr: \"2.2\"");
  auto v = kv::validate_content(options_for(f.content, templates));
  INFO(all_messages(v));
  CHECK(count(v, Severity::kError, "prov-rapport-2024.yaml", "KF-målet 2.2 hör inte till inriktningsmål 1") == 1);
  const auto* d = find(v, "KF-målet 2.2 hör inte till inriktningsmål 1");
  REQUIRE(d);
  CHECK(d->pos.line == 30);
  CHECK(d->pos.col == 13);
  CHECK(d->hint == "KF-målens nummer ska börja med 1. och vara unika");
  // A broken structure is not used, so the report that names it cannot be checked either:
  // one warning says so, and nothing repeats the structure's error.
  CHECK(count(v, Severity::kWarning, "inlamning.yaml", "dokumentet kontrolleras inte, eftersom strukturen ”prov-rapport-2024” har fel") == 1);
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(v.diagnostics.list.warning_count() == 1);
}

TEST_CASE("report rule: a KF goal number used twice in the structure") {
  Broken f;
  fs::path templates = f.dir.path() / "templates";
  fs::copy(fixtures() / "templates", templates, fs::copy_options::recursive);
  replace(templates / "structures" / "prov-rapport-2024.yaml", "- nr: \"1.2\"", "- nr: \"1.1\"");
  auto v = kv::validate_content(options_for(f.content, templates));
  INFO(all_messages(v));
  CHECK(count(v, Severity::kError, "prov-rapport-2024.yaml", "nyckeln ”1.1” förekommer mer än en gång") == 1);
  const auto* d = find(v, "nyckeln ”1.1”");
  REQUIRE(d);
  CHECK(d->pos.line == 30);
  CHECK(count(v, Severity::kWarning, "inlamning.yaml", "dokumentet kontrolleras inte, eftersom strukturen ”prov-rapport-2024” har fel") == 1);
  CHECK(v.diagnostics.list.error_count() == 1);
}

// ---------------------------------------------------------------------------------------------
// Language

TEST_CASE("report rule: diagnostics are in English when the report language is English") {
  Broken f;
  replace(f.s1, "period: \"2024\"", "period: \"2023\"");
  kv::Validated v;
  SECTION("from the command line") {
    auto options = options_for(f.content);
    options.lang = kv::Lang::kEn;
    v = kv::validate_content(options);
  }
  SECTION("from site.yaml") {
    replace(f.content / "site.yaml", "språk: sv", "språk: en");
    v = f.run();
  }
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(count(v, Severity::kError, "avsnitt-01.md",
              "section 1 (‘Mål 1’): the period ‘2023’ is not in the report year 2024") == 1);
  CHECK(only(v).hint == "write the period as 2024, T1 2024, T2 2024 or VB 2024");
}
