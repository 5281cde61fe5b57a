#include "util/lix.h"

#include <algorithm>
#include <cmath>

#include "util/text.h"

namespace kv {
namespace {

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0; }
bool is_terminator(char32_t c) { return c == '.' || c == '!' || c == '?' || c == ':'; }

// Letters and digits: ASCII, and Latin-1 and beyond except the few symbols in between (× ÷)
// and the punctuation and symbol blocks U+2000–U+2BFF (quotes ” ’, dashes –, …, €, arrows):
// ”Bättre” has six letters, and a dash between spaces is not a word.
bool is_letter(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  if (c >= 0x2000 && c <= 0x2BFF) return false;
  return c >= 0xC0 && c != 0xD7 && c != 0xF7 && c != kInvalidCodePoint;
}

// Block elements whose end closes a run of text.
bool closes_run(std::string_view tag) {
  for (std::string_view t : {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "br", "dd", "dt", "figcaption",
                             "caption", "div"})
    if (tag == t) return true;
  return false;
}

// The few entities cmark writes; others count as one character, which does not change a count.
void append_entity(std::string_view html, size_t& i, std::string& out) {
  size_t end = html.find(';', i);
  std::string_view name = end == std::string_view::npos ? "" : html.substr(i + 1, end - i - 1);
  if (name == "amp") out += '&';
  else if (name == "lt") out += '<';
  else if (name == "gt") out += '>';
  else if (name == "quot") out += '"';
  else if (name.empty() || name.size() > 10) { out += '&'; ++i; return; }
  else out += 'x';
  i = end + 1;
}

}  // namespace

int Readability::lix() const {
  if (words == 0) return 0;
  double value = static_cast<double>(words) / std::max(1, sentences) + 100.0 * long_words / words;
  return static_cast<int>(std::lround(value));
}

Readability& Readability::operator+=(const Readability& o) {
  words += o.words;
  long_words += o.long_words;
  sentences += o.sentences;
  return *this;
}

Readability measure_text(std::string_view text) {
  Readability r;
  int letters = 0;          // in the current word
  bool open_sentence = false;  // words since the last sentence end
  char32_t last = ' ';
  auto end_word = [&] {
    if (letters == 0) return;
    ++r.words;
    if (letters > 6) ++r.long_words;
    letters = 0;
    open_sentence = true;
  };
  for (size_t i = 0; i < text.size();) {
    char32_t c = decode_utf8(text, i);
    if (is_space(c)) {
      end_word();
      if (is_terminator(last) && open_sentence) { ++r.sentences; open_sentence = false; }
    } else if (is_letter(c)) {
      ++letters;
    }
    last = c;
  }
  end_word();
  if (open_sentence) ++r.sentences;
  return r;
}

Readability measure_html(std::string_view html) {
  Readability total;
  std::string run;
  int skipped = 0;  // depth inside <table> or <pre>
  for (size_t i = 0; i < html.size();) {
    if (html[i] == '&') {
      if (!skipped) append_entity(html, i, run);
      else ++i;
      continue;
    }
    if (html[i] != '<') {
      if (!skipped) run += html[i];
      ++i;
      continue;
    }
    size_t end = html.find('>', i);
    if (end == std::string_view::npos) break;
    std::string_view tag = html.substr(i + 1, end - i - 1);
    const bool closing = !tag.empty() && tag.front() == '/';
    if (closing) tag.remove_prefix(1);
    tag = tag.substr(0, tag.find_first_of(" \t\n/"));
    // Inline tags join what they touch: "<em>a</em>b" is one word.
    if (tag == "table" || tag == "pre") {
      skipped = std::max(0, skipped + (closing ? -1 : 1));
    } else if (!skipped && closes_run(tag)) {
      total += measure_text(run);
      run.clear();
    }
    i = end + 1;
  }
  total += measure_text(run);
  return total;
}

LixBand lix_band(int lix) {
  if (lix < 25) return LixBand::kVeryEasy;
  if (lix < 30) return LixBand::kEasy;
  if (lix < 40) return LixBand::kMedium;
  if (lix < 50) return LixBand::kHard;
  return LixBand::kVeryHard;
}

}  // namespace kv
