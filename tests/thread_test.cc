// The thread between a unit's documents of consecutive years (tests/fixtures/two-years: an
// award 2020 and 2021, a report 2023 and 2024): goals followed up the next year, both pages
// linking each other, and last year's indicator outcomes.
#include <catch2/catch.hpp>

#include <regex>

#include "pipeline/pipeline.h"
#include "support.h"
#include "validate/year_thread.h"

using namespace kvtest;
using kv::Severity;
using Catch::Matchers::Contains;

namespace {


struct TwoYears : StructuresFixture {
  TwoYears() : StructuresFixture("two-years") {}
  fs::path file(const std::string& rel) const { return content / "provenhet" / rel; }
  fs::path build() {
    REQUIRE(StructuresFixture::build() == 0);
    return out;
  }
};

// The text of the line a diagnostic points at.
std::string line_at(const fs::path& file, int n) {
  std::istringstream in(read(file));
  std::string line;
  for (int i = 0; i < n; ++i) std::getline(in, line);
  return line;
}

}  // namespace

TEST_CASE("goal titles are compared without case, extra spaces or a final full stop", "[thread]") {
  CHECK(kv::goal_key("  Alla medarbetare  ska ha\tgenomfört utbildning. ") == "alla medarbetare ska ha genomfört utbildning");
  CHECK(kv::goal_key("ÄLDRE ÄR TRYGGA") == kv::goal_key("äldre är trygga"));
  CHECK(kv::goal_key("Färre fallolycka") != kv::goal_key("Färre fallolyckor"));
}

TEST_CASE("the two-year fixture gives exactly the three thread warnings", "[thread]") {
  TwoYears t;
  auto v = t.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 0);
  CHECK(v.diagnostics.list.items().size() == 3);
  // A goal of 2020 that 2021 does not follow up, reported in 2021's follow-up part.
  CHECK(count(v, Severity::kWarning, "2021/prov/fraga-01.md",
              "målet ”Färre fallolyckor” från 2020 (" + t.file("2020/prov/fraga-02.md").generic_string() +
                  ":27) följs inte upp i fråga 1") == 1);
  CHECK(line_at(t.file("2020/prov/fraga-02.md"), 27) == "```mål");
  // A follow-up of a goal never set, with the goal it most likely means.
  const auto* unknown = find(v, "”Färre fallolycka”");
  REQUIRE(unknown);
  CHECK(unknown->message == "uppföljningen gäller målet ”Färre fallolycka”, men inget sådant mål sattes 2020 i fråga 2 (”Årets mål”)");
  CHECK(unknown->hint == "menade du ”Färre fallolyckor”?");
  CHECK(line_at(t.file("2021/prov/fraga-01.md"), unknown->pos.line) == "```uppföljning");
  CHECK(line_at(t.file("2021/prov/fraga-01.md"), unknown->pos.line + 1) == "mål: Färre fallolycka");
  // Last year's outcome that is not last year's: both values and both places.
  const auto* outcome = find(v, "Utfall VB föregående år");
  REQUIRE(outcome);
  CHECK(outcome->message == "indikatorn ”Antal fallolyckor” har Utfall VB föregående år 14, men utfallet 2023 var 12 (" +
                                t.file("2023/rapport/avsnitt-01.md").generic_string() + ":19)");
  CHECK(line_at(t.file("2024/rapport/avsnitt-01.md"), outcome->pos.line + 1) == "indikator: Antal fallolyckor");
  CHECK(line_at(t.file("2023/rapport/avsnitt-01.md"), 20) == "indikator: Antal fallolyckor");
}

TEST_CASE("a document without the previous year has no thread to check", "[thread]") {
  TwoYears t;
  fs::remove_all(t.content / "provenhet" / "2020");
  fs::remove_all(t.content / "provenhet" / "2023");
  auto v = t.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.items().empty());
}

TEST_CASE("thread warnings follow the fix: the goal followed up, the value corrected", "[thread]") {
  TwoYears t;
  const fs::path follow = t.file("2021/prov/fraga-01.md");
  write(follow, std::regex_replace(read(follow), std::regex("mål: Färre fallolycka\n"), "mål: Färre fallolyckor\n"));
  const fs::path section = t.file("2024/rapport/avsnitt-01.md");
  write(section, std::regex_replace(read(section), std::regex("vb: 14\n"), "vb: 12\n"));
  auto v = t.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.items().empty());
}

TEST_CASE("a goal's page and its follow-up's page link each other", "[thread]") {
  TwoYears t;
  const fs::path site = t.build();
  const std::string goals = read(site / "2020/provenhet/prov/fraga-02/index.html");
  const std::string follow = read(site / "2021/provenhet/prov/fraga-01/index.html");
  // Goal 1 is followed up by follow-up 1, goal 2 (written in another case) by follow-up 2.
  CHECK(goals.find("<section class=\"mal\" id=\"kv-mal-1\">") != std::string::npos);
  CHECK(goals.find("<a href=\"../../../../2021/provenhet/prov/fraga-01/index.html#kv-uppfoljning-1\">2021, fråga 1</a>") !=
        std::string::npos);
  CHECK(goals.find("#kv-uppfoljning-2\">2021, fråga 1</a>") != std::string::npos);
  CHECK(follow.find("<a href=\"../../../../2020/provenhet/prov/fraga-02/index.html#kv-mal-1\">2020, fråga 2</a>") !=
        std::string::npos);
  CHECK(follow.find("#kv-mal-2\">2020, fråga 2</a>") != std::string::npos);
  // The third goal has no follow-up and the third follow-up no goal: no link either way.
  CHECK(goals.find("#kv-uppfoljning-3") == std::string::npos);
  CHECK(follow.find("#kv-mal-3") == std::string::npos);
  // Every thread link leads to an element of its page.
  std::regex link("href=\"\\.\\./\\.\\./\\.\\./\\.\\./([^\"#]+)#(kv-[a-z]+-\\d+)\"");
  int links = 0;
  for (const std::string* page : {&goals, &follow})
    for (auto it = std::sregex_iterator(page->begin(), page->end(), link); it != std::sregex_iterator(); ++it, ++links)
      CHECK(read(site / (*it)[1].str()).find("id=\"" + (*it)[2].str() + "\"") != std::string::npos);
  CHECK(links == 4);
}

