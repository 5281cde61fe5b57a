// End to end: content/ (the real 2018 submission) built into a temporary folder and
// compared with the source document, plus the write stage's guarantees.
#include <catch2/catch.hpp>

#include <cstring>
#include <map>
#include <regex>
#include <sstream>

#include "support.h"
#include "util/escape.h"
#include "util/text.h"

using namespace kvtest;
using Catch::Matchers::Contains;

namespace {

const char* kSubmission = "2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen";

int build(const fs::path& content, const fs::path& out, unsigned threads = 2,
          const fs::path& templates = source_dir() / "templates", bool rebuild = false) {
  auto options = options_for(content, templates);
  options.output_dir = out.string();
  options.threads = threads;
  options.rebuild = rebuild;
  std::ostringstream o, e;
  return kv::run_build(options, o, e);
}

// "fraga-07": the page folder of an award question.
std::string fraga(int n) { return (n < 10 ? "fraga-0" : "fraga-") + std::to_string(n); }


size_t occurrences(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = 0; (at = text.find(needle, at)) != std::string::npos; at += needle.size()) ++n;
  return n;
}

struct BuiltExample {
  TempDir dir;
  fs::path out = dir.path() / "site";
  int status = build(source_dir() / "content", out);
  std::string page(const std::string& rel) const { return read(out / kSubmission / rel); }
};

const BuiltExample& example() {
  static BuiltExample built;
  return built;
}

}  // namespace

TEST_CASE("the example content builds") { REQUIRE(example().status == 0); }

TEST_CASE("there is one page per question of the 2018 structure – titled as in the award") {
  const auto& e = example();
  auto v = kv::validate_content(options_for(source_dir() / "content", source_dir() / "templates"));
  const kv::model::Submission* award = nullptr;
  for (const auto& sub : v.site.submissions)
    if (sub.kind_slug == "kvalitetsutmarkelsen") award = &sub;
  REQUIRE(award != nullptr);
  const auto& structure = *award->structure;
  REQUIRE(structure.questions().size() == 22);
  REQUIRE(structure.areas.size() == 7);
  for (const auto* q : structure.questions()) {
    std::string html = e.page(structure.part_slug(q->number) + "/index.html");
    INFO("question " << q->number);
    CHECK_THAT(html, Contains("<html lang=\"sv\">"));
    CHECK_THAT(html, Contains("<meta charset=\"utf-8\">"));
    CHECK_THAT(html, Contains("<h1><span class=\"nr\">" + std::to_string(q->number) + ".</span> " + kv::html_escape(q->title) + "</h1>"));
    CHECK_THAT(html, !Contains("<script"));
  }
}

TEST_CASE("question pages link previous and next – and back to the overview and the unit") {
  std::string q16 = example().page("fraga-16/index.html");
  CHECK_THAT(q16, Contains("href=\"../fraga-15/index.html\" rel=\"prev\""));
  CHECK_THAT(q16, Contains("href=\"../fraga-17/index.html\" rel=\"next\""));
  CHECK_THAT(q16, Contains("<li><a href=\"../../../../2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen/index.html\">Kvalitetsutmärkelsen 2018</a></li>"));
  CHECK_THAT(q16, Contains("<li><a href=\"../../../../enheter/skarholmen-omsorg-om-aldre/index.html\">Beställarenheten omsorg om äldre</a></li>"));
  CHECK_THAT(q16, Contains("<li><a href=\"../../../../index.html\">Startsida</a></li>"));
  CHECK_THAT(example().page("fraga-22/index.html"), !Contains("rel=\"next\""));
}

