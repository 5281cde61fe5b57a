// Links and images in prose, and table rows (issue 11). Before: a link to fraga-02.md kept
// href="fraga-02.md" on the site (a dead link), an image in prose was neither copied nor
// checked beyond its path, and a table row with too many cells lost a cell in silence.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include "markdown/heading_ids.h"
#include "markdown/markdown.h"
#include "markdown/table_rows.h"
#include "resolve.h"
#include "support.h"

using namespace kvtest;
using namespace std::string_literals;

namespace {

const char* kDoc = "2020/provenhet/prov";

// The valid fixture, optionally with the report fixture's unit beside it (a second document).
struct Fixture {
  TempDir dir;
  fs::path content = dir.path() / "content";
  fs::path submission = submission_dir(content);
  fs::path out = dir.path() / "site";
  explicit Fixture(bool with_report = false) {
    copy_fixture("valid", content);
    if (with_report) fs::copy(fixtures() / "report" / "provrapport", content / "provrapport", fs::copy_options::recursive);
  }
  int build() const {
    auto options = options_for(content);
    options.output_dir = out.string();
    std::ostringstream o, e;
    int status = kv::run_build(options, o, e);
    INFO(e.str());
    CHECK(status == 0);
    return status;
  }
  std::string page(const std::string& rel) const { return read(out / rel); }
};

std::string png_bytes() { return "\x89PNG\r\n\x1a\n"s + std::string(32, '\0'); }

// The href of the link whose text is `text` on a page.
std::string href_of(const std::string& html, const std::string& text) {
  std::smatch m;
  if (!std::regex_search(html, m, std::regex("<a href=\"([^\"]*)\"[^>]*>" + text + "</a>"))) return "(no link “" + text + "”)";
  return m[1];
}

std::string src_of(const std::string& html, const std::string& alt) {
  std::smatch m;
  if (!std::regex_search(html, m, std::regex("<img src=\"([^\"]*)\" alt=\"" + alt + "\""))) return "(no image “" + alt + "”)";
  return m[1];
}

}  // namespace

TEST_CASE("a link to another question is rewritten on the question, comparison and print pages", "[links]") {
  Fixture f;
  replace(f.submission / "fraga-01.md", "Vi lyssnar på brukarna.",
          "## Bemötande\n\nVi lyssnar på brukarna. Se [fråga 2](fraga-02.md), [budgetmålet](fraga-02.md#budgeten-i-balans), "
          "[inledningen](inledning.md) och [bemötandet](#bemotande).");
  replace(f.submission / "fraga-02.md", "Enheten har ett mål.", "## Budgeten i balans\n\nEnheten har ett mål.");
  REQUIRE(f.build() == 0);

  const std::string question = std::string(kDoc) + "/fraga-01/index.html";
  const std::string compare = "jamforelse/2020/prov/fraga-01/index.html";
  const std::string print = std::string(kDoc) + "/utskrift.html";
  for (const auto& page : {question, compare, print}) {
    const std::string html = f.page(page);
    for (const auto* text : {"fråga 2", "budgetmålet", "inledningen", "bemötandet"}) {
      const std::string href = href_of(html, text);
      CHECK(href.find(".md") == std::string::npos);
      check_resolves(f.out, page, href);
    }
  }
  // Where a page holds the target it is an anchor on that page; elsewhere the site page.
  CHECK(href_of(f.page(question), "fråga 2") == "../../../../2020/provenhet/prov/fraga-02/index.html");
  CHECK(href_of(f.page(question), "budgetmålet") == "../../../../2020/provenhet/prov/fraga-02/index.html#budgeten-i-balans");
  CHECK(href_of(f.page(question), "inledningen") == "../../../../2020/provenhet/prov/index.html#inledning");
  CHECK(href_of(f.page(question), "bemötandet") == "#bemotande");
  CHECK(href_of(f.page(compare), "bemötandet") == "#provenhet-bemotande");
  CHECK(href_of(f.page(compare), "fråga 2") == "../../../../2020/provenhet/prov/fraga-02/index.html");
  CHECK(href_of(f.page(print), "fråga 2") == "#del-02");
  CHECK(href_of(f.page(print), "budgetmålet") == "#del-02-budgeten-i-balans");
  CHECK(href_of(f.page(print), "inledningen") == "#inledning");
  // The link text stays searchable, and no placeholder leaks.
  std::string index;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(f.out / "sok" / "f"))
    if (entry.is_regular_file()) index += read(entry.path());
  CHECK(index.find("Se fråga 2, budgetmålet, inledningen") != std::string::npos);
  CHECK(index.find("kvlink") == std::string::npos);
}

