// Development narratives (utvecklingsberättelse, seed 000): authors' numbered headings and
// their checks, the projekt block and the totals it is checked against, and the example
// narrative end to end — every line of the seed on the site, the numbered table of contents.
#include <catch2/catch.hpp>

#include <regex>

#include "model/heading_number.h"
#include "pipeline/pipeline.h"
#include "support.h"
#include "util/text.h"
#include "validate/heading_numbers.h"

using namespace kvtest;
using kv::Severity;
using kv::model::heading_number;

namespace {

const char* kNarrative = "2012/aldreomsorgen-i-stadsdelen/berattelse";

// The example narrative alone, in a temporary content folder, checked with the real structures.
struct Narrative : ExampleUnit {
  fs::path folder = content / "aldreomsorgen-i-stadsdelen" / "2012" / "berattelse";
  fs::path admin = folder / "inlamning.yaml";
  Narrative() : ExampleUnit("aldreomsorgen-i-stadsdelen") {}
  fs::path chapter(int n) const { return folder / ("kapitel-0" + std::to_string(n) + ".md"); }
  void append(int n, const std::string& text) { write(chapter(n), read(chapter(n)) + "\n" + text); }
  // Replaces the first occurrence of `from` in chapter n.
  void replace(int n, const std::string& from, const std::string& to) {
    std::string t = read(chapter(n));
    REQUIRE(t.find(from) != std::string::npos);
    write(chapter(n), t.replace(t.find(from), from.size(), to));
  }
  void set_admin(const std::string& key, const std::string& value) {
    std::string t = read(admin);
    t = std::regex_replace(t, std::regex("\n" + key + ":[^\n]*"), "");
    write(admin, t + key + ": " + value + "\n");
  }
};

const ExampleSite& built() { return example_site(); }

std::vector<int> v(std::initializer_list<int> l) { return l; }

}  // namespace

TEST_CASE("a heading's number is a dotted number at its start", "[narrative]") {
  CHECK(heading_number("1.1 Äldreomsorgens inriktning") == v({1, 1}));
  CHECK(heading_number("3.4.1 Hemtjänstchefer diskuterade") == v({3, 4, 1}));
  CHECK(heading_number("1.1. Med punkt") == v({1, 1}));
  CHECK(heading_number("2.10") == v({2, 10}));
  CHECK(heading_number("Värdegrund").empty());
  CHECK(heading_number("2018 – uppföljning").empty());  // one number is a year, not a section
  CHECK(heading_number("1. Inledning").empty());         // the chapter itself is the part
  CHECK(heading_number("1.5kg mjöl").empty());
  CHECK(heading_number("1234.1 Ett år").empty());
  CHECK(kv::model::number_text({3, 4, 1}) == "3.4.1");
}

TEST_CASE("the numbers that may follow a heading", "[narrative]") {
  using kv::next_heading_numbers;
  CHECK(next_heading_numbers({1}) == std::vector<std::vector<int>>{{1, 1}});
  CHECK(next_heading_numbers({1, 1}) == std::vector<std::vector<int>>{{1, 1, 1}, {1, 2}});
  CHECK(next_heading_numbers({3, 4, 1}) == std::vector<std::vector<int>>{{3, 4, 1, 1}, {3, 4, 2}, {3, 5}});
}

TEST_CASE("the example narrative has no problems and twelve projects", "[narrative]") {
  Narrative n;
  auto r = n.run();
  INFO(all_messages(r));
  CHECK(r.diagnostics.list.items().empty());
  REQUIRE(r.site.submissions.size() == 1);
  int projects = 0;
  for (const auto& [k, answer] : r.site.submissions[0].answers)
    kv::model::for_each_block(answer.blocks, [&](const kv::model::Block& b) {
      projects += std::holds_alternative<kv::model::Project>(b.value);
    });
  CHECK(projects == 12);
}