TEST_CASE("the overview has the administrative data – the table of contents by area and the introduction") {
  std::string html = example().page("index.html");
  CHECK_THAT(html, Contains("<dt>Kontaktperson</dt><dd>Frida Petersson</dd>"));
  CHECK_THAT(html, Contains("<a href=\"tel:08-508 24 512\">08-508 24 512</a>"));
  CHECK_THAT(html, Contains("<a href=\"mailto:frida.e.petersson@stockholm.se\">"));
  CHECK_THAT(html, Contains("<dt>Antal anställda</dt><dd>19</dd>"));
  CHECK_THAT(html, Contains("<dt>Adress</dt><dd>Bodholmsplan 2, Box 503, 127 26 Skärholmen</dd>"));
  for (const char* area : {"Brukare", "Chef- och ledarskap", "Medarbetare", "Resultat och analys",
                           "Från mål till uppföljning", "Resursanvändning", "Utveckling"})
    CHECK_THAT(html, Contains(std::string("<span class=\"omrade-titel\">") + area + "</span>"));
  for (int n = 1; n <= 22; ++n) CHECK_THAT(html, Contains("href=\"" + fraga(n) + "/index.html\""));
  // The heading has an id, so a link can point at it (inledning.md#lagar-forordningar-styrdokument).
  CHECK_THAT(html, Contains("<h3 id=\"lagar-forordningar-styrdokument\">Lagar, förordningar, styrdokument</h3>"));
}

TEST_CASE("the start page lists the unit and its year") {
  std::string html = read(example().out / "index.html");
  CHECK_THAT(html, Contains("<h3 id=\"ar-2018\">2018</h3>"));
  CHECK_THAT(html, Contains("<a href=\"2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen/index.html\">Beställarenheten omsorg om äldre</a>"));
  CHECK_THAT(html, Contains("Skärholmens stadsdelsförvaltning"));
  // The by-unit table links each document by its title; no link may be empty.
  CHECK_THAT(html, Contains("<li><a href=\"2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen/index.html\">Kvalitetsutmärkelsen 2018</a></li>"));
  CHECK_FALSE(std::regex_search(html, std::regex("<a [^>]*>\\s*</a>")));
}

TEST_CASE("every line of the source document's answers appears on the site") {
  const auto& e = example();
  std::string site = visible_text(read(e.out / "index.html")) + visible_text(e.page("index.html"));
  for (int n = 1; n <= 22; ++n) site += visible_text(e.page(fraga(n) + "/index.html"));

  std::string seed = read(fixtures() / "seeds" / "003-kvalitetsutmarkelsen-2018.txt");
  bool after_toc = false;
  int checked = 0;
  std::istringstream lines(seed);
  for (std::string line; std::getline(lines, line);) {
    std::string_view t = kv::trim(line);
    if (t == "Innehållsförteckning") after_toc = true;
    // Table rows (tab-separated) and the AMI figures are checked as numbers below.
    if (!after_toc || t.empty() || t == "Innehållsförteckning" || line.find('\t') != std::string::npos ||
        std::regex_search(std::string(t), std::regex("^[0-9]{4} AMI:")))
      continue;
    std::string expected(t);
    // The site prints the canonical label; the source misspelt it.
    if (kv::starts_with(expected, "Arbetsätt:")) expected.replace(0, 10, "Arbetssätt:");
    expected = visible_text(expected);
    INFO("source line: " << t);
    CHECK(site.find(expected) != std::string::npos);
    ++checked;
  }
  CHECK(checked > 300);
}

TEST_CASE("the tables carry the source's figures") {
  const auto& e = example();
  std::string q3 = e.page("fraga-03/index.html");
  CHECK_THAT(q3, Contains("<tr><th scope=\"row\">Ja</th><td>76\xC2\xA0%</td><td>79\xC2\xA0%</td><td>74\xC2\xA0%</td><td>59\xC2\xA0%</td></tr>"));
  CHECK_THAT(q3, Contains("<tr><th scope=\"row\">Nej</th><td>24\xC2\xA0%</td><td>21\xC2\xA0%</td><td>26\xC2\xA0%</td><td>41\xC2\xA0%</td></tr>"));
  std::string q14 = e.page("fraga-14/index.html");
  CHECK_THAT(q14, Contains("<td>277,76</td><td>293,6</td><td>306,1</td><td>306,7</td>"));
  CHECK_THAT(q14, Contains("<td>276,5</td><td>292,8</td><td>287,7</td><td>303,2</td>"));
  CHECK_THAT(q14, Contains("<td>+1,3</td><td>+0,8</td><td>+18,4</td><td>+3,5<abbr"));
  std::string q12 = e.page("fraga-12/index.html");
  CHECK_THAT(q12, Contains("<tr><th scope=\"row\">2018</th><td>76</td><td>76</td><td>80</td><td>73</td></tr>"));
  CHECK_THAT(q12, Contains("<tr><th scope=\"row\">2017</th><td>68</td>"));
  CHECK_THAT(q12, Contains("<tr><th scope=\"row\">2015</th><td>83</td>"));
  CHECK(occurrences(e.page("fraga-16/index.html"), "<section class=\"mal\" id=\"kv-mal-") == 6);
  CHECK(occurrences(e.page("fraga-13/index.html"), "<section class=\"uppfoljning\" id=\"kv-uppfoljning-") == 7);
  // Run-in, as the authors wrote and printed them: "Förväntat resultat: att …".
  CHECK(occurrences(e.page("fraga-16/index.html"), "<p><span class=\"etikett\">Förväntat resultat:</span> ") == 6);
  CHECK(occurrences(e.page("fraga-13/index.html"), "<p><span class=\"etikett\">Analys:</span> ") == 7);
  std::string q21 = e.page("fraga-21/index.html");
  for (const char* part : {"styrkor", "svagheter", "möjligheter", "hot"})
    CHECK_THAT(q21, Contains(std::string("<section class=\"swot swot-") + part + "\">"));
}