TEST_CASE("headings get stable ids: the text as a slug, repeated ones numbered, never a layout's id", "[links]") {
  Fixture f;
  replace(f.submission / "fraga-01.md", "Vi lyssnar på brukarna.",
          "## Mål för året\n\nA.\n\n## Mål för året\n\nB.\n\n## Innehåll\n\nC.\n\n::: exempel\n### Mål för året\n\nD.\n:::\n\n"
          "[tredje](#mal-for-aret-3) [innehåll](#innehall-2) [skrivet med å](#mål-för-året)");
  REQUIRE(f.build() == 0);
  const std::string html = f.page(std::string(kDoc) + "/fraga-01/index.html");
  CHECK_THAT(html, Catch::Matchers::Contains("<h2 id=\"mal-for-aret\">Mål för året</h2>"));
  CHECK_THAT(html, Catch::Matchers::Contains("<h2 id=\"mal-for-aret-2\">Mål för året</h2>"));
  CHECK_THAT(html, Catch::Matchers::Contains("<h2 id=\"innehall-2\">Innehåll</h2>"));
  CHECK_THAT(html, Catch::Matchers::Contains("<h3 id=\"mal-for-aret-3\">Mål för året</h3>"));
  CHECK(href_of(html, "tredje") == "#mal-for-aret-3");
  CHECK(href_of(html, "innehåll") == "#innehall-2");
  CHECK(href_of(html, "skrivet med å") == "#mal-for-aret");
  // The same headings on the print page carry the part's prefix.
  CHECK_THAT(f.page(std::string(kDoc) + "/utskrift.html"), Catch::Matchers::Contains("id=\"del-01-mal-for-aret-2\""));
}

TEST_CASE("every id the layouts use is kept from headings", "[links]") {
  std::regex literal_id("id=\"([a-z0-9-]+)\"");
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(source_dir() / "templates" / "layouts")) {
    const std::string text = read(entry.path());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), literal_id); it != std::sregex_iterator(); ++it, ++checked) {
      INFO(entry.path().filename().string() << ": " << (*it)[1]);
      CHECK(kv::markdown::reserved_id((*it)[1].str()));
    }
  }
  CHECK(checked > 10);
  CHECK(kv::markdown::reserved_id("diagram-3"));
  CHECK_FALSE(kv::markdown::reserved_id("diagram-3-2"));
  kv::markdown::HeadingIds ids;
  CHECK(ids.add("innehall") == "innehall-2");
  CHECK(ids.add("diagram-1") == "diagram-1-2");
}

TEST_CASE("a link to a missing heading is an error at the link's line and column", "[links]") {
  Fixture f;
  // Line 5 of fraga-01.md; "å" is one character but two bytes. The second link is on an
  // indented continuation line, whose indentation cmark leaves out of its column.
  replace(f.submission / "fraga-01.md", "Vi lyssnar på brukarna.",
          "Vi lyssnar på brukarna, se [målen](fraga-02.md#saknas)\n   och [här](#inte-heller).");
  auto v = check(f.content);
  INFO(all_messages(v));
  const auto* first = find(v, "”fraga-02.md#saknas”");
  REQUIRE(first);
  CHECK(first->severity == kv::Severity::kError);
  CHECK(first->pos.line == 5);
  CHECK(first->pos.col == 28);
  CHECK_THAT(first->message, Catch::Matchers::Contains("har ingen rubrik ”#saknas”"));
  CHECK_THAT(first->hint, Catch::Matchers::Contains("#mål-1"));  // no headings there; its goal can be linked
  const auto* second = find(v, "#inte-heller");
  REQUIRE(second);
  CHECK(second->pos.line == 6);
  CHECK(second->pos.col == 8);
  CHECK(v.diagnostics.list.error_count() == 2);
}

TEST_CASE("a link to a missing question file or to a file that is no page is an error", "[links]") {
  Fixture f;
  replace(f.submission / "fraga-01.md", "Vi lyssnar på brukarna.",
          "Se [fråga 9](fraga-09.md), [uppgifterna](inlamning.yaml) och [enheten](../../).");
  auto v = check(f.content);
  INFO(all_messages(v));
  CHECK(count(v, kv::Severity::kError, "fraga-01.md", "fraga-09.md”, som inte finns") == 1);
  CHECK(count(v, kv::Severity::kError, "fraga-01.md", "inte är en sida på webbplatsen") == 2);
  const auto* missing = find(v, "fraga-09.md");
  REQUIRE(missing);
  CHECK(missing->pos.line == 5);
  CHECK(missing->pos.col == 4);
  // Another number is another question, not a typo: no guess.
  CHECK(missing->hint.find("menade du") == std::string::npos);
}