TEST_CASE("narrative rule: a skipped number, another chapter's number, the wrong level", "[narrative]") {
  Narrative n;
  n.replace(2, "## 2.2 Sammanfattning", "## 2.3 Sammanfattning");
  n.replace(3, "## 3.1 Syfte", "## 2.1 Syfte");
  n.replace(1, "### 1.1.1 Projekt", "## 1.1.1 Projekt");
  auto r = n.run();
  INFO(all_messages(r));
  CHECK(count(r, Severity::kWarning, "kapitel-02.md", "rubriken ”2.3 Sammanfattning av samtal i fokusgrupper” följer på 2.1: numret borde vara 2.1.1 eller 2.2") == 1);
  CHECK(count(r, Severity::kWarning, "kapitel-03.md", "rubriken ”2.1 Syfte” har ett nummer i kapitel 2 men står i kapitel 3") == 1);
  CHECK(count(r, Severity::kWarning, "kapitel-01.md", "rubriken ”1.1.1 Projekt” har 3 led i numret men står på nivå ##") == 1);
  const auto* d = find(r, "1.1.1 Projekt");
  REQUIRE(d);
  CHECK(d->hint == "skriv ### före rubriken");
  // The warning points at the heading's own line.
  std::istringstream file(read(n.chapter(1)));
  std::string line;
  for (int i = 0; i < d->pos.line; ++i) std::getline(file, line);
  CHECK(line == "## 1.1.1 Projekt");
  CHECK(r.diagnostics.list.error_count() == 0);
}

TEST_CASE("narrative rule: the projects' number and funding against the stated totals", "[narrative]") {
  SECTION("one project too few") {
    Narrative n;
    n.replace(1, "```projekt\nnamn: Hälsoträdgårdar\n```", "");
    auto r = n.run();
    INFO(all_messages(r));
    CHECK(count(r, Severity::kWarning, "inlamning.yaml", "dokumentet anger 12 projekt men beskriver 11 projekt-block") == 1);
  }
  SECTION("funding that adds up, and funding that does not") {
    Narrative n;
    std::string text = read(n.chapter(1));
    // Every project gets 3 000 000 kr: 36 000 000 against the stated 37 688 000.
    text = std::regex_replace(text, std::regex("```projekt\n(namn: [^\n]*\n)```"), "```projekt\n$1finansiering: 3 000 000\n```");
    write(n.chapter(1), text);
    auto r = n.run();
    INFO(all_messages(r));
    CHECK(count(r, Severity::kWarning, "inlamning.yaml",
                "projektens finansiering blir tillsammans 36 000 000 kr men dokumentet anger 37 688 000 kr i projektmedel") == 1);
    n.set_admin("projektmedel", "36000000");
    auto fixed = n.run();
    INFO(all_messages(fixed));
    CHECK(fixed.diagnostics.list.items().empty());
  }
  SECTION("some projects without funding") {
    Narrative n;
    n.replace(1, "namn: Taktil beröring\n", "namn: Taktil beröring\nfinansiering: 1200000\n");
    auto r = n.run();
    INFO(all_messages(r));
    CHECK(count(r, Severity::kWarning, "inlamning.yaml", "11 av 12 projekt saknar finansiering") == 1);
  }
  SECTION("funding that is not a whole positive number") {
    Narrative n;
    n.replace(1, "namn: Taktil beröring\n", "namn: Taktil beröring\nfinansiering: -5\n");
    n.replace(1, "namn: Stimulerande vardag\n", "namn: Stimulerande vardag\nfinansiering: mycket\n");
    auto r = n.run();
    INFO(all_messages(r));
    CHECK(count(r, Severity::kError, "kapitel-01.md", "finansieringen ”-5” är inget helt antal kronor") == 1);
    CHECK(count(r, Severity::kError, "kapitel-01.md", "mycket") == 1);
    n.replace(1, "finansiering: -5", "finansiering: 1200,50");
    auto decimals = n.run();
    CHECK(count(decimals, Severity::kError, "kapitel-01.md", "finansieringen ”1200,50” är inget helt antal kronor") == 1);
  }
}

