// Many units and years: a site of two units, one of them with two years, built from the
// test fixture. Checks the start page, unit pages, links between years, comparison pages
// and the reviewers' workbook.
#include <catch2/catch.hpp>

#include <set>
#include <sstream>

#include "model/site_index.h"
#include "support.h"

using namespace kvtest;

namespace {

// content: provenhet (2020, 2021) and andraenheten (2020); templates with a 2021 structure.
struct MultiSite {
  TempDir dir;
  fs::path content = dir.path() / "content", templates = dir.path() / "templates", out = dir.path() / "site";
  int status = -1;
  std::string errors;

  MultiSite() {
    copy_fixture("valid", content);
    fs::copy(content / "provenhet/2020", content / "provenhet/2021", fs::copy_options::recursive);
    fs::copy(content / "provenhet", content / "andraenheten", fs::copy_options::recursive);
    fs::remove_all(content / "andraenheten/2021");
    replace(content / "andraenheten/enhet.yaml", "Provenheten", "Andra enheten");
    replace(content / "andraenheten/2020/prov/fraga-02.md", "Enheten har ett mål.", "Andra enheten har ett eget mål.");
    replace(content / "provenhet/2021/prov/fraga-02.md", "Enheten har ett mål.", "Året därpå har enheten ett nytt mål.");
    fs::create_directories(templates / "structures");
    fs::copy(source_dir() / "templates/layouts", templates / "layouts", fs::copy_options::recursive);
    for (const auto& f : {"prov-2020.yaml", "prov-rapport-2024.yaml"})
      fs::copy_file(fixtures() / "templates/structures" / f, templates / "structures" / f);
    // The 2021 edition is the 2020 one with a new year: its questions correspond to 2020's.
    write(templates / "structures/prov-2021.yaml", "id: prov-2021\nbygger_på: prov-2020\når: 2021\n");
    auto options = options_for(content, templates);
    options.output_dir = out.string();
    options.audience = kv::model::Audience::kReviewers;  // the review forms are linked
    std::ostringstream o, e;
    status = kv::run_build(options, o, e);
    errors = e.str();
  }
  std::string page(const std::string& rel) const { return read(out / rel); }
};

const MultiSite& site() {
  static MultiSite built;
  return built;
}

}  // namespace

TEST_CASE("a site of several units and years builds", "[browse]") {
  INFO(site().errors);
  REQUIRE(site().status == 0);
}

TEST_CASE("the start page lists every year newest first and every unit with its page", "[browse]") {
  std::string start = site().page("index.html");
  size_t y2021 = start.find("<h3 id=\"ar-2021\">2021</h3>"), y2020 = start.find("<h3 id=\"ar-2020\">2020</h3>");
  REQUIRE(y2021 != std::string::npos);
  REQUIRE(y2020 != std::string::npos);
  CHECK(y2021 < y2020);
  // 2020 has both units, 2021 only Provenheten.
  std::string year2020 = start.substr(y2020, start.find("efter-enhet") - y2020);
  CHECK(year2020.find("href=\"2020/andraenheten/prov/index.html\"") != std::string::npos);
  CHECK(year2020.find("href=\"2020/provenhet/prov/index.html\"") != std::string::npos);
  CHECK(start.find("href=\"enheter/andraenheten/index.html\">Andra enheten</a>") != std::string::npos);
  CHECK(start.find("href=\"enheter/provenhet/index.html\">Provenheten</a>") != std::string::npos);
  CHECK(start.find("href=\"jamforelse/2020/prov/index.html\"") != std::string::npos);
}

TEST_CASE("a unit page lists the unit's years and documents", "[browse]") {
  std::string unit = site().page("enheter/provenhet/index.html");
  CHECK(unit.find("data-sidtyp=\"enhet\"") != std::string::npos);
  CHECK(unit.find("<h1>Provenheten</h1>") != std::string::npos);
  size_t y2021 = unit.find("<h3>2021</h3>"), y2020 = unit.find("<h3>2020</h3>");
  REQUIRE(y2021 != std::string::npos);
  REQUIRE(y2020 != std::string::npos);
  CHECK(y2021 < y2020);
  CHECK(unit.find("href=\"../../2021/provenhet/prov/index.html\"") != std::string::npos);
  CHECK(unit.find("href=\"../../2020/provenhet/prov/index.html\"") != std::string::npos);
  CHECK(unit.find("andraenheten") == std::string::npos);
}