TEST_CASE("a mistyped link to a question file suggests the file it is closest to", "[links]") {
  Fixture f;
  replace(f.submission / "fraga-01.md", "Vi lyssnar på brukarna.",
          "Se [a](fraga-30.md), [b](fråga-02.md) och [c](fraga02.md).");
  auto v = check(f.content);
  INFO(all_messages(v));
  const auto* swapped = find(v, "fraga-30.md");
  REQUIRE(swapped);
  CHECK(swapped->hint == "menade du ”fraga-03.md”?");
  const auto* accent = find(v, "fråga-02.md");
  REQUIRE(accent);
  CHECK(accent->hint == "menade du ”fraga-02.md”?");
  const auto* dash = find(v, "”fraga02.md”");
  REQUIRE(dash);
  CHECK(dash->hint == "menade du ”fraga-02.md”?");
}

TEST_CASE("links of a document with other errors are checked in the same run", "[links]") {
  Fixture f;
  replace(f.submission / "fraga-01.md", "Vi lyssnar på brukarna.",
          "[a](http://x.se) [b](fraga-09.md) [c](fraga-02.md#saknas) [d](fraga-03.md)");
  replace(f.submission / "fraga-03.md", "fråga: 3", "fråga: tre");  // fraga-03.md is not read: no page
  auto v = check(f.content);
  INFO(all_messages(v));
  CHECK(count(v, kv::Severity::kError, "fraga-01.md", "okrypterad http:-adress") == 1);
  CHECK(count(v, kv::Severity::kError, "fraga-01.md", "som inte finns") == 1);
  CHECK(count(v, kv::Severity::kError, "fraga-01.md", "har ingen rubrik ”#saknas”") == 1);
  // The link to fraga-03.md is not reported on top of that file's own error.
  CHECK(count(v, kv::Severity::kError, "fraga-01.md", "fraga-03.md") == 0);
  CHECK(count(v, kv::Severity::kError, "fraga-03.md", "") >= 1);
}

TEST_CASE("a link to another document's folder or part leads to its pages", "[links]") {
  Fixture f(true);
  replace(f.submission / "fraga-01.md", "Vi lyssnar på brukarna.",
          "Se [rapporten](../../../provrapport/2024/prov-rapport/) och "
          "[avsnitt 2](../../../provrapport/2024/prov-rapport/avsnitt-02.md).");
  replace(f.content / "provrapport" / "2024" / "prov-rapport" / "avsnitt-02.md", "Enheten bidrar",
          "Tillbaka till [provutmärkelsen](../../../provenhet/2020/prov/fraga-03.md).\n\nEnheten bidrar");
  REQUIRE(f.build() == 0);
  const std::string question = std::string(kDoc) + "/fraga-01/index.html";
  CHECK(href_of(f.page(question), "rapporten") == "../../../../2024/provrapport/prov-rapport/index.html");
  CHECK(href_of(f.page(question), "avsnitt 2") == "../../../../2024/provrapport/prov-rapport/avsnitt-02/index.html");
  check_resolves(f.out, question, href_of(f.page(question), "rapporten"));
  check_resolves(f.out, question, href_of(f.page(question), "avsnitt 2"));
  // From the other document's print page it is the site page, not an anchor there.
  const std::string print = "2024/provrapport/prov-rapport/utskrift.html";
  CHECK(href_of(f.page(print), "provutmärkelsen") == "../../../2020/provenhet/prov/fraga-03/index.html");
  check_resolves(f.out, print, href_of(f.page(print), "provutmärkelsen"));
  // With the published address known, the print page (and so the PDF) links the site itself.
  replace(f.content / "site.yaml", "tema: default", "tema: default\nadress: https://kvalitet.example.se/");
  REQUIRE(f.build() == 0);
  CHECK(href_of(f.page(print), "provutmärkelsen") == "https://kvalitet.example.se/2020/provenhet/prov/fraga-03/index.html");
  CHECK(href_of(f.page(question), "avsnitt 2") == "../../../../2024/provrapport/prov-rapport/avsnitt-02/index.html");
}