TEST_CASE("projects with funding are a table with a total row", "[narrative]") {
  Narrative n;
  n.replace(1, "namn: Taktil beröring\n", "namn: Taktil beröring\nperiod: 2010–2012\nfinansiering: 1200000\n");
  n.replace(1, "namn: Stimulerande vardag\n", "namn: Stimulerande vardag\nfinansiering: 800000\n");
  auto options = options_for(n.content, source_dir() / "templates");
  options.output_dir = (n.dir.path() / "site").string();
  std::ostringstream o, e;
  REQUIRE(kv::run_build(options, o, e) == 0);
  std::string page = read(n.dir.path() / "site" / kNarrative / "kapitel-01" / "index.html");
  CHECK(page.find("<table class=\"projekt\">") != std::string::npos);
  CHECK(page.find("<tr><th scope=\"row\">Taktil beröring</th><td>2010–2012</td><td class=\"tal\">1\xC2\xA0" "200\xC2\xA0" "000 kr</td></tr>") !=
        std::string::npos);
  CHECK(page.find("<tfoot>") == std::string::npos);  // ten projects give no funding: no total
  CHECK(page.find("<ul class=\"projekt\">") == std::string::npos);
}

TEST_CASE("the example narrative lists its projects and numbers its table of contents", "[narrative]") {
  const auto& b = built();
  REQUIRE(b.status == 0);
  std::string page = read(b.out / kNarrative / "kapitel-01" / "index.html");
  CHECK(page.find("<ul class=\"projekt\">\n<li>Uppsökande verksamhet/Förebyggande hembesök</li>") != std::string::npos);
  std::string print = read(b.out / kNarrative / "utskrift.html");
  // Every numbered heading of the seed is in the table of contents, in order, and each
  // entry's link leads to a heading of the page.
  const std::vector<std::string> numbers = {"1.1", "1.1.1", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "3.4.1", "3.4.2", "3.4.3"};
  std::regex entry("<li class=\"toc-rubrik niva-(\\d)\"><a href=\"#([^\"]+)\"><span class=\"nr\">([0-9.]+)</span>");
  std::vector<std::string> found;
  for (auto it = std::sregex_iterator(print.begin(), print.end(), entry); it != std::sregex_iterator(); ++it) {
    found.push_back((*it)[3]);
    CHECK((*it)[1] == std::to_string(std::count(found.back().begin(), found.back().end(), '.') + 1));
    CHECK(print.find("id=\"" + (*it)[2].str() + "\"") != std::string::npos);
  }
  CHECK(found == numbers);
}

TEST_CASE("every line of the source narrative appears on the site", "[narrative]") {
  const auto& b = built();
  std::string site;
  for (int n = 1; n <= 4; ++n)
    site += visible_text(read(b.out / kNarrative / ("kapitel-0" + std::to_string(n)) / "index.html")) + " ";
  std::string seed = read(fixtures() / "seeds" / "000-utvecklingsberattelse-2012.txt");
  std::istringstream lines(seed);
  int checked = 0;
  std::vector<std::string> missing;
  for (std::string line; std::getline(lines, line);) {
    std::string t(kv::trim(visible_text(line)));
    // Bullets of the extraction (U+F0B7, •) and the footnote's marker ("1 MAS, …", "stab¹").
    t = std::regex_replace(t, std::regex("^(\xEF\x82\xB7|\xE2\x80\xA2|1 (?=MAS))\\s*"), "");
    t = std::string(kv::trim(t));
    // Two places the transcription tidies: "anhörig ." and the footnote mark "stab1" (stab¹).
    t = std::regex_replace(t, std::regex(" \\.$"), ".");
    t = std::regex_replace(t, std::regex("stab1 "), "stab\xC2\xB9 ");
    if (kv::utf8_length(t) < 25) continue;
    ++checked;
    if (site.find(t) == std::string::npos) missing.push_back(t);
  }
  INFO("missing lines:\n" << [&] { std::string s; for (auto& m : missing) s += m + "\n"; return s; }());
  CHECK(checked > 180);
  CHECK(missing.empty());
}
