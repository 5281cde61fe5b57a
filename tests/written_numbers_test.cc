// Issue 31, scope 3: a figure keeps the decimals its author wrote — "22,0" is 22,0, not 22;
// "12,50" is 12,50; "76" is 76 — on its page, on the print page, in chart labels and on the
// indicator's page. (The workbooks' number formats: xlsx_test.cc.)
#include <catch2/catch.hpp>

#include "support.h"

using namespace kvtest;
using Catch::Matchers::Contains;

namespace {

constexpr const char* kNbsp = "\xC2\xA0";

// The report fixture with an indicator of persons written 22,0 / 12,50 / 76 and a percentage
// indicator written 83,0 / 80 / 85,25, built into out.
struct ReportSite {
  TempDir dir;
  fs::path content = dir.path() / "content", out = dir.path() / "site";
  std::string errors;
  int status = 0;
  ReportSite() {
    copy_fixture("report", content);
    write_report_decimals(content);
    status = build_site(content, fixtures() / "templates", out, &errors);
  }
};

}  // namespace

TEST_CASE("an indicator's figures keep the decimals written, on its page and in print", "[numbers]") {
  ReportSite site;
  INFO(site.errors);
  REQUIRE(site.status == 0);
  const std::string page = read(site.out / "2024/provrapport/prov-rapport/avsnitt-01/index.html");
  const std::string print = read(site.out / "2024/provrapport/prov-rapport/utskrift.html");
  for (const std::string* html : {&page, &print}) {
    // The figures' table.
    CHECK_THAT(*html, Contains("<td>22,0</td>"));
    CHECK_THAT(*html, Contains("<td>12,50</td>"));
    CHECK_THAT(*html, Contains("<td>76</td>"));
    CHECK_THAT(*html, Contains("<td>83,0" + std::string(kNbsp) + "%</td>"));
    CHECK_THAT(*html, Contains("<td>80" + std::string(kNbsp) + "%</td>"));
    CHECK_THAT(*html, Contains("<td>85,25" + std::string(kNbsp) + "%</td>"));
    // The chart's bar labels.
    CHECK_THAT(*html, Contains(">22,0</text>"));
    CHECK_THAT(*html, Contains(">12,50</text>"));
  }
  // The indicator's own page, its trend over units and years.
  const std::string indicator = read(site.out / "indikatorer/antal-personal-en-hemtjansttagare-moter-under-14-dagar/index.html");
  CHECK_THAT(indicator, Contains("<td class=\"tal\">22,0</td>"));
}

TEST_CASE("economy and survey figures keep the decimals written, on their page and in print", "[numbers]") {
  TempDir dir;
  const fs::path content = dir.path() / "content", out = dir.path() / "site";
  copy_fixture("valid", content);
  write_award_decimals(content);
  std::string errors;
  REQUIRE(build_site(content, fixtures() / "templates", out, &errors) == 0);
  INFO(errors);
  const std::string economy = read(out / "2020/provenhet/prov/fraga-02/index.html");
  const std::string survey = read(out / "2020/provenhet/prov/fraga-01/index.html");
  const std::string print = read(out / "2020/provenhet/prov/utskrift.html");
  for (const std::string* html : {&economy, &print}) {
    CHECK_THAT(*html, Contains("<td>22,0</td>"));
    CHECK_THAT(*html, Contains("<td>12,50</td>"));
    CHECK_THAT(*html, Contains("<td>+9,50</td>"));
  }
  for (const std::string* html : {&survey, &print}) {
    CHECK_THAT(*html, Contains("<td>76" + std::string(kNbsp) + "%</td>"));
    CHECK_THAT(*html, Contains("<td>79,0" + std::string(kNbsp) + "%</td>"));
    CHECK_THAT(*html, Contains(">79,0" + std::string(kNbsp) + "%</text>"));
  }
}