TEST_CASE("https and mailto links are kept, http, javascript and file links are errors", "[links]") {
  SECTION("kept") {
    Fixture f;
    replace(f.submission / "fraga-01.md", "Vi lyssnar på brukarna.",
            "Se [stadens sida](https://start.stockholm/aldreomsorg/) och [mejla oss](mailto:info@provstaden.se), "
            "eller www.provstaden.se.");
    REQUIRE(f.build() == 0);
    const std::string html = f.page(std::string(kDoc) + "/fraga-01/index.html");
    CHECK(href_of(html, "stadens sida") == "https://start.stockholm/aldreomsorg/");
    CHECK(href_of(html, "mejla oss") == "mailto:info@provstaden.se");
    CHECK(href_of(html, "www.provstaden.se") == "https://www.provstaden.se");
  }
  SECTION("refused") {
    Fixture f;
    replace(f.submission / "fraga-01.md", "Vi lyssnar på brukarna.",
            "[a](http://example.se/x) [b](javascript:alert(1)) [c](file:///etc/passwd) [d](data:text/html,x) "
            "[e](//example.se/)");
    auto v = check(f.content);
    INFO(all_messages(v));
    const auto* http = find(v, "okrypterad http:-adress");
    REQUIRE(http);
    CHECK_THAT(http->hint, Catch::Matchers::Contains("https://example.se/x"));
    CHECK(http->pos.line == 5);
    CHECK(http->pos.col == 1);
    CHECK(count(v, kv::Severity::kError, "fraga-01.md", "kan inte användas på webbplatsen") == 4);
  }
}

TEST_CASE("an image in prose is copied to the site's media and its src leads there", "[links]") {
  Fixture f;
  write(f.submission / "bilder" / "skiss.png", png_bytes());
  replace(f.submission / "fraga-01.md", "Vi lyssnar på brukarna.", "Vi lyssnar på brukarna.\n\n![Organisationsskiss](bilder/skiss.png)");
  REQUIRE(f.build() == 0);
  for (const auto& page : {std::string(kDoc) + "/fraga-01/index.html", std::string(kDoc) + "/utskrift.html",
                           "jamforelse/2020/prov/fraga-01/index.html"s}) {
    const std::string src = src_of(f.page(page), "Organisationsskiss");
    INFO(page << " → " << src);
    CHECK(src.find("media/provenhet/2020/prov/bilder/skiss.png") != std::string::npos);
    const fs::path file = ((f.out / page).parent_path() / src).lexically_normal();
    REQUIRE(fs::is_regular_file(file));
    CHECK(read(file) == png_bytes());
  }
}

TEST_CASE("an image in prose needs alt text, PNG or JPEG content and a place in the content folder", "[links]") {
  Fixture f;
  write(f.submission / "ok.jpg", "\xFF\xD8\xFF\xE0"s + std::string(16, '\0'));
  write(f.submission / "text.png", "det här är ingen bild\n");
  write(f.submission / "gif.png", "GIF89a" + std::string(16, '\0'));
  write(f.submission / "ok.png", png_bytes());
  write(f.dir.path() / "ute.png", png_bytes());
  replace(f.submission / "fraga-01.md", "Vi lyssnar på brukarna.",
          "![](ok.png)\n\n![Foto](ok.jpg) ![Text](text.png) ![Gif](gif.png) ![Ute](../../../../ute.png)");
  auto v = check(f.content);
  INFO(all_messages(v));
  const auto* alt = find(v, "saknar alt-text");
  REQUIRE(alt);
  CHECK_THAT(alt->message, Catch::Matchers::Contains("WCAG 1.1.1"));
  CHECK(alt->pos.line == 5);
  CHECK(alt->pos.col == 1);
  CHECK(count(v, kv::Severity::kError, "fraga-01.md", "”text.png” är inte en PNG- eller JPEG-bild") == 1);
  CHECK(count(v, kv::Severity::kError, "fraga-01.md", "”gif.png” är inte en PNG- eller JPEG-bild") == 1);
  CHECK(count(v, kv::Severity::kError, "fraga-01.md", "ute.png” ligger utanför innehållsmappen") == 1);
  CHECK(count(v, kv::Severity::kError, "fraga-01.md", "ok.jpg") == 0);
  CHECK(v.diagnostics.list.error_count() == 4);
}

