// The print page: footer text from the structure as CSS, a cover, a table of contents whose
// entries point at every part, and element ids that are unique in the one document.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "render/print/print_page.h"
#include "support.h"

using namespace kvtest;
using Catch::Matchers::Contains;

TEST_CASE("the footer pattern becomes CSS counters") {
  // Literal text is a CSS string with every non-alphanumeric character hex-escaped.
  CHECK(kv::footer_css("Sida {sida} av {sidor}") == "\"Sida\\000020\" counter(page) \"\\000020av\\000020\" counter(pages)");
  CHECK(kv::footer_css("Verksamhetsberättelse {sida}({sidor})") ==
        "\"Verksamhetsber\\0000e4ttelse\\000020\" counter(page) \"\\000028\" counter(pages) \"\\000029\"");
  CHECK(kv::footer_css("{sida}") == "counter(page)");
  // Author-controlled text cannot end the CSS string or the style element.
  CHECK(kv::footer_css("a\"b</style>") == "\"a\\000022b\\00003c\\00002fstyle\\00003e\"");
}

TEST_CASE("each print page has a cover and a table of contents pointing at every part") {
  REQUIRE(example_site().status == 0);
  auto v = kv::validate_content(options_for(source_dir() / "content", source_dir() / "templates"));
  for (const auto& s : v.site.submissions) {
    std::string html = read(example_site().out / kv::print_page_path(s));
    INFO(s.url_path());
    CHECK_THAT(html, Contains("<section class=\"omslag\">"));
    CHECK_THAT(html, Contains("<h1 class=\"omslag-enhet\">" + s.unit.name + "</h1>"));
    CHECK_THAT(html, Contains("counter(pages)"));
    CHECK_THAT(html, Contains("<meta name=\"author\" content=\"" + s.unit.name + "\">"));
    for (const auto& [number, answer] : s.answers) {
      CHECK_THAT(html, Contains("href=\"#" + kv::print_anchor(number) + "\""));
      CHECK_THAT(html, Contains("<section class=\"del\" id=\"" + kv::print_anchor(number) + "\">"));
    }
    std::set<std::string> ids;
    std::regex id_re(" id=\"([^\"]+)\"");
    for (std::sregex_iterator it(html.begin(), html.end(), id_re), end; it != end; ++it)
      CHECK(ids.insert((*it)[1]).second);
    CHECK_THAT(read(example_site().out / s.url_path() / "index.html"), Contains("href=\"utskrift.html\""));
  }
}

TEST_CASE("a font-size floor raises the small print texts") {
  CHECK(kv::font_floor_css(0).empty());
  std::string css = kv::font_floor_css(11);
  CHECK_THAT(css, Contains("table, caption, th, td"));
  CHECK_THAT(css, Contains("font-size: 11pt !important"));
  CHECK_THAT(css, Contains("@bottom-center { font-size: 11pt; }"));
}
