// Report blocks in HTML and their charts: the figures on the page and in the SVG are the
// figures of the data; status is written in words; author text is escaped.
#include <catch2/catch.hpp>

#include <regex>

#include "markdown/markdown.h"
#include "render/html/blocks_html.h"
#include "render/html/report_html.h"
#include "render/svg/bar_chart.h"

using namespace kv;
using Catch::Matchers::Contains;

namespace {

model::Indicator sick_leave() {
  model::Indicator i;
  i.name = "Sjukfrånvaro";
  i.unit = "%";
  i.higher_is_better = false;
  i.outcome = 9.9;
  i.previous = 8.8;
  i.target = 8.5;
  i.kf_target_text = "Tas fram av nämnd/styrelse";
  i.period = "VB 2024";
  i.analysis = "Sjukfrånvaron för hela enheten är 9,88 %.";
  i.sub_units = {{"Aspuddens hemtjänst", 10.72}, {"Fruängens hemtjänst", 10.68}, {"Trekantens hemtjänst", 8.92},
                 {"Älvsjö hemtjänst", 7.28},    {"Kransens hemtjänst", 7.35},  {"Hägerstensåsens hemtjänst", 15.54},
                 {"Västertorps hemtjänst", 8.71}};
  return i;
}

// (data-value, width) of horizontal bars / (data-value, height) of vertical ones.
std::vector<std::pair<double, double>> rects(const std::string& svg, const char* dimension) {
  std::vector<std::pair<double, double>> out;
  std::regex re(std::string(dimension) + "=\"([0-9.]+)\"[^>]*data-value=\"([0-9.]+)\"");
  for (std::sregex_iterator it(svg.begin(), svg.end(), re), end; it != end; ++it)
    out.emplace_back(std::stod((*it)[2]), std::stod((*it)[1]));
  return out;
}

}  // namespace

TEST_CASE("an indicator's main chart shows previous year and outcome and targets from the data") {
  auto charts = indicator_charts(sick_leave(), Lang::kSv);
  REQUIRE(charts.size() == 2);  // main + sub-units; no gender chart without men and women
  const auto& main = charts[0];
  CHECK(main.categories == std::vector<std::string>{"Utfall VB 2023", "Periodens utfall", "Årsmål"});
  REQUIRE(main.series.size() == 1);
  CHECK(main.series[0].values == std::vector<std::optional<kv::Number>>{8.8, 9.9, 8.5});
  CHECK(main.percent);
  // A numeric KF target becomes a fourth bar.
  auto numeric = sick_leave();
  numeric.kf_target = 8.0;
  CHECK(indicator_charts(numeric, Lang::kSv)[0].categories.back() == "KF:s årsmål");
}

TEST_CASE("women and men get their own chart when both are given") {
  auto i = sick_leave();
  i.women = 10.5;
  i.men = 7.0;
  auto charts = indicator_charts(i, Lang::kSv);
  REQUIRE(charts.size() == 3);
  CHECK(charts[1].categories == std::vector<std::string>{"Kvinna", "Man", "Totalt"});
  CHECK(charts[1].series[0].values == std::vector<std::optional<kv::Number>>{10.5, 7.0, 9.9});
}

TEST_CASE("sub-unit bars have the sub-units' values and lengths proportional to them") {
  auto charts = indicator_charts(sick_leave(), Lang::kSv);
  auto& subs = charts[1];
  subs.id = "d1";
  std::string svg = svg::render_bar_chart(subs);
  auto found = rects(svg, "width");  // seven long names do not fit under vertical bars: horizontal
  REQUIRE(found.size() == 7);
  const auto& data = sick_leave().sub_units;
  for (size_t k = 0; k < data.size(); ++k) {
    CHECK(found[k].first == data[k].value.value);
    CHECK(found[k].second / found[0].second == Approx(data[k].value.value / data[0].value.value).epsilon(0.01));
  }
  CHECK_THAT(svg, Contains("Aspuddens hemtjänst: Utfall 10,72\xC2\xA0%"));
}

TEST_CASE("short labels keep vertical bars with heights on the axis") {
  svg::BarChart c{"d", "T", {"2023", "2024"}, {{"Utfall", {84.0, 83.0}}}, 100, true, Lang::kSv};
  auto found = rects(svg::render_bar_chart(c), "height");
  REQUIRE(found.size() == 2);
  for (const auto& [value, height] : found) CHECK(height == Approx(value / 100 * svg::kPlotHeight).margin(0.06));
}

