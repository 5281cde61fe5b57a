// LIX, the Swedish readability index: counts worked out by hand from the texts below.
#include <catch2/catch.hpp>

#include "support.h"
#include "pipeline/page_readability.h"
#include "util/lix.h"
#include "validate/readability.h"

using namespace kvtest;

TEST_CASE("LIX counts words, long words and sentences", "[lix]") {
  // 6 words, none longer than six letters, 2 sentences: 6/2 + 0 = 3.
  auto easy = kv::measure_text("Jag gillar glass. Den är god.");
  CHECK(easy.words == 6);
  CHECK(easy.long_words == 0);
  CHECK(easy.sentences == 2);
  CHECK(easy.lix() == 3);
  // 3 words, all long, 1 sentence: 3/1 + 100 = 103.
  CHECK(kv::measure_text("Verksamhetsberättelsen redovisar kvalitetsarbetet.").lix() == 103);
  // Letters are counted as code points: "Åtgärder" has 8 (long), "även" 4.
  auto swedish = kv::measure_text("Åtgärder även");
  CHECK(swedish.long_words == 1);
  CHECK(swedish.sentences == 1);  // the end of the text closes the unfinished sentence
  // Exactly six letters is not long; seven is.
  CHECK(kv::measure_text("hemtjä").long_words == 0);
  CHECK(kv::measure_text("omsorgs").long_words == 1);
  CHECK(kv::measure_text("").lix() == 0);
  // Typographic quotes and dashes are not letters: ”Bättre” has six (not long), and a dash
  // between spaces is no word.
  auto quoted = kv::measure_text("”Bättre” – sa hon.");
  CHECK(quoted.words == 3);
  CHECK(quoted.long_words == 0);
  CHECK(kv::measure_text("”Bättre”").long_words == 0);
  CHECK(kv::measure_text("”Omsorgs”").long_words == 1);
}

TEST_CASE("LIX is rounded to the nearest whole number, a half up", "[lix]") {
  // 5 words, 3 sentences, none long: 5/3 = 1.67, so 2 (rounding down would give 1).
  auto up = kv::measure_text("Vi går. Vi ser. Hej.");
  CHECK(up.words == 5);
  CHECK(up.sentences == 3);
  CHECK(up.lix() == 2);
  // 4 words, 3 sentences: 4/3 = 1.33, so 1 (rounding up would give 2).
  CHECK(kv::measure_text("Vi går. Ja. Nej.").lix() == 1);
  // 5 words, 2 sentences: exactly 2.5, so 3.
  CHECK(kv::measure_text("Vi går hem. Ja nej.").lix() == 3);
  // 3 words, 2 long ("Verksamheten" 12 letters, "utvecklas" 9), 1 sentence:
  // 3/1 + 100·2/3 = 69.67, so 70.
  auto two_long = kv::measure_text("Verksamheten utvecklas nu.");
  CHECK(two_long.long_words == 2);
  CHECK(two_long.lix() == 70);
  // 3 words, 1 long, 1 sentence: 3 + 33.33 = 36.33, so 36.
  CHECK(kv::measure_text("Verksamheten går bra.").lix() == 36);
  // The counts alone: 10 words, 4 long, 4 sentences: 2.5 + 40 = 42.5, so 43; 7 words, 2
  // long, 2 sentences: 3.5 + 28.57 = 32.07, so 32.
  CHECK(kv::Readability{10, 4, 4}.lix() == 43);
  CHECK(kv::Readability{7, 2, 2}.lix() == 32);
}

TEST_CASE("LIX bands: each threshold belongs to the band above it", "[lix]") {
  // Björnsson's scale: under 25 very easy, 25–29 easy, 30–39 medium, 40–49 hard, 50 and over
  // very hard; one value at and one just below each threshold.
  CHECK(kv::lix_band(0) == kv::LixBand::kVeryEasy);
  CHECK(kv::lix_band(24) == kv::LixBand::kVeryEasy);
  CHECK(kv::lix_band(25) == kv::LixBand::kEasy);
  CHECK(kv::lix_band(29) == kv::LixBand::kEasy);
  CHECK(kv::lix_band(30) == kv::LixBand::kMedium);
  CHECK(kv::lix_band(39) == kv::LixBand::kMedium);
  CHECK(kv::lix_band(40) == kv::LixBand::kHard);
  CHECK(kv::lix_band(49) == kv::LixBand::kHard);
  CHECK(kv::lix_band(50) == kv::LixBand::kVeryHard);
  CHECK(kv::lix_band(103) == kv::LixBand::kVeryHard);
  // And the names check prints for them.
  CHECK(kv::lix_band_name(24, kv::Lang::kSv) == "mycket lättläst");
  CHECK(kv::lix_band_name(25, kv::Lang::kSv) == "lättläst");
  CHECK(kv::lix_band_name(30, kv::Lang::kSv) == "medelsvår");
  CHECK(kv::lix_band_name(49, kv::Lang::kSv) == "svår");
  CHECK(kv::lix_band_name(50, kv::Lang::kSv) == "mycket svår");
  CHECK(kv::lix_band_name(50, kv::Lang::kEn) == "very hard");
}

