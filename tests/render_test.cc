// The render stage: model blocks → HTML, and Markdown safety.
#include <catch2/catch.hpp>

#include "markdown/markdown.h"
#include "render/html/blocks_html.h"

using namespace kv;
using Catch::Matchers::Contains;

namespace {

std::string html(model::Block block, Lang lang = Lang::kSv) {
  return blocks_to_html({std::move(block)}, {lang, "../", 2, ""});
}

}  // namespace

TEST_CASE("raw HTML and script in Markdown never reach the page") {
  std::string out = markdown::to_html("Hej <script>alert(1)</script> *du*\n\n<div onclick=\"x()\">block</div>\n");
  CHECK_THAT(out, !Contains("<script"));
  CHECK_THAT(out, !Contains("<div"));
  CHECK_THAT(out, !Contains("onclick"));
  CHECK_THAT(out, Contains("<em>du</em>"));
}

TEST_CASE("javascript: links are not made clickable") {
  std::string out = markdown::to_html("[klicka](javascript:alert(1))\n");
  CHECK_THAT(out, !Contains("javascript:"));
}

TEST_CASE("GitHub tables and strikethrough are enabled") {
  std::string out = markdown::to_html("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~bort~~\n");
  CHECK_THAT(out, Contains("<table>"));
  CHECK_THAT(out, Contains("<del>bort</del>"));
}

TEST_CASE("an author's ## becomes the requested heading level") {
  CHECK_THAT(markdown::to_html("## Rubrik\n", 2), Contains("<h2>Rubrik</h2>"));
  CHECK_THAT(markdown::to_html("## Rubrik\n", 3), Contains("<h3>Rubrik</h3>"));
  CHECK_THAT(markdown::to_html("# Rubrik\n", 2), Contains("<h2>Rubrik</h2>"));
  CHECK_THAT(markdown::to_html("### Under\n", 3), Contains("<h4>Under</h4>"));
}

TEST_CASE("an Exempel is set apart with its label") {
  std::string out = html({model::Container{"exempel", {{model::Prose{markdown::to_html("Ett exempel.")}}}}});
  CHECK_THAT(out, Contains("<div class=\"exempel\">"));
  CHECK_THAT(out, Contains("<p class=\"exempel-rubrik\">Exempel</p>"));
  CHECK_THAT(out, Contains("<p>Ett exempel.</p>"));
  CHECK_THAT(html({model::Container{"exempel", {}}}, Lang::kEn), Contains(">Example</p>"));
}

TEST_CASE("a SWOT part is a section with its heading") {
  std::string out = html({model::Container{"svagheter", {{model::Prose{markdown::to_html("Låg svarsfrekvens.")}}}}});
  CHECK_THAT(out, Contains("<section class=\"swot swot-svagheter\">\n<h2>Svagheter</h2>"));
}

TEST_CASE("a goal reads as run-in paragraphs – as its authors wrote it") {
  std::string out = html({model::Goal{"Budget i balans", "att budgeten är i balans.", "Följa kostnader.", "Månadsvis."}});
  CHECK_THAT(out, Contains("<section class=\"mal\" id=\"kv-mal-1\">\n<p class=\"mal-rubrik\"><span class=\"etikett\">Mål:</span> Budget i balans</p>"));
  CHECK_THAT(out, Contains("<p><span class=\"etikett\">Förväntat resultat:</span> att budgeten är i balans.</p>"));
  CHECK_THAT(out, Contains("<p><span class=\"etikett\">Arbetssätt:</span> Följa kostnader.</p>"));
  CHECK_THAT(out, Contains("<p><span class=\"etikett\">Uppföljning:</span> Månadsvis.</p>"));
  CHECK_THAT(out, !Contains("<table"));
  // A text that starts with a list keeps its label on a line of its own.
  std::string list = html({model::Goal{"Trygghet", "- 90 % nöjda\n- 80 % trygga", "Samtal.", "Enkät."}});
  CHECK_THAT(list, Contains("<p><span class=\"etikett\">Förväntat resultat:</span> </p>\n<ul>"));
}

TEST_CASE("a goal follow-up shows result – analysis and taking forward") {
  std::string out = html({model::GoalFollowUp{"Trygghet", "59%.", "Bra.", "Fortsätt."}});
  CHECK_THAT(out, Contains("<section class=\"uppfoljning\" id=\"kv-uppfoljning-1\">"));
  CHECK_THAT(out, Contains("<p><span class=\"etikett\">Resultat:</span> 59%.</p>"));
  CHECK_THAT(out, Contains("<p><span class=\"etikett\">Analys:</span> Bra.</p>"));
  CHECK_THAT(out, Contains("<p><span class=\"etikett\">Ta tillvara:</span> Fortsätt.</p>"));
}

TEST_CASE("a survey table has gender columns only where data exists – percent formatted") {
  model::SurveyTable s{"Delaktig?", {{"Ja", 76, 79, 74, 59}, {"Nej", 24, 21, 26, 41}}};
  std::string out = html({s});
  CHECK_THAT(out, Contains("<th scope=\"col\">Totalt</th><th scope=\"col\">Kvinna</th><th scope=\"col\">Man</th><th scope=\"col\">Annan</th>"));
  CHECK_THAT(out, Contains("<tr><th scope=\"row\">Ja</th><td>76\xC2\xA0%</td><td>79\xC2\xA0%</td><td>74\xC2\xA0%</td><td>59\xC2\xA0%</td></tr>"));
  model::SurveyTable only_total{"Q", {{"Ja", 50, std::nullopt, std::nullopt, std::nullopt}}};
  CHECK_THAT(html({only_total}), !Contains("Kvinna"));
}

