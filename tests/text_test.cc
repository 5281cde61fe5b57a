#include <catch2/catch.hpp>

#include "i18n/numbers.h"
#include "render/format.h"
#include "util/escape.h"
#include "util/text.h"

using namespace kv;

TEST_CASE("parse_whole_number reads an integer field as parse_number reads a decimal one") {
  CHECK(parse_whole_number("1 140") == 1140);
  CHECK(parse_whole_number("+37") == 37);
  CHECK(parse_whole_number("37,0") == 37);
  CHECK(parse_whole_number("0019") == 19);
  CHECK_FALSE(parse_whole_number("37,5"));
  CHECK_FALSE(parse_whole_number("-3"));
  CHECK_FALSE(parse_whole_number("83 %"));
  CHECK_FALSE(parse_whole_number(""));
  CHECK_FALSE(parse_whole_number("1000000000000001"));
}

TEST_CASE("parse_number accepts decimal point – Swedish comma – sign and spaces") {
  CHECK(parse_number("277,76") == Approx(277.76));
  CHECK(parse_number("277.76") == Approx(277.76));
  CHECK(parse_number("+3,5") == Approx(3.5));
  CHECK(parse_number("-0,4") == Approx(-0.4));
  CHECK(parse_number("1 200") == Approx(1200));
  CHECK(parse_number(" 76 ") == Approx(76));
}

TEST_CASE("parse_number rejects what is not a number") {
  CHECK_FALSE(parse_number("sjuttio"));
  CHECK_FALSE(parse_number("76 %"));
  CHECK_FALSE(parse_number("1,2,3"));
  CHECK_FALSE(parse_number(""));
  CHECK_FALSE(parse_number("3,"));
  CHECK_FALSE(parse_number("ca 12"));
}

TEST_CASE("parse_integer accepts only digits") {
  CHECK(parse_integer("19") == 19);
  CHECK_FALSE(parse_integer("19 st"));
  CHECK_FALSE(parse_integer("-3"));
  CHECK_FALSE(parse_integer("1.5"));
}

TEST_CASE("invalid UTF-8 is found at its byte offset") {
  CHECK_FALSE(find_invalid_utf8("Skärholmen"));
  CHECK(find_invalid_utf8("Sk\xE4rholmen") == 2u);  // Latin-1 ä
  CHECK(find_invalid_utf8("ab\xC3") == 2u);         // truncated sequence
}

TEST_CASE("fold_case lowers Swedish capitals") { CHECK(fold_case("ÅÄÖ Mål") == "åäö mål"); }

TEST_CASE("edit distance counts characters – not bytes") {
  CHECK(edit_distance("mål", "mal", 5) == 1);
  CHECK(edit_distance("förväntat_resultat", "förväntat_reslutat", 5) == 2);
  CHECK(edit_distance("abc", "xyz", 1) == 2);  // capped at max + 1
}

TEST_CASE("closest_match suggests only near candidates") {
  std::vector<std::string> keys = {"mål", "förväntat_resultat", "arbetssätt", "uppföljning"};
  CHECK(closest_match("arbetsätt", keys) == "arbetssätt");
  CHECK(closest_match("Uppföljning", keys) == "uppföljning");
  CHECK(closest_match("budget", keys).empty());
}

TEST_CASE("html_escape escapes markup characters") {
  CHECK(html_escape("<script>\"a\" & 'b'</script>") == "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;");
}

TEST_CASE("numbers are formatted for Swedish and English readers") {
  CHECK(format_number(277.76, Lang::kSv) == "277,76");
  CHECK(format_number(277.76, Lang::kEn) == "277.76");
  CHECK(format_number(1200, Lang::kSv) == "1200");
  CHECK(format_number(12000, Lang::kSv) == "12\xC2\xA0" "000");
  CHECK(format_signed(1.3, Lang::kSv) == "+1,3");
  CHECK(format_signed(-0.4, Lang::kSv) == "\xE2\x88\x92" "0,4");
  CHECK(format_percent(76, Lang::kSv) == "76\xC2\xA0%");
  CHECK(format_percent(76, Lang::kEn) == "76%");
  CHECK(month_name(5, Lang::kSv) == "Maj");
}

TEST_CASE("numbers keep the decimals their author wrote", "[numbers]") {
  using kv::Number;
  CHECK(kv::parse_written_number("22,0") == Number{22, 1});
  CHECK(kv::parse_written_number("12,50") == Number{12.5, 2});
  CHECK(kv::parse_written_number("76") == Number{76, 0});
  CHECK(kv::parse_written_number("1 200,5") == Number{1200.5, 1});
  CHECK(kv::parse_written_number("-3.25") == Number{-3.25, 2});
  CHECK_FALSE(kv::parse_written_number("22,"));
  CHECK(format_number(Number{22, 1}, Lang::kSv) == "22,0");
  CHECK(format_number(Number{22, 1}, Lang::kEn) == "22.0");
  CHECK(format_number(Number{12.5, 2}, Lang::kSv) == "12,50");
  CHECK(format_number(Number{76, 0}, Lang::kSv) == "76");
  CHECK(format_number(Number{12000.5, 2}, Lang::kSv) == "12\xC2\xA0" "000,50");
  CHECK(format_number(Number{-0.04, 1}, Lang::kSv) == "0,0");  // no sign on a zero
  CHECK(format_signed(Number{9.5, 2}, Lang::kSv) == "+9,50");
  CHECK(format_signed(Number{-3.5, 1}, Lang::kSv) == "\xE2\x88\x92" "3,5");
  CHECK(format_signed(Number{0.0, 1}, Lang::kSv) == "0,0");
  CHECK(format_percent(Number{79, 1}, Lang::kSv) == "79,0\xC2\xA0%");
  CHECK(format_indicator_value(Number{85.25, 2}, "%", Lang::kEn) == "85.25%");
  // A figure nobody wrote (a plain double) has the decimals it needs, at most kMaxDecimals.
  CHECK(Number(306.7).decimals == 1);
  CHECK(Number(76.0).decimals == 0);
  CHECK(Number(0.1 + 0.2).decimals == 1);
  // A computed figure: the most decimals of its inputs.
  CHECK(kv::max_decimals({Number{22, 1}, Number{12.5, 2}, Number{76, 0}}) == 2);
}

TEST_CASE("utf8_prefix counts characters and never splits one") {
  CHECK(kv::utf8_prefix("Ålder och hälsa", 5) == "Ålder");
  CHECK(kv::utf8_prefix("åäö", 2) == "åä");
  CHECK(kv::utf8_prefix("åäö", 3) == "åäö");
  CHECK(kv::utf8_prefix("åäö", 10) == "åäö");
  CHECK(kv::utf8_prefix("", 3).empty());
}

TEST_CASE("plain_number writes a value as an author would in YAML") {
  CHECK(plain_number(85, Lang::kSv) == "85");
  CHECK(plain_number(85.5, Lang::kSv) == "85,5");
  CHECK(plain_number(85.5, Lang::kEn) == "85.5");
  CHECK(plain_number(12000, Lang::kSv) == "12000");  // no grouping: it is what the file says
  CHECK(plain_number(-0.25, Lang::kSv) == "-0,25");
}
