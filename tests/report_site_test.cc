// End to end for the annual report: content/ builds, every section page exists, every
// indicator, goal, activity and complaints row of the 2024 report is on the site, and the
// source document's text is there line by line.
#include <catch2/catch.hpp>

#include <cstring>
#include <regex>

#include "pipeline/pipeline.h"
#include "model/report_view.h"
#include "model/site_index.h"
#include "support.h"
#include "util/escape.h"
#include "util/text.h"

using namespace kvtest;
using Catch::Matchers::Contains;

namespace {

const char* kReport = "2024/hagersten-alvsjo-hemtjanst/verksamhetsberattelse";

struct BuiltReport {
  kv::Validated validated = kv::validate_content(options_for(source_dir() / "content", source_dir() / "templates"));
  const fs::path& out = example_site().out;
  int status = example_site().status;
  std::string page(const std::string& rel) const { return read(out / kReport / rel); }
  const kv::model::Submission& submission() const {
    for (const auto& s : validated.site.submissions)
      if (s.kind_slug == "verksamhetsberattelse") return s;
    throw std::runtime_error("no report");
  }
};

const BuiltReport& built() {
  static BuiltReport b;
  return b;
}

std::string section(int n) { return (n < 10 ? "avsnitt-0" : "avsnitt-") + std::to_string(n) + "/index.html"; }

}  // namespace

TEST_CASE("the report builds with one page per section of the 2024 structure") {
  const auto& b = built();
  REQUIRE(b.status == 0);
  const auto& r = b.submission();
  REQUIRE(r.structure->questions().size() == 15);
  for (const auto* q : r.structure->questions()) {
    INFO("section " << q->number);
    std::string html = b.page(section(q->number));
    CHECK_THAT(html, Contains("<h1><span class=\"nr\">" + std::to_string(q->number) + ".</span> " + kv::html_escape(q->title)));
    CHECK_THAT(html, Contains("Avsnitt " + std::to_string(q->number)));
  }
  CHECK_THAT(b.page("index.html"), Contains("<span class=\"omrade-titel\">Uppföljning av Kommunfullmäktiges inriktningsmål</span>"));
  CHECK_THAT(b.page("index.html"), Contains("href=\"tabeller.xlsx\""));
}

TEST_CASE("every indicator goal activity and complaints row of the report is on its page") {
  const auto& b = built();
  const auto& r = b.submission();
  int indicators = 0, activities = 0, unit_goals = 0, rows = 0;
  kv::model::for_each_in_hierarchy(r, [&](const kv::model::Block& block, const kv::model::GoalPath& path) {
    std::string html = b.page(section(path.section));
    if (const auto* i = std::get_if<kv::model::Indicator>(&block.value)) {
      ++indicators;
      CHECK_THAT(html, Contains("<section class=\"indikator\">\n<h3>" + kv::html_escape(i->name) + "</h3>"));
      REQUIRE(path.kf_goal != nullptr);
    } else if (const auto* a = std::get_if<kv::model::Activity>(&block.value)) {
      ++activities;
      CHECK_THAT(html, Contains("<tr><th scope=\"row\">" + kv::html_escape(a->activity) + "</th>"));
    } else if (const auto* g = std::get_if<kv::model::UnitGoal>(&block.value)) {
      ++unit_goals;
      CHECK_THAT(html, Contains(kv::html_escape(g->goal) + "</h3>"));
    } else if (const auto* c = std::get_if<kv::model::Complaints>(&block.value)) {
      for (const auto& group : c->groups)
        for (const auto& row : group.rows) {
          ++rows;
          CHECK_THAT(html, Contains("<th scope=\"row\">" + kv::html_escape(row.category) + "</th>"));
        }
    }
  });
  // The counts of seed 004: 6 indicators, 8 activities, 4 unit goals, 36 complaints rows.
  CHECK(indicators == 6);
  CHECK(activities == 8);
  CHECK(unit_goals == 4);
  CHECK(rows == 36);
}

