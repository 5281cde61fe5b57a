// The accessibility statement: site.yaml's tillgänglighet: section, checked rule by rule,
// and the page built from it in the order the supervisory authority (DIGG) prescribes.
#include <catch2/catch.hpp>

#include <sstream>

#include "support.h"

using namespace kvtest;
using kv::Severity;

namespace {

struct Site {
  TempDir dir;
  fs::path content = dir.path() / "content";
  fs::path yaml = content / "site.yaml";
  Site() { copy_fixture("valid", content); }
  kv::Validated run() { return check(content); }
};

const kv::Diagnostic& only(const kv::Validated& v) {
  INFO(all_messages(v));
  REQUIRE(v.diagnostics.list.items().size() == 1);
  return v.diagnostics.list.items().front();
}

}  // namespace

TEST_CASE("statement: a site without one gets a warning naming the law", "[statement]") {
  Site s;
  write(s.yaml, "titel: Provwebbplats\nspråk: sv\n");
  auto v = s.run();
  const auto& d = only(v);
  CHECK(d.severity == Severity::kWarning);
  CHECK(d.message.find("tillgänglighetsredogörelse") != std::string::npos);
  CHECK(d.hint.find("organisation, status, kontakt") != std::string::npos);
  CHECK_FALSE(v.site.accessibility.given);
}

TEST_CASE("statement: the fixture's statement is read completely", "[statement]") {
  Site s;
  auto v = s.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.items().empty());
  const auto& a = v.site.accessibility;
  CHECK(a.given);
  CHECK(a.organisation == "Provstaden");
  CHECK(a.status == "delvis");
  REQUIRE(a.gaps.size() == 1);
  CHECK(a.gaps[0].criterion == "1.1.1 Icke-textuellt innehåll");
  CHECK(a.email == "tillganglighet@provstaden.se");
  CHECK(a.phone == "08-123 456 78");
  CHECK(a.assessed == "2024-05-02");
  CHECK(a.updated == "2024-05-03");
}

TEST_CASE("statement: a misspelt status suggests the right word", "[statement]") {
  Site s;
  replace(s.yaml, "status: delvis", "status: delvist");
  auto v = s.run();
  const auto& d = only(v);
  CHECK(d.severity == Severity::kError);
  CHECK(d.message.find("”delvist”") != std::string::npos);
  CHECK(d.hint.find("”delvis”") != std::string::npos);
  CHECK(d.pos.line == 6);
}

TEST_CASE("statement: without e-mail and phone visitors cannot report problems", "[statement]") {
  Site s;
  replace(s.yaml, "    e-post: tillganglighet@provstaden.se\n    telefon: 08-123 456 78\n", "");
  auto v = s.run();
  const auto& d = only(v);
  CHECK(d.message.find("kontaktuppgifter") != std::string::npos);
  CHECK(d.hint.find("e-post: eller telefon:") != std::string::npos);
}

TEST_CASE("statement: a bad e-mail address and a bad date are each reported at their place", "[statement]") {
  Site s;
  replace(s.yaml, "tillganglighet@provstaden.se", "tillganglighet.provstaden.se");
  replace(s.yaml, "datum: 2024-05-02", "datum: 2024-02-30");
  auto v = s.run();
  CHECK(v.diagnostics.list.error_count() == 2);
  CHECK(count(v, Severity::kError, "site.yaml", "e-postadress") == 1);
  const auto* date = find(v, "2024-02-30");
  REQUIRE(date);
  CHECK(date->pos.line == 15);
}

TEST_CASE("statement: required parts are named when missing", "[statement]") {
  Site s;
  replace(s.yaml, "  organisation: Provstaden\n", "");
  replace(s.yaml, "  uppdaterad: 2024-05-03\n", "");
  auto v = s.run();
  CHECK(v.diagnostics.list.error_count() == 2);
  CHECK(find(v, "organisation"));
  CHECK(find(v, "uppdaterad"));
}

TEST_CASE("statement: a status that contradicts the listed gaps is a warning", "[statement]") {
  Site full_with_gaps;
  replace(full_with_gaps.yaml, "status: delvis", "status: helt");
  auto v1 = full_with_gaps.run();
  const auto& d1 = only(v1);
  CHECK(d1.severity == Severity::kWarning);
  CHECK(d1.message.find("1 brister") != std::string::npos);

  Site partly_without_gaps;
  replace(partly_without_gaps.yaml,
          "  brister:\n    - brist: Provbrist som gäller bilder.\n      kriterium: 1.1.1 Icke-textuellt innehåll\n", "");
  auto v2 = partly_without_gaps.run();
  const auto& d2 = only(v2);
  CHECK(d2.severity == Severity::kWarning);
  CHECK(d2.message.find("inga brister") != std::string::npos);
}

TEST_CASE("statement: the page follows DIGG's template and every page links it", "[statement]") {
  Site s;
  fs::path out = s.dir.path() / "site";
  auto options = options_for(s.content);
  options.output_dir = out.string();
  std::ostringstream o, e;
  REQUIRE(kv::run_build(options, o, e) == 0);
  std::string page = read(out / "tillganglighet/index.html");
  std::string text = visible_text(page);
  const char* in_order[] = {"Tillgänglighet för Provwebbplats",
                            "Provstaden står bakom den här webbplatsen.",
                            "Hur tillgänglig är webbplatsen?",
                            "Vi är medvetna om att delar av webbplatsen inte är helt tillgängliga.",
                            "Vad kan du göra om du inte kan använda delar av webbplatsen?",
                            "tillganglighet@provstaden.se",
                            "Vi svarar inom två arbetsdagar.",
                            "Rapportera brister i webbplatsens tillgänglighet",
                            "Tillsyn",
                            "Myndigheten för digital förvaltning (Digg)",
                            "Teknisk information om webbplatsens tillgänglighet",
                            "delvis förenlig med lagen om tillgänglighet till digital offentlig service",
                            "Innehåll som inte är tillgängligt",
                            "Provbrist som gäller bilder. (WCAG 2.1, kriterium 1.1.1 Icke-textuellt innehåll)",
                            "Hur vi testat webbplatsen",
                            "Senaste bedömningen gjordes den 2 maj 2024.",
                            "Redogörelsen uppdaterades senast den 3 maj 2024."};
  size_t at = 0;
  for (const char* part : in_order) {
    INFO(part);
    size_t found = text.find(part, at);
    CHECK(found != std::string::npos);
    if (found != std::string::npos) at = found;
  }
  CHECK(page.find("href=\"mailto:tillganglighet@provstaden.se\"") != std::string::npos);
  CHECK(page.find("href=\"https://www.digg.se/anmal-bristande-tillganglighet\"") != std::string::npos);
  int pages = 0;
  for (const auto& f : fs::recursive_directory_iterator(out)) {
    if (f.path().extension() != ".html" || f.path().filename() == "utskrift.html") continue;
    std::string html = read(f.path());
    INFO(f.path());
    CHECK(html.find("tillganglighet/index.html\">Tillgänglighetsredogörelse</a>") != std::string::npos);
    ++pages;
  }
  CHECK(pages > 5);
}