TEST_CASE("LIX of HTML: block ends close sentences, tables and code are left out", "[lix]") {
  // Three runs (a paragraph, two list items) without full stops: 6 words / 3 sentences = 2.
  auto lists = kv::measure_html("<p>Ett två tre</p>\n<ul>\n<li>fyra</li>\n<li>fem sex</li>\n</ul>\n");
  CHECK(lists.words == 6);
  CHECK(lists.sentences == 3);
  CHECK(lists.lix() == 2);
  // The table's words do not count.
  auto table = kv::measure_html("<p>Hej.</p><table><tr><td>Långaordet här</td></tr></table><pre><code>kod kod</code></pre>");
  CHECK(table.words == 1);
  // Inline tags join a word; an entity is not a word.
  auto inline_tags = kv::measure_html("<p><em>omsorgs</em>arbete &amp; pågår.</p>");
  CHECK(inline_tags.words == 2);
  CHECK(inline_tags.long_words == 1);
  CHECK(inline_tags.lix() == 52);  // 2/1 + 50
}

TEST_CASE("lix_gräns in site.yaml warns for each answer above it", "[lix]") {
  TempDir dir;
  copy_fixture("valid", dir.path() / "c");
  const auto content = dir.path() / "c";
  auto none = check(content);
  CHECK(count(none, kv::Severity::kWarning, "", "LIX") == 0);  // no limit by default

  replace(content / "site.yaml", "tema: default", "tema: default\nlix_gräns: 10");
  auto v = check(content);
  REQUIRE_FALSE(v.diagnostics.list.has_errors());
  const auto* d = find(v, "läsbarhetsindex LIX");
  REQUIRE(d != nullptr);
  CHECK(d->severity == kv::Severity::kWarning);
  CHECK(d->message.find("över gränsen 10 i site.yaml") != std::string::npos);
  CHECK(d->pos.path.find(".md") != std::string::npos);  // names the answer's file

  replace(content / "site.yaml", "lix_gräns: 10", "lix_gräns: 5");
  auto bad = check(content);
  CHECK(count(bad, kv::Severity::kError, "site.yaml", "lix_gräns är 5, men gränsen ska ligga mellan 10 och 100") == 1);
  replace(content / "site.yaml", "lix_gräns: 5", "lix_gräns: 101");
  CHECK(count(check(content), kv::Severity::kError, "site.yaml", "lix_gräns är 101") == 1);
  replace(content / "site.yaml", "lix_gräns: 101", "lix_gräns: 100");
  CHECK(count(check(content), kv::Severity::kError, "site.yaml", "lix_gräns") == 0);
}

TEST_CASE("check's readability summary names each document and its hardest part", "[lix]") {
  TempDir dir;
  copy_fixture("valid", dir.path() / "c");
  auto v = check(dir.path() / "c");
  REQUIRE_FALSE(v.diagnostics.list.has_errors());
  std::string summary = kv::readability_summary(v.site, kv::Lang::kSv);
  CHECK(summary.find("Läsbarhet (LIX") == 0);
  CHECK(summary.find("2020/provenhet/prov: LIX ") != std::string::npos);
  // The fixture's introduction is its hardest text.
  CHECK(summary.find("; svårast inledningen med LIX ") != std::string::npos);
  // Then each answer's LIX, in part order, the introduction last.
  const size_t per = summary.find("\n    per fråga: 1: ");
  REQUIRE(per != std::string::npos);
  const std::string line = summary.substr(per + 1, summary.find('\n', per + 1) - per - 1);
  CHECK(line.find(", 2: ") != std::string::npos);
  CHECK(line.find(", 3: ") > line.find(", 2: "));
  CHECK(line.find("; inledningen ") != std::string::npos);
}

TEST_CASE("serve's LIX per page comes in the site's order on any number of threads", "[lix]") {
  const kv::Validated v = kv::validate_content(options_for(source_dir() / "content", source_dir() / "templates"));
  REQUIRE(v.site.submissions.size() >= 4);
  const auto one = kv::page_readability(v.site, kv::Lang::kSv, 1), four = kv::page_readability(v.site, kv::Lang::kSv, 4);
  REQUIRE(one.size() > 20);
  REQUIRE(four.size() == one.size());
  for (size_t i = 0; i < one.size(); ++i) {
    CHECK(four[i].page == one[i].page);
    CHECK(four[i].part == one[i].part);
    CHECK(four[i].lix == one[i].lix);
  }
  // Documents in the site's order, each its introduction first, then its parts.
  size_t last = 0;
  for (const auto& page : one) {
    size_t doc = 0;
    while (doc < v.site.submissions.size() && page.page.rfind(v.site.submissions[doc].url_path() + "/", 0) != 0) ++doc;
    REQUIRE(doc < v.site.submissions.size());
    CHECK(doc >= last);
    last = doc;
  }
  CHECK(last > 0);  // more than one document measured
}
