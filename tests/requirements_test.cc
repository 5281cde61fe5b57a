// The checklist of what a complete answer contains (render/html/requirements_html.h) and the
// warnings check gave, on the question page and under each answer on the comparison page.
#include <catch2/catch.hpp>

#include "support.h"

using namespace kvtest;
using Catch::Matchers::Contains;

namespace {

// tests/fixtures/valid with question 1's Exempel removed: a recommended part missing.
struct WithoutExample {
  TempDir dir;
  fs::path content = dir.path() / "content", out = dir.path() / "site";
  int status = -1;
  WithoutExample() {
    copy_fixture("valid", content);
    drop_example(submission_dir(content) / "fraga-01.md");
    auto options = options_for(content);
    options.output_dir = out.string();
    options.audience = kv::model::Audience::kReviewers;  // checklists and remarks are the reviewers'
    std::ostringstream o, e;
    status = kv::run_build(options, o, e);
  }
  std::string page(const std::string& rel) const { return read(out / rel); }
};

}  // namespace

TEST_CASE("a question page lists what a complete answer contains and what this one lacks", "[requirements]") {
  WithoutExample f;
  REQUIRE(f.status == 0);
  const std::string q1 = f.page("2020/provenhet/prov/fraga-01/index.html");
  CHECK_THAT(q1, Contains("<h2 id=\"krav-rubrik\">Vad ett fullständigt svar innehåller</h2>"));
  CHECK_THAT(q1, Contains("<li class=\"krav-saknas\"><span class=\"krav-niva\">Rekommenderas:</span> exempel – "
                          "<span class=\"krav-status\">saknas</span></li>"));
  // The warning check gave, without the path of the machine that built the site.
  CHECK_THAT(q1, Contains("<ul class=\"anmarkningar\">\n<li>fråga 1 (”Hur vi arbetar med bemötande”) saknar ”exempel”"));
  CHECK(q1.find(f.dir.path().string()) == std::string::npos);
  const std::string q3 = f.page("2020/provenhet/prov/fraga-03/index.html");
  for (const char* part : {"styrkor", "svagheter", "möjligheter", "hot"})
    CHECK_THAT(q3, Contains(std::string("<li class=\"krav-finns\"><span class=\"krav-niva\">Krävs:</span> ") + part +
                            " – <span class=\"krav-status\">finns (1)</span></li>"));
  CHECK(q3.find("class=\"anmarkningar\"") == std::string::npos);
}

TEST_CASE("the comparison page shows each answer's checklist under it", "[requirements]") {
  WithoutExample f;
  REQUIRE(f.status == 0);
  const std::string page = f.page("jamforelse/2020/prov/fraga-01/index.html");
  const size_t answer = page.find("<h2 id=\"enhet-provenhet\">Provenheten</h2>");
  const size_t list = page.find("<section class=\"kravlista kravlista-kort\" aria-label=\"Vad ett fullständigt svar innehåller: Provenheten\">");
  REQUIRE(answer != std::string::npos);
  REQUIRE(list != std::string::npos);
  CHECK(list > answer);
  CHECK(page.find("<span class=\"krav-status\">saknas</span>", list) != std::string::npos);
}

TEST_CASE("a waived recommendation shows its reason", "[requirements]") {
  TempDir dir;  // the reviewers' site of the example: the public one has no checklists
  auto options = options_for(source_dir() / "content", source_dir() / "templates");
  options.output_dir = (dir.path() / "bedomning").string();
  options.audience = kv::model::Audience::kReviewers;
  std::ostringstream o, e;
  REQUIRE(kv::run_build(options, o, e) == 0);
  const std::string q7 = read(dir.path() / "bedomning/2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen/fraga-07/index.html");
  CHECK_THAT(q7, Contains("<li class=\"krav-undantag\"><span class=\"krav-niva\">Rekommenderas:</span> exempel – <span "
                          "class=\"krav-status\">saknas, med skälet: Inlämningen 2018 besvarade frågan utan exempel.</span></li>"));
}
