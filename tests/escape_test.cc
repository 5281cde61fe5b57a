// One escaping function per output context (util/escape.h), each tried with the characters
// that end its context: CR, FF, quotes and '<' for CSS; C0 controls and non-characters for
// XML; ESC, newline and bidi overrides for the terminal; invalid UTF-8 for all of them.
#include <catch2/catch.hpp>

#include "util/escape.h"
#include "util/text.h"

using namespace kv;
using namespace std::string_literals;

TEST_CASE("css_string hex-escapes everything but ASCII letters and digits") {
  // The print page's running header: a unit name that tries to end the string and the rule.
  const std::string hostile = "Enhet\r;} } body{background:url(http://127.0.0.1/x)} \f\"\\</style>";
  const std::string css = css_string(hostile);
  REQUIRE(css.front() == '"');
  REQUIRE(css.back() == '"');
  const std::string inner = css.substr(1, css.size() - 2);
  for (char c : inner) {
    INFO("character " << static_cast<int>(static_cast<unsigned char>(c)) << " in " << css);
    CHECK(((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\\'));
  }
  CHECK(css.find("\\00000d") != std::string::npos);  // CR
  CHECK(css.find("\\00000c") != std::string::npos);  // FF
  CHECK(css.find("\\000022") != std::string::npos);  // "
  CHECK(css.find("\\00003c") != std::string::npos);  // <
  CHECK(css_string("Sida ö") == "\"Sida\\000020\\0000f6\"");
  CHECK(css_string("\xC0\xAF") == "\"\\00fffd\\00fffd\"");  // overlong '/': not a slash
}

TEST_CASE("xml_text drops what XML 1.0 forbids and keeps the rest") {
  CHECK(xml_text("a\vb\x01" "c\fd\x1b" "e") == "abcde");
  CHECK(xml_text("tab\tnl\ncr\r") == "tab\tnl\ncr\r");
  CHECK(xml_text("x\xEF\xBF\xBEy\xEF\xBF\xBFz") == "xyz");                  // U+FFFE, U+FFFF
  CHECK(xml_text("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate: three bad bytes
  CHECK(xml_text("Årsrapport – mål") == "Årsrapport – mål");
  CHECK(xml_text("\x00z"s) == "z");
}

TEST_CASE("terminal_text shows control characters instead of obeying them") {
  CHECK(terminal_text("fil\x1b[31mröd") == "fil\\x1b[31mröd");
  CHECK(terminal_text("rad1\nfake.md:1:1: error: x") == "rad1\\x0afake.md:1:1: error: x");
  CHECK(terminal_text("a\rb\x7f") == "a\\x0db\\x7f");
  CHECK(terminal_text("\xC2\x9B" "2J") == "\\u{009b}2J");       // C1 CSI
  CHECK(terminal_text("abc\xE2\x80\xAE" "txt") == "abc\\u{202e}txt");  // right-to-left override
  CHECK(terminal_text("\xFF\xC0\xAF") == "\\xff\\xc0\\xaf");
  CHECK(terminal_text("fråga 16 (”Mål 2018”) — ok") == "fråga 16 (”Mål 2018”) — ok");
}

TEST_CASE("append_json_string is ASCII, safe in <script>, and replaces invalid UTF-8") {
  std::string out;
  append_json_string(out, "a\"b\\c\n</script><!--\x01\xED\xA0\x80ö😀");
  CHECK(out == "\"a\\\"b\\\\c\\n<\\/script>\\u003c!--\\u0001\\ufffd\\ufffd\\ufffd\\u00f6\\ud83d\\ude00\"");
}

TEST_CASE("append_json_string_utf8 keeps text as UTF-8 and escapes what would end a line or a script") {
  std::string out;
  append_json_string_utf8(out, "a\"b\\c\n</script><!--\x01\xED\xA0\x80ö😀\xE2\x80\xA8\xE2\x80\xA9\xC2\x85");
  CHECK(out == "\"a\\\"b\\\\c\\n<\\/script>\\u003c!--\\u0001\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDö😀\\u2028\\u2029\\u0085\"");
}

TEST_CASE("decode_utf8 is strict: overlongs, surrogates and past U+10FFFF are invalid") {
  CHECK(find_invalid_utf8("\xC0\xAF"));          // overlong '/'
  CHECK(find_invalid_utf8("\xE0\x80\xAF"));      // overlong, three bytes
  CHECK(find_invalid_utf8("\xF0\x80\x80\xAF"));  // overlong, four bytes
  CHECK(find_invalid_utf8("\xED\xA0\x80"));      // U+D800
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80"));  // U+110000
  CHECK(find_invalid_utf8("\xF8\x88\x80\x80\x80"));
  CHECK(*find_invalid_utf8("ok \xC3") == 3);     // cut short at the end
  CHECK_FALSE(find_invalid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF is the last valid one
  CHECK_FALSE(find_invalid_utf8("\xEF\xBF\xBD åäö 😀"));
  size_t i = 0;
  CHECK(decode_utf8("\xED\x9F\xBF", i) == 0xD7FF);
  CHECK(i == 3);
}