TEST_CASE("an indicator section shows every figure and its analysis and links its trend workbook") {
  std::string html = blocks_to_html({{sick_leave()}}, {Lang::kSv, "../../../../", 2, ""});
  CHECK_THAT(html, Contains("<th scope=\"row\">Periodens utfall</th><td>9,9\xC2\xA0%</td>"));
  CHECK_THAT(html, Contains("<th scope=\"row\">Utfall VB 2023</th><td>8,8\xC2\xA0%</td>"));
  CHECK_THAT(html, Contains("<th scope=\"row\">Årsmål</th><td>8,5\xC2\xA0%</td>"));
  CHECK_THAT(html, Contains("<th scope=\"row\">KF:s årsmål</th><td>Tas fram av nämnd/styrelse</td>"));
  CHECK_THAT(html, Contains("<th scope=\"row\">Period</th><td>VB 2024</td>"));
  CHECK_THAT(html, Contains("Ett lägre värde är bättre. Årsmålet är inte nått."));
  CHECK_THAT(html, Contains("<p>Sjukfrånvaron för hela enheten är 9,88 %.</p>"));
  CHECK_THAT(html, Contains("href=\"../../../../indikatorer/sjukfranvaro.xlsx\""));
  CHECK_THAT(html, Contains("<th scope=\"row\">Älvsjö hemtjänst</th><td>7,28\xC2\xA0%</td>"));
}

TEST_CASE("goal status is written in words") {
  model::UnitGoal g{"Enheten är en god arbetsgivare", model::GoalStatus::kPartlyMet, {"Ökad arbetsmiljömedvetenhet."}, ""};
  std::string html = blocks_to_html({{g}}, {Lang::kSv, "", 2, ""});
  CHECK_THAT(html, Contains("<p class=\"status status-delvis\"><span class=\"etikett\">Status:</span> Uppfylls delvis</p>"));
  CHECK_THAT(html, Contains("<li>Ökad arbetsmiljömedvetenhet.</li>"));
  model::KfGoal kf{"2.2", "Stockholm ska vara en stad där den biologiska mångfalden ökar", model::GoalStatus::kNoData};
  html = blocks_to_html({{kf}}, {Lang::kEn, "", 2, ""});
  CHECK_THAT(html, Contains("2.2 Stockholm ska vara en stad där den biologiska mångfalden ökar</h2>"));
  CHECK_THAT(html, Contains("No data"));
}

TEST_CASE("consecutive activities form one table") {
  model::Activity a{"Digitalisering", "2024-01-01", "2024-12-31", false, "Digitala nycklar är infört."};
  model::Activity b{"Samverkan", "2024-01-01", "2024-12-31", true, ""};
  std::string html = blocks_to_html({{a}, {b}, {model::Prose{markdown::to_html("Text.")}}, {a}}, {Lang::kSv, "", 2, ""});
  std::regex tables("<table class=\"aktiviteter\">");
  CHECK(std::distance(std::sregex_iterator(html.begin(), html.end(), tables), std::sregex_iterator()) == 2);
  CHECK_THAT(html, Contains("<th scope=\"row\">Samverkan</th><td class=\"datum\">2024-01-01</td><td class=\"datum\">2024-12-31</td><td>Ja</td>"));
  CHECK_THAT(html, Contains("<p>Text.</p>"));
}

TEST_CASE("complaints keep every group and row with empty cells for missing figures") {
  model::Complaints c{{{"Beröm", {{"Antal beröm", 25, 35, 3, 63, "Kunder berömmer."}}},
                       {"Lex", {{"Lex Maria", std::nullopt, std::nullopt, std::nullopt, std::nullopt, ""}}}}};
  std::string html = blocks_to_html({{c}}, {Lang::kSv, "", 2, ""});
  CHECK_THAT(html, Contains("<th scope=\"rowgroup\" colspan=\"6\">Beröm</th>"));
  CHECK_THAT(html, Contains("<th scope=\"row\">Antal beröm</th><td>25</td><td>35</td><td>3</td><td>63</td><td class=\"text\">Kunder berömmer.</td>"));
  CHECK_THAT(html, Contains("<th scope=\"row\">Lex Maria</th><td></td><td></td><td></td><td></td>"));
}

TEST_CASE("author text in report blocks is escaped") {
  auto i = sick_leave();
  i.name = "<script>alert(1)</script>";
  i.kf_target_text = "<b>x</b>";
  i.analysis = "<img src=x onerror=alert(1)>";
  std::string html = blocks_to_html({{i}}, {Lang::kSv, "", 2, ""});
  CHECK_THAT(html, !Contains("<script>"));
  CHECK_THAT(html, !Contains("<b>x</b>"));
  CHECK_THAT(html, !Contains("<img src=x"));
  CHECK_THAT(html, Contains("&lt;script&gt;"));
}