TEST_CASE("an SVG in prose is accepted as a bild block's is: named .svg and inert", "[links]") {
  Fixture f;
  write(f.submission / "ritning.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"4\" height=\"4\"/></svg>");
  write(f.submission / "skript.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");
  replace(f.submission / "fraga-01.md", "Vi lyssnar på brukarna.", "![Ritning](ritning.svg) ![Skript](skript.svg)");
  auto v = check(f.content);
  INFO(all_messages(v));
  CHECK(count(v, kv::Severity::kError, "fraga-01.md", "SVG-bilden ”skript.svg” innehåller skript") == 1);
  CHECK(v.diagnostics.list.error_count() == 1);
}

TEST_CASE("a link or image within the site in a data block's text is an error, https is fine", "[links]") {
  Fixture f;
  replace(f.submission / "fraga-02.md", "  följa kostnaderna varje månad.",
          "  följa [fråga 1](fraga-01.md) och [stadens](https://start.stockholm/) varje månad.");
  replace(f.submission / "fraga-02.md", "  månatligen med controller.", "  månatligen ![graf](graf.png) med [x](http://x.se).");
  auto v = check(f.content);
  INFO(all_messages(v));
  CHECK(count(v, kv::Severity::kError, "fraga-02.md", "”fraga-01.md” i ett datablocks text") == 1);
  CHECK(count(v, kv::Severity::kError, "fraga-02.md", "”graf.png” i ett datablocks text") == 1);
  CHECK(count(v, kv::Severity::kError, "fraga-02.md", "okrypterad http:-adress") == 1);
  CHECK(v.diagnostics.list.error_count() == 3);
}

TEST_CASE("a table row's cells are counted as cmark-gfm splits them", "[tables]") {
  using kv::markdown::count_row_cells;
  CHECK(count_row_cells("| a | b | c |") == 3);
  CHECK(count_row_cells("a | b | c") == 3);
  CHECK(count_row_cells("| a | b | c") == 3);
  CHECK(count_row_cells("  | a | b |   ") == 2);
  CHECK(count_row_cells("| a \\| b | c |") == 2);
  CHECK(count_row_cells("| `a|b` | c |") == 3);  // a pipe in code splits the cell too
  CHECK(count_row_cells("| a | b |\\|") == 3);
  CHECK(count_row_cells("|  |  |  |  |") == 4);
}

TEST_CASE("a table row with more or fewer cells than the header row is an error at its line", "[tables]") {
  Fixture f;
  // fraga-03.md: the header row is line 16, the body rows 18 to 21.
  replace(f.submission / "fraga-03.md", "Nya arbetssätt.\n",
          "Nya arbetssätt.\n\n| år | kvinnor | män |\n|---|---|---|\n| 2019 | 12 | 8 |\n| 2020 | 14 | 9 | 3 |\n| 2021 | 15 |\n"
          "| 2022 | `a|b` | 1 |\n");
  auto v = check(f.content);
  INFO(all_messages(v));
  std::vector<std::pair<int, std::string>> rows;  // line and message after the question's name
  for (const auto& d : v.diagnostics.list.items())
    if (auto at = d.message.find("tabellraden"); at != std::string::npos) rows.push_back({d.pos.line, d.message.substr(at)});
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] == std::pair<int, std::string>{19, "tabellraden har 4 celler men rubrikraden 3"});
  CHECK(rows[1] == std::pair<int, std::string>{20, "tabellraden har 2 celler men rubrikraden 3"});
  CHECK(rows[2] == std::pair<int, std::string>{21, "tabellraden har 4 celler men rubrikraden 3"});
  CHECK(find(v, "tabellraden")->pos.path.find("fraga-03.md") != std::string::npos);
  CHECK_THAT(find(v, "tabellraden")->hint, Catch::Matchers::Contains("\\|"));
}

TEST_CASE("a well-formed table gives no error, in prose, a container or a blockquote", "[tables]") {
  Fixture f;
  replace(f.submission / "fraga-03.md", "Nya arbetssätt.\n",
          "Nya arbetssätt.\n\n| år | text |\n|---|:-:|\n| 2019 | a \\| b |\n| 2020 | `x\\|y` |\n\n"
          "> | a | b |\n> |---|---|\n> | 1 | 2 |\n");
  replace(f.submission / "fraga-01.md", "Ett konkret exempel på bemötande.",
          "Ett konkret exempel på bemötande.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
  auto v = check(f.content);
  INFO(all_messages(v));
  CHECK_FALSE(v.diagnostics.list.has_errors());
}
