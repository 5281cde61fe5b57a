// SVG charts: every bar's height is its value on the axis, and the text alternative holds
// every figure.
#include <catch2/catch.hpp>

#include <regex>

#include "render/html/blocks_html.h"
#include "render/svg/bar_chart.h"
#include "util/text.h"

using namespace kv;
using Catch::Matchers::Contains;

namespace {

struct Bar {
  double value, height;
};

std::vector<Bar> bars(const std::string& svg) {
  std::vector<Bar> out;
  std::regex re("height=\"([0-9.]+)\" fill=\"#[0-9a-f]+\" data-value=\"([0-9.]+)\"");
  for (std::sregex_iterator it(svg.begin(), svg.end(), re), end; it != end; ++it)
    out.push_back({std::stod((*it)[2]), std::stod((*it)[1])});
  return out;
}

}  // namespace

TEST_CASE("bar heights are proportional to the values on the axis") {
  svg::BarChart c{"d", "Titel", {"Ja", "Nej"}, {{"Totalt", {76.0, 24.0}}, {"Kvinna", {79.0, 21.0}}}, 100, true, Lang::kSv};
  auto found = bars(svg::render_bar_chart(c));
  REQUIRE(found.size() == 4);
  for (const auto& b : found) CHECK(b.height == Approx(b.value / 100 * svg::kPlotHeight).margin(0.06));
}

TEST_CASE("the axis top rounds the data's maximum up to a nice step") {
  svg::BarChart c{"d", "T", {"2015", "2018"}, {{"AMI", {83.0, 76.0}}}, 0, false, Lang::kSv};
  CHECK(svg::axis_top(c) == Approx(100));
  c.series[0].values = {3.2, 1.0};
  CHECK(svg::axis_top(c) == Approx(4));  // five gridlines of about 0.64 round to a step of 1
}

TEST_CASE("a missing value draws no bar") {
  svg::BarChart c{"d", "T", {"2017", "2018"}, {{"AMI", {68.0, 76.0}}, {"ledarskap", {std::nullopt, 80.0}}}, 0, false, Lang::kSv};
  CHECK(bars(svg::render_bar_chart(c)).size() == 3);
}

TEST_CASE("a chart has a title and a description with every figure") {
  svg::BarChart c{"d7", "Delaktig? <ja>", {"Ja"}, {{"Totalt", {76.0}}, {"Man", {74.0}}}, 100, true, Lang::kSv};
  std::string svg = svg::render_bar_chart(c);
  CHECK_THAT(svg, Contains("role=\"img\" aria-labelledby=\"d7-t d7-d\""));
  CHECK_THAT(svg, Contains("<title id=\"d7-t\">Delaktig? &lt;ja&gt;</title>"));
  CHECK_THAT(svg, Contains("<desc id=\"d7-d\">Ja: Totalt 76\xC2\xA0% Man 74\xC2\xA0%</desc>"));
  CHECK_THAT(svg, !Contains("<script"));
}

TEST_CASE("survey and index tables get a chart with the same figures and unique ids") {
  model::SurveyTable s{"Delaktig?", {{"Ja", 76, 79, 74, 59}, {"Nej", 24, 21, 26, 41}}};
  model::IndexSeries i{"AMI", "", {{2018, 76, {}}, {2015, 83, {}}}};
  std::string html = blocks_to_html({{s}, {i}}, {Lang::kSv, "", 2, ""});
  CHECK_THAT(html, Contains("id=\"diagram-1-t\""));
  CHECK_THAT(html, Contains("id=\"diagram-2-t\""));
  auto found = bars(html);
  REQUIRE(found.size() == 8 + 2);
  CHECK(found[0].value == 76);  // Ja, Totalt
  CHECK(found[1].value == 79);  // Ja, Kvinna
  CHECK(found[8].value == 83);  // index sorted by year: 2015 first
  CHECK(found[9].value == 76);
}

TEST_CASE("a long legend name wraps at its words within the chart's width, never cut") {
  const std::string long_name =
      "Andel inköpta ekologiska måltider och livsmedel i staden i kronor av totala värdet av inköpta livsmedel";
  kv::svg::BarChart c{"d", "Lång", {"2023", "2024"}, {{long_name, {1.0, 2.0}}, {"Årsmål", {2.0, 3.0}}, {"KF:s årsmål", {3.0, 4.0}}},
                      0, false, kv::Lang::kSv};
  std::string svg = kv::svg::render_bar_chart(c);
  std::smatch box;
  REQUIRE(std::regex_search(svg, box, std::regex("viewBox=\"0 0 ([0-9.]+) ([0-9.]+)\"")));
  const double width = std::stod(box[1]), height = std::stod(box[2]);
  // Each legend line (the text's own, then its tspans) starts inside the chart and ends before
  // its right edge (7.2 px per character at most); no line of one entry is on another's row.
  std::regex text("<text x=\"([0-9.]+)\" y=\"([0-9.]+)\" font-size=\"12\" fill=\"#1b1b1b\">([^<]*)((?:<tspan[^>]*>[^<]*</tspan>)*)</text>");
  std::regex tspan("<tspan x=\"([0-9.]+)\" dy=\"([0-9.]+)\">([^<]*)</tspan>");
  std::vector<std::string> entries;
  struct Line {
    double y, from, to;
  };
  std::vector<Line> lines;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), text); it != std::sregex_iterator(); ++it) {
    const double x = std::stod((*it)[1]);
    double y = std::stod((*it)[2]);
    std::string whole = (*it)[3];
    CHECK(x + 7.2 * kv::utf8_length(whole) <= width);
    lines.push_back({y, x - 16, x + 7.2 * kv::utf8_length(whole)});  // with the colour square
    const std::string spans = (*it)[4];
    for (auto t = std::sregex_iterator(spans.begin(), spans.end(), tspan); t != std::sregex_iterator(); ++t) {
      y += std::stod((*t)[2]);
      const std::string line = (*t)[3];
      const double lx = std::stod((*t)[1]);
      CHECK(lx + 7.2 * kv::utf8_length(line) <= width);
      lines.push_back({y, lx, lx + 7.2 * kv::utf8_length(line)});
      whole += " " + line;
    }
    CHECK(y < height);
    entries.push_back(whole);
  }
  REQUIRE(entries.size() == 3);
  CHECK(entries[0] == long_name);  // every word, in order: nothing cut
  CHECK(svg.find("\xE2\x80\xA6") == std::string::npos);
  for (size_t a = 0; a < lines.size(); ++a)
    for (size_t b = a + 1; b < lines.size(); ++b)
      if (std::abs(lines[a].y - lines[b].y) < 12) CHECK((lines[a].to <= lines[b].from || lines[b].to <= lines[a].from));
  CHECK(lines.size() >= 4);  // the long name on two lines or more
}