TEST_CASE("an economy table has years as columns – signed results and the forecast mark") {
  model::EconomyTable e{"mnkr", {{2015, 277.76, 276.5, 1.3, false}, {2018, 306.7, 303.2, 3.5, true}}, "Prognos per sista mars 2018"};
  std::string out = html({e});
  CHECK_THAT(out, Contains("<th scope=\"col\">Verksamhetsår</th><th scope=\"col\">2015</th><th scope=\"col\">2018</th>"));
  CHECK_THAT(out, Contains("<th scope=\"row\">Budget (mnkr)</th><td>277,76</td><td>306,7</td>"));
  CHECK_THAT(out, Contains("<th scope=\"row\">Utfall/prognos (mnkr)</th><td>276,5</td><td>303,2</td>"));
  CHECK_THAT(out, Contains("<td>+1,3</td><td>+3,5<abbr title=\"prognos\">*</abbr></td>"));
  CHECK_THAT(out, Contains("<p class=\"fotnot\">* Prognos per sista mars 2018</p>"));
}

TEST_CASE("an index table lists sub-indices as columns – empty where absent") {
  model::IndexSeries s{"AMI", "Aktivt medarbetarskapsindex", {{2018, 76, {{"motivation", 76}, {"ledarskap", 80}}}, {2017, 68, {}}}};
  std::string out = html({s});
  CHECK_THAT(out, Contains("<caption>AMI \xE2\x80\x93 Aktivt medarbetarskapsindex</caption>"));
  CHECK_THAT(out, Contains("<th scope=\"col\">motivation</th><th scope=\"col\">ledarskap</th>"));
  CHECK_THAT(out, Contains("<tr><th scope=\"row\">2018</th><td>76</td><td>76</td><td>80</td></tr>"));
  CHECK_THAT(out, Contains("<tr><th scope=\"row\">2017</th><td>68</td><td></td><td></td></tr>"));
}

TEST_CASE("an annual cycle lists months in order with their activities") {
  model::AnnualCycle c{{{1, {"verksamhetsberättelse"}}, {5, {"skyddsrond", "tertial"}}}};
  std::string out = html({c});
  CHECK_THAT(out, Contains("<tr><th scope=\"row\">Januari</th><td>verksamhetsberättelse</td></tr>"));
  CHECK_THAT(out, Contains("<tr><th scope=\"row\">Maj</th><td>skyddsrond; tertial</td></tr>"));
}

TEST_CASE("a figure without file shows its caption in a frame, with file an img with alt text") {
  CHECK_THAT(html({model::Figure{"Organisationsskiss", ""}}), Contains("<div class=\"bild-saknas\">"));
  std::string out = html({model::Figure{"Skiss <1>", "enhet/2018/slag/skiss.png"}});
  CHECK_THAT(out, Contains("<img src=\"../media/enhet/2018/slag/skiss.png\" alt=\"Skiss &lt;1&gt;\">"));
  CHECK_THAT(out, Contains("<figcaption>Skiss &lt;1&gt;</figcaption>"));
}

TEST_CASE("author text in table cells and captions is escaped") {
  model::SurveyTable s{"<b>fråga</b>", {{"<i>Ja</i>", 1, std::nullopt, std::nullopt, std::nullopt}}};
  std::string out = html({s});
  CHECK_THAT(out, Contains("&lt;b&gt;fråga&lt;/b&gt;"));
  CHECK_THAT(out, Contains("&lt;i&gt;Ja&lt;/i&gt;"));
}

// Prose is parsed once, at validation (markdown::analyze), and kept as HTML with headings
// from h2; pages that need other levels move them. That must equal a parse at that level.
TEST_CASE("shift_headings gives the same HTML as parsing at that heading level") {
  const std::string text = "# Ett\n\n## Två <h2>\n\n### Tre\n\n###### Sex\n\n`<h3>` och h2 i text\n\n| h |\n|---|\n| x |\n";
  const auto analysis = markdown::analyze(text);
  CHECK(analysis.html == markdown::to_html(text, 2));
  for (int level : {2, 3, 4, 5, 6}) {
    INFO("min_heading " << level);
    CHECK(markdown::shift_headings(analysis.html, level) == markdown::to_html(text, level));
  }
}

TEST_CASE("analyze finds raw HTML and images in the same parse") {
  const auto a = markdown::analyze("Text <b>fet</b>\n\n![alt](bild.png) och ![x](http://h/y.png)\n");
  REQUIRE(a.raw_html.size() == 2);
  REQUIRE(a.images.size() == 2);
  CHECK(a.images[0].url == "bild.png");
  CHECK(a.images[1].url == "http://h/y.png");
  CHECK(a.images[1].at.line == 3);
  CHECK(a.html.find("<b>") == std::string::npos);
}