TEST_CASE("the same input gives byte-identical output whatever the thread count") {
  TempDir dir;
  REQUIRE(build(source_dir() / "content", dir.path() / "a", 1) == 0);
  REQUIRE(build(source_dir() / "content", dir.path() / "b", 4) == 0);
  std::map<std::string, std::string> a, b;
  for (const auto& f : fs::recursive_directory_iterator(dir.path() / "a"))
    if (f.is_regular_file()) a[fs::relative(f.path(), dir.path() / "a").string()] = read(f.path());
  for (const auto& f : fs::recursive_directory_iterator(dir.path() / "b"))
    if (f.is_regular_file()) b[fs::relative(f.path(), dir.path() / "b").string()] = read(f.path());
  CHECK(a.size() > 20);
  CHECK(a == b);
}

TEST_CASE("a failed build leaves the previous output intact") {
  TempDir dir;
  fs::path content = dir.path() / "content", out = dir.path() / "site";
  copy_fixture("valid", content);
  REQUIRE(build(content, out, 2, fixtures() / "templates") == 0);
  std::string before = read(out / "2020/provenhet/prov/fraga-02/index.html");
  REQUIRE_THAT(before, Contains("Budgeten är i balans"));
  replace(submission_dir(content) / "fraga-02.md", "Budgeten är i balans", "Ändrat");
  replace(submission_dir(content) / "inlamning.yaml", "@stockholm.se", "stockholm.se");
  CHECK(build(content, out, 2, fixtures() / "templates") == 1);
  CHECK(read(out / "2020/provenhet/prov/fraga-02/index.html") == before);
  for (const auto& f : fs::directory_iterator(dir.path())) CHECK(f.path().filename().string().find("staging") == std::string::npos);
}

TEST_CASE("a rebuild replaces the output, a folder kvalitet did not build is never replaced") {
  TempDir dir;
  fs::path content = dir.path() / "content", out = dir.path() / "site";
  copy_fixture("valid", content);
  REQUIRE(build(content, out, 2, fixtures() / "templates") == 0);
  write(out / "stale.html", "old");
  REQUIRE(build(content, out, 2, fixtures() / "templates", true) == 0);  // --rebuild: nothing changed
  CHECK_FALSE(fs::exists(out / "stale.html"));

  fs::path foreign = dir.path() / "documents";
  write(foreign / "important.txt", "keep me");
  CHECK(build(content, foreign, 2, fixtures() / "templates") == 1);
  CHECK(read(foreign / "important.txt") == "keep me");
}

TEST_CASE("a missing layout is reported – not a crash") {
  TempDir dir;
  fs::path content = dir.path() / "content", templates = dir.path() / "templates";
  copy_fixture("valid", content);
  fs::create_directories(templates / "structures");
  fs::copy(fixtures() / "templates" / "structures", templates / "structures", fs::copy_options::recursive);
  fs::create_directories(templates / "layouts");
  write(templates / "layouts" / "base.mustache", "{{#broken}}");
  CHECK(build(content, dir.path() / "site", 2, templates) == 1);
  CHECK_FALSE(fs::exists(dir.path() / "site"));
}