TEST_CASE("the year and trend workbooks exist and are linked") {
  const auto& b = built();
  CHECK(fs::is_regular_file(b.out / "2024" / "indikatorer.xlsx"));
  CHECK(fs::is_regular_file(b.out / "indikatorer" / "sjukfranvaro.xlsx"));
  CHECK_THAT(read(b.out / "index.html"), Contains("href=\"2024/indikatorer.xlsx\""));
  CHECK_THAT(b.page(section(6)), Contains("href=\"../../../../indikatorer/sjukfranvaro.xlsx\""));
}

TEST_CASE("every prose line of the source report appears on the site") {
  const auto& b = built();
  std::string site;
  for (int n = 1; n <= 15; ++n) site += visible_text(b.page(section(n)));
  std::string seed = read(fixtures() / "seeds" / "004-verksamhetsberattelse-2024.txt");
  std::istringstream lines(seed);
  int checked = 0;
  std::vector<std::string> missing;
  for (std::string line; std::getline(lines, line);) {
    std::string t = visible_text(line);
    while (!t.empty() && t.back() == ' ') t.pop_back();
    while (!t.empty() && t.front() == ' ') t.erase(0, 1);
    if (t.rfind("-", 0) == 0) t.erase(0, t.rfind("- ", 0) == 0 ? 2 : 1);  // list bullets
    // Prose only: rows of figures, dates and counts ("25 35 3 63 st"), page footers and the
    // Agenda 2030 goal lines ("Mål 2- Ingen hunger.", a heading on the site) were restructured.
    static const std::regex restructured("\\d %|(\\d+ ){2}|\\d+ st\\b|\\d{4}-\\d\\d-\\d\\d|Verksamhetsberättelse \\d|^Mål \\d+-");
    if (kv::utf8_length(t) < 30 || std::regex_search(t, restructured)) continue;
    ++checked;
    if (site.find(t) == std::string::npos) missing.push_back(t);
  }
  INFO("missing lines:\n" << [&] { std::string s; for (auto& m : missing) s += m + "\n"; return s; }());
  CHECK(checked > 300);
  CHECK(missing.empty());
}

TEST_CASE("every indicator links its page across units and years – which shows its figures") {
  const auto& b = built();
  std::vector<const kv::model::Indicator*> indicators;
  for (const auto& [number, answer] : b.submission().answers)
    kv::model::for_each_block(answer.blocks, [&](const kv::model::Block& block) {
      if (const auto* i = std::get_if<kv::model::Indicator>(&block.value)) indicators.push_back(i);
    });
  REQUIRE(indicators.size() == 6);
  std::string index = read(b.out / "indikatorer/index.html");
  for (const auto* i : indicators) {
    INFO(i->name);
    std::string slug = kv::model::indicator_slug(i->name);
    CHECK_THAT(index, Contains("<a href=\"" + slug + "/index.html\">" + kv::html_escape(i->name) + "</a>"));
    std::string page = read(b.out / "indikatorer" / slug / "index.html");
    CHECK_THAT(page, Contains("data-sidtyp=\"indikator\""));
    CHECK_THAT(page, Contains("<h1>" + kv::html_escape(i->name) + "</h1>"));
    // The trend chart's one bar is this unit's 2024 outcome, and the table row says so too.
    std::smatch bar;
    REQUIRE(std::regex_search(page, bar, std::regex("data-value=\"([^\"]+)\"")));
    CHECK(std::stod(bar[1]) == Approx(i->outcome.value));
    CHECK_THAT(page, Contains("<th scope=\"row\">Hägersten-Älvsjös hemtjänst</th><td><a href=\"../../" +
                              std::string(kReport) + "/avsnitt-"));
    CHECK_THAT(page, Contains("href=\"../../indikatorer/" + slug + ".xlsx\""));
  }
  // Each indicator section links its page.
  size_t links = 0;
  for (const auto& [number, answer] : b.submission().answers) {
    std::string html = b.page(section(number));
    for (size_t at = 0; (at = html.find("class=\"indikator-lank\" data-ej-sok><a href=\"../../../../indikatorer/", at)) != std::string::npos; ++at)
      ++links;
  }
  CHECK(links == 6);
}
