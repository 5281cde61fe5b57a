// An award's index figures (```index, e.g. AMI per year) join the indicator trends: the
// indicator page of the same name, the unit page's table over the years and the trend
// workbook show each year's figure; one figure per unit and year when documents repeat it.
#include <catch2/catch.hpp>

#include <memory>

#include "model/site_index.h"
#include "support.h"

using namespace kvtest;
using Catch::Matchers::Contains;
namespace model = kv::model;

namespace {

model::Block index_block(std::vector<model::IndexValue> values) {
  return {model::IndexSeries{"AMI", "Aktivt medarbetarskapsindex", std::move(values)}};
}

model::Submission document(const std::shared_ptr<const model::Structure>& structure, const std::string& unit, int year,
                           std::vector<model::Block> blocks) {
  model::Submission s;
  s.unit = {unit, unit, ""};
  s.year = year;
  s.kind_slug = "kvalitetsutmarkelsen";
  s.structure = structure;
  s.answers[12].blocks = std::move(blocks);
  return s;
}

// (unit slug, year, figure) of each use, in the series' order.
std::vector<std::tuple<std::string, int, double>> figures(const model::IndicatorSeries& series) {
  std::vector<std::tuple<std::string, int, double>> out;
  for (const auto& u : series.uses) out.emplace_back(u.submission->unit.slug, u.year, u.indicator->outcome.value);
  return out;
}

}  // namespace

TEST_CASE("each year's index figure is one point of the indicator's trend", "[indextrend]") {
  auto structure = std::make_shared<model::Structure>();
  structure->id = "k";
  model::Site site;
  // Newest first, as the site keeps them. 2019 repeats 2018's figure with a correction and
  // gives 2017's again; b reports the same index once.
  site.submissions.push_back(document(structure, "a", 2019, {index_block({{2019, 80, {}}, {2018, 77, {}}, {2017, 68, {}}})}));
  site.submissions.push_back(document(structure, "a", 2018, {index_block({{2018, 76, {}}, {2017, 69, {}}})}));
  site.submissions.push_back(document(structure, "b", 2018, {index_block({{2018, 70, {}}})}));
  const model::SiteIndex index(site);
  const model::IndicatorSeries* ami = index.indicator("ami");
  REQUIRE(ami);
  CHECK(ami->name == "AMI");
  // Per unit, newest year first; a year's own document gives its figure (2018: 76, not the
  // 77 the 2019 document gives), otherwise the newest document (2017: 68 from 2019).
  using F = std::tuple<std::string, int, double>;
  CHECK(figures(*ami) == std::vector<F>{{"a", 2019, 80}, {"a", 2018, 76}, {"a", 2017, 68}, {"b", 2018, 70}});
  for (const auto& u : ami->uses) CHECK(u.index_figure);
  CHECK(ami->uses[2].submission->year == 2019);
  CHECK(index.indicator_years().empty());  // no indikator block: no year workbook
}

TEST_CASE("the example's AMI figures appear on the indicator page and the unit page", "[indextrend]") {
  const auto& site = example_site();
  REQUIRE(site.status == 0);
  const std::string page = read(site.out / "indikatorer/ami/index.html");
  const std::string unit = "Beställarenheten omsorg om äldre";
  // fraga-12.md: 2018 76, 2017 68, 2015 83; no target for an index figure.
  for (const char* row : {">2018</a></td><td class=\"tal\">76</td><td class=\"tal\"></td>",
                          ">2017</a></td><td class=\"tal\">68</td><td class=\"tal\"></td>",
                          ">2015</a></td><td class=\"tal\">83</td><td class=\"tal\"></td>"})
    CHECK_THAT(page, Contains(row));
  CHECK_THAT(page, Contains(unit));
  const std::string question = read(site.out / "2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen/fraga-12/index.html");
  CHECK_THAT(question, Contains("href=\"../../../../indikatorer/ami/index.html\""));
  const std::string unit_page = read(site.out / "enheter/skarholmen-omsorg-om-aldre/index.html");
  CHECK_THAT(unit_page, Contains("indikatorer/ami/index.html\">AMI</a>"));
  CHECK(fs::exists(site.out / "indikatorer/ami.xlsx"));
}