TEST_CASE("the unit's page shows each year's goals and how they were followed up", "[thread]") {
  TwoYears t;
  const fs::path site = t.build();
  const std::string unit = read(site / "enheter/provenhet/index.html");
  auto item = [&](const std::string& title) {
    size_t at = unit.find("<li>" + title + " <span");
    return at == std::string::npos ? std::string() : unit.substr(at, unit.find("</li>", at) - at);
  };
  // 2020's goals: two followed up in 2021 (linking the follow-up), one not.
  CHECK(item("Alla medarbetare ska ha genomfört utbildning i demens") ==
        "<li>Alla medarbetare ska ha genomfört utbildning i demens <span class=\"tidslinje-status status-uppfoljt\"><a "
        "href=\"../../2021/provenhet/prov/fraga-01/index.html#kv-uppfoljning-2\">uppföljt 2021</a></span>");
  CHECK(item("Färre fallolyckor") == "<li>Färre fallolyckor <span class=\"tidslinje-status status-ej-uppfoljt\">inte uppföljt</span>");
  // 2021's goal has no 2022 document to be followed up in yet.
  CHECK(unit.find("Fler brukare ska vara nöjda med maten <span class=\"tidslinje-status status-vantar\">ännu inte uppföljt</span>") !=
        std::string::npos);
  // The reports' indicator values, per year.
  CHECK(unit.find("<div><dt>Antal fallolyckor</dt><dd>11</dd></div>") != std::string::npos);
  CHECK(unit.find("<div><dt>Antal fallolyckor</dt><dd>12</dd></div>") != std::string::npos);
  CHECK(unit.find("<dd>92,5\xC2\xA0%</dd>") != std::string::npos);
}

TEST_CASE("an action referred to from a later report lists where it was followed up", "[thread]") {
  TwoYears t;
  const fs::path site = t.build();
  const std::string plan = read(site / "2022/provenhet/handlingsplan/avsnitt-01/index.html");
  const std::string page = read(site / "2024/provenhet/rapport/avsnitt-01/index.html");
  // The report's "#åtgärd-2" leads to the plan's second action …
  CHECK(page.find("href=\"../../../../2022/provenhet/handlingsplan/avsnitt-01/index.html#kv-atgard-2\"") != std::string::npos);
  // … whose row names the report, and only that row.
  const size_t second = plan.find("<tr id=\"kv-atgard-2\">");
  REQUIRE(second != std::string::npos);
  const std::string follow = "<p class=\"trad\" data-ej-sok><span class=\"etikett\">Följs upp i:</span> <a "
                             "href=\"../../../../2024/provenhet/rapport/avsnitt-01/index.html\">Provrapport 2024, avsnitt 1</a></p>";
  CHECK(plan.find(follow) > second);
  CHECK(plan.find(follow) != std::string::npos);
  CHECK(plan.find("class=\"trad\"") == plan.find(follow) + 3);  // the first and only one
}

TEST_CASE("a link to an action the plan does not have is an error", "[thread]") {
  TwoYears t;
  const fs::path section = t.file("2024/rapport/avsnitt-01.md");
  write(section, std::regex_replace(read(section), std::regex("#åtgärd-2"), "#åtgärd-9"));
  auto v = t.run();
  INFO(all_messages(v));
  CHECK(count(v, Severity::kError, "2024/rapport/avsnitt-01.md", "åtgärd-9") == 1);
  const auto* d = find(v, "åtgärd-9");
  REQUIRE(d);
  CHECK(d->hint.find("#åtgärd-1, #åtgärd-2") != std::string::npos);  // what it could name, as authors write it
}

TEST_CASE("a unit page has each document's print page and tables, and the indicators over the years", "[thread]") {
  TwoYears f;
  const std::string unit = read(f.build() / "enheter/provenhet/index.html");
  // Every document's print page; tables only where the document has them (the reports).
  CHECK_THAT(unit, Contains("href=\"../../2024/provenhet/rapport/utskrift.html\""));
  CHECK_THAT(unit, Contains("href=\"../../2020/provenhet/prov/utskrift.html\""));
  CHECK_THAT(unit, Contains("href=\"../../2024/provenhet/rapport/tabeller.xlsx\""));
  // One row per indicator, one column per year (oldest first), linked to its trend page.
  const size_t table = unit.find("<table class=\"enhetsindikatorer\">");
  REQUIRE(table != std::string::npos);
  const std::string t = unit.substr(table, unit.find("</table>", table) - table);
  CHECK_THAT(t, Contains("<th scope=\"col\" class=\"tal\">2023</th><th scope=\"col\" class=\"tal\">2024</th>"));
  CHECK_THAT(t, Contains("<a href=\"../../indikatorer/andel-nojda-brukare/index.html\">Andel nöjda brukare</a></th>"
                         "<td class=\"tal\">85\xC2\xA0%</td><td class=\"tal\">88\xC2\xA0%</td>"));  // no-break space before %
  CHECK_THAT(t, Contains(">Ny indikator</a></th><td class=\"tal\"></td><td class=\"tal\">3</td>"));
}