TEST_CASE("a question page links the same question in the unit's other years and the comparison", "[browse]") {
  std::string q2020 = site().page("2020/provenhet/prov/fraga-02/index.html");
  CHECK(q2020.find("href=\"../../../../2021/provenhet/prov/fraga-02/index.html\">Fråga 2 (”Våra mål”) i Provutmärkelsen 2021</a>") !=
        std::string::npos);
  CHECK(q2020.find("href=\"../../../../jamforelse/2020/prov/fraga-02/index.html\">Alla enheters svar på fråga 2 i "
                   "Provutmärkelsen 2020</a>") != std::string::npos);
  std::string other = site().page("2020/andraenheten/prov/fraga-02/index.html");
  CHECK(other.find("2021/") == std::string::npos);  // the other unit has no 2021
  std::string overview = site().page("2021/provenhet/prov/index.html");
  CHECK(overview.find("href=\"../../../2020/provenhet/prov/index.html\">Provutmärkelsen 2020</a>") != std::string::npos);
}

TEST_CASE("a comparison page shows every unit's answer to one question in sequence", "[browse]") {
  std::string page = site().page("jamforelse/2020/prov/fraga-02/index.html");
  CHECK(page.find("data-sidtyp=\"jamforelse\"") != std::string::npos);
  size_t first = page.find("<h2 id=\"enhet-andraenheten\">Andra enheten</h2>");
  size_t second = page.find("<h2 id=\"enhet-provenhet\">Provenheten</h2>");
  REQUIRE(first != std::string::npos);
  REQUIRE(second != std::string::npos);
  CHECK(first < second);  // by unit name
  CHECK(page.find("Andra enheten har ett eget mål.") > first);
  CHECK(page.find("Enheten har ett mål.") > second);
  CHECK(page.find("Året därpå") == std::string::npos);  // 2021 is another edition
  CHECK(page.find("href=\"../../../../2020/provenhet/prov/fraga-02/index.html\"") != std::string::npos);
  CHECK(page.find("href=\"../../../../jamforelse/2021/prov/fraga-02/index.html\">2021: Fråga 2 (”Våra mål”)</a>") != std::string::npos);
  // Element ids stay unique with two units' answers on one page.
  std::regex id("id=\"([^\"]+)\"");
  std::set<std::string> ids;
  for (auto it = std::sregex_iterator(page.begin(), page.end(), id); it != std::sregex_iterator(); ++it)
    CHECK(ids.insert((*it)[1]).second);
}

TEST_CASE("the comparison index links every question and the reviewers' workbook", "[browse]") {
  std::string index = site().page("jamforelse/2020/prov/index.html");
  for (const char* q : {"fraga-01/index.html", "fraga-02/index.html", "fraga-03/index.html"})
    CHECK(index.find(std::string("href=\"") + q + "\"") != std::string::npos);
  CHECK(index.find("href=\"bedomning.xlsx\"") != std::string::npos);
  CHECK(fs::file_size(site().out / "jamforelse/2020/prov/bedomning.xlsx") > 1000);
  CHECK(fs::exists(site().out / "jamforelse/2021/prov/bedomning.xlsx"));
}

TEST_CASE("the site index groups documents by unit and edition", "[browse]") {
  auto v = kv::validate_content(options_for(site().content, site().templates));
  kv::model::SiteIndex index(v.site);
  REQUIRE(index.units().size() == 2);
  CHECK(index.units()[0].unit->slug == "andraenheten");
  CHECK(index.units()[1].submissions.size() == 2);
  CHECK(index.units()[1].submissions[0]->year == 2021);  // newest first
  REQUIRE(index.editions().size() == 2);
  CHECK(index.editions()[0].year == 2021);
  CHECK(index.editions()[1].submissions.size() == 2);
  CHECK(index.years() == std::vector<int>{2021, 2020});
  const auto& provenhet_2020 = *index.units()[1].submissions[1];
  auto others = index.other_years(provenhet_2020);
  REQUIRE(others.size() == 1);
  CHECK(others[0]->year == 2021);
  CHECK(index.other_years(*index.units()[0].submissions[0]).empty());
}
