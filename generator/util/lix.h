// LIX, the Swedish readability index (Björnsson 1968): words per sentence plus the share of
// long words (more than six letters) in percent. Under 30 is easy, 40–50 is the level of
// official texts, over 50 very hard. Språklagen 11 § asks public bodies for plain Swedish.
#pragma once
#include <string>
#include <string_view>

namespace kv {

struct Readability {
  int words = 0;
  int long_words = 0;  // more than six letters
  int sentences = 0;

  bool empty() const { return words == 0; }
  // Rounded to a whole number, as LIX is always given; 0 for a text without words.
  int lix() const;
  Readability& operator+=(const Readability& other);
};

// Counts one run of text: words are separated by white space and hold a letter or digit
// (typographic quotes and dashes are not letters); a sentence ends at '.', '!', '?' or ':'
// before white space or the end, and the run's end closes an unfinished sentence
// (a heading or a list item without a full stop is a sentence of its own).
Readability measure_text(std::string_view text);

// Counts the running text of rendered HTML: paragraphs, list items, headings and quotes.
// Tables and preformatted code are not running text and are left out, as LIX tools do.
Readability measure_html(std::string_view html);

// "svår" / "hard": the usual band for a LIX value.
enum class LixBand { kVeryEasy, kEasy, kMedium, kHard, kVeryHard };
LixBand lix_band(int lix);

}  // namespace kv
