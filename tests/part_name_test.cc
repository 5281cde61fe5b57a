// short_title (validate/part_name.h): how long a title a message repeats (issue 31).
#include <catch2/catch.hpp>

#include "util/text.h"
#include "validate/part_name.h"

using kv::short_title;

namespace {

// The cut is the title's beginning, then "…".
void check_cut(const std::string& title, const std::string& expected) {
  const std::string cut = short_title(title);
  INFO(title);
  CHECK(cut == expected);
  CHECK(kv::utf8_length(cut) <= kv::kShortTitleChars);
  CHECK_FALSE(kv::find_invalid_utf8(cut));
}

}  // namespace

TEST_CASE("short_title: a title that fits is kept as it is") {
  CHECK(short_title("Våra mål") == "Våra mål");
  const std::string sixty(60, 'a');
  CHECK(short_title(sixty) == sixty);
  CHECK(short_title("  Våra mål ") == "Våra mål");
  CHECK(short_title("") == "");
}

TEST_CASE("short_title: a long title is cut at a word boundary, with an ellipsis") {
  check_cut("Redovisning av resultaten från våra brukarundersökningar. Redogörelse för vår analys av resultaten och hur vi "
            "arbetar med resultaten",
            "Redovisning av resultaten från våra brukarundersökningar…");
  check_cut("Hur vi arbetar med bemötandefrågor och förstärker en kultur där brukare är i centrum",
            "Hur vi arbetar med bemötandefrågor och förstärker en kultur…");
  // A dash or a comma at the cut goes with it.
  check_cut("Vårt arbete med trygghet och säkerhet för de äldre brukarna – med en lång fortsättning",
            "Vårt arbete med trygghet och säkerhet för de äldre brukarna…");
  check_cut("Vårt arbete med trygghet och säkerhet för äldre brukare, med en lång fortsättning",
            "Vårt arbete med trygghet och säkerhet för äldre brukare…");
}

TEST_CASE("short_title: a title without spaces early enough is cut inside a word, never inside a character") {
  std::string title;
  for (int i = 0; i < 100; ++i) title += "ö";
  std::string expected;
  for (int i = 0; i < 59; ++i) expected += "ö";
  check_cut(title, expected + "…");
  check_cut("Kort " + title, "Kort " + expected.substr(0, expected.size() - 2 * 5) + "…");
}
