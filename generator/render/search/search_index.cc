#include "render/search/search_index.h"

#include <charconv>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>

#include "render/html/urls.h"
#include "util/escape.h"
#include "util/text.h"

// Three kinds of file, each a single statement that works whether sok.js has run yet or not
// (before, it queues on a plain array that sok.js takes over):
//
//   sok/index.js, the manifest, read by the search page:
//     (window.kvSok = window.kvSok || []).push({"format":2,"docs":N,
//     "years":[[2018,0],[2024,2592]],"shards":["a","beslut",…]});
//   years: each year's first page (pages are numbered year by year, oldest first);
//   shards[i]: the first term of shard i, which holds every term from it up to shards[i+1].
//
//   sok/t/<i>.js, a shard, read when a query word may match one of its terms:
//     (…).push({"format":2,"shard":i,"terms":["beslut","beslutet",…],
//     "postings":[[d,w,d,w,…],…]});
//   terms unique and sorted by their UTF-8 bytes (code-point order), so sok.js finds every
//   term starting with a query word by binary search; postings[k] belongs to terms[k]: for
//   each page containing it, the page number as the difference from the previous one, and
//   the weight 4 × count + fields (see PartialIndex).
//
//   sok/f/<d/1000>/<d>.js, a fragment, read for a hit that is shown:
//     (…).push({"format":2,"doc":d,"url":…,"unit":…,"year":…,"document":…,"part":…,
//     "title":…,"text":…});
//
// Text is UTF-8 (the files are read as UTF-8: sok.js asks for it); U+2028, U+2029 and
// controls are escaped, and "</" is written "<\/".

namespace kv {

namespace {

// A page's text is kept for result snippets; a runaway page should not bloat the index.
constexpr size_t kMaxStoredText = 100'000;

// ---------------------------------------------------------------- UTF-8

// The code point at s[i], advancing i; an invalid sequence is one U+FFFD per byte.
char32_t decode(std::string_view s, size_t& i) {
  const char32_t cp = decode_utf8(s, i);
  return cp == kInvalidCodePoint ? 0xFFFD : cp;
}


// ---------------------------------------------------------------- folding
// sok.js folds a query with the browser's toLocaleLowerCase('sv') after NFC; the ranges
// below are where that and this agree, which covers every Latin-script language.

char32_t to_lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;  // À–Þ, incl. Å Ä Ö É Ü
  if (c == 0x130) return 'i';                              // İ
  if (c == 0x178) return 0xFF;                             // Ÿ
  bool even = c % 2 == 0;
  if (((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) && even) return c + 1;  // Latin Extended-A
  if (((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) && !even) return c + 1;
  if (c >= 0x218 && c <= 0x21B && even) return c + 1;                                    // Ș Ț
  if (c >= 0x1E00 && c <= 0x1EFF && even && !(c >= 0x1E96 && c <= 0x1E9F)) return c + 1;  // Vietnamese etc.
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;                              // Greek
  if (c >= 0x410 && c <= 0x42F) return c + 32;                                            // Cyrillic
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

// A letter or digit. Deliberately simple, and mirrored exactly by isWordChar in sok.js:
// outside ASCII, everything from U+00C0 on is a letter except × ÷ and the punctuation,
// symbol and emoji blocks.
bool is_word_char(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, arrows, maths, shapes, dingbats
  if (c >= 0x2E00 && c <= 0x2E7F) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;
  if (c >= 0xFE00 && c <= 0xFE0F) return false;
  if (c == 0xFEFF || (c >= 0xFFF0 && c <= 0xFFFF)) return false;
  if (c >= 0x1F000 && c <= 0x1FAFF) return false;  // emoji
  return true;
}

// Text saved in decomposed form (common from macOS) has "a" + U+0308 where a query has "ä"
// after NFC. The Latin-1 letters are composed here; rarer ones are left as they are.
char32_t compose(char32_t base, char32_t mark) {
  struct Composite {
    char32_t letter, base, mark;
  };
  static constexpr Composite kComposites[] = {
      {0xE0, 'a', 0x300}, {0xE1, 'a', 0x301}, {0xE2, 'a', 0x302}, {0xE3, 'a', 0x303}, {0xE4, 'a', 0x308},
      {0xE5, 'a', 0x30A}, {0xE7, 'c', 0x327}, {0xE8, 'e', 0x300}, {0xE9, 'e', 0x301}, {0xEA, 'e', 0x302},
      {0xEB, 'e', 0x308}, {0xEC, 'i', 0x300}, {0xED, 'i', 0x301}, {0xEE, 'i', 0x302}, {0xEF, 'i', 0x308},
      {0xF1, 'n', 0x303}, {0xF2, 'o', 0x300}, {0xF3, 'o', 0x301}, {0xF4, 'o', 0x302}, {0xF5, 'o', 0x303},
      {0xF6, 'o', 0x308}, {0xF9, 'u', 0x300}, {0xFA, 'u', 0x301}, {0xFB, 'u', 0x302}, {0xFC, 'u', 0x308},
      {0xFD, 'y', 0x301}, {0xFF, 'y', 0x308}};
  for (const auto& c : kComposites)
    if (c.base == base && c.mark == mark) return c.letter;
  return 0;
}

// ---------------------------------------------------------------- HTML

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool iequals_at(std::string_view s, size_t at, std::string_view word) {
  if (at + word.size() > s.size()) return false;
  for (size_t k = 0; k < word.size(); ++k)
    if (ascii_lower(s[at + k]) != word[k]) return false;
  return true;
}

// Markup within a line of text; every other tag separates words ("<td>1</td><td>2</td>").
bool is_inline_tag(std::string_view name) {
  static const std::set<std::string_view> kInline = {"a",   "abbr", "b",    "bdi",    "bdo",   "cite", "code",
                                                     "data", "del", "dfn",  "em",     "i",     "ins",  "kbd",
                                                     "mark", "q",   "s",    "samp",   "small", "span", "strong",
                                                     "sub",  "sup", "time", "u",      "var",   "wbr"};
  return kInline.count(name) > 0;
}

// Elements whose content is not text a reader searches for.
bool is_skipped_element(std::string_view name) {
  return name == "svg" || name == "script" || name == "style" || name == "template";
}

// Whether a tag's attributes (the text between its name and its '>') name the layout's
// marker data-ej-sok: text that is not the author's (a download link, "followed up in"),
// left out of the index and its snippets. Quoted values are skipped: an author's link or alt
// text cannot switch its own text off.
bool marked_not_searched(std::string_view attributes) {
  constexpr std::string_view kMarker = "data-ej-sok";
  for (size_t i = 0; i < attributes.size(); ++i) {
    const char c = attributes[i];
    if (c == '"' || c == '\'') {
      size_t close = attributes.find(c, i + 1);
      if (close == std::string_view::npos) return false;
      i = close;
      continue;
    }
    if (attributes.substr(i, kMarker.size()) == kMarker && (i == 0 || is_space(attributes[i - 1]))) {
      const size_t after = i + kMarker.size();
      if (after == attributes.size() || !is_name_char(attributes[after])) return true;
    }
  }
  return false;
}

// The index just past the '>' closing the tag that starts at html[at], skipping quoted
// attribute values; html.size() when it never closes.
size_t tag_end(std::string_view html, size_t at) {
  for (size_t i = at; i < html.size(); ++i) {
    char c = html[i];
    if (c == '"' || c == '\'') {
      size_t close = html.find(c, i + 1);
      if (close == std::string_view::npos) return html.size();
      i = close;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return html.size();
}

// Past the end tag that closes the element <name> whose start tag ended at from. <svg> and
// <template> may nest themselves; script and style hold raw text up to their end tag.
size_t element_end(std::string_view html, size_t from, std::string_view name) {
  bool nests = name == "svg" || name == "template";
  int depth = 1;
  for (size_t i = html.find('<', from); i != std::string_view::npos; i = html.find('<', i + 1)) {
    bool closing = i + 1 < html.size() && html[i + 1] == '/';
    size_t name_at = i + (closing ? 2 : 1);
    if (!iequals_at(html, name_at, name)) continue;
    size_t after = name_at + name.size();
    if (after < html.size() && is_name_char(html[after])) continue;  // <svgx>, </styles>
    size_t end = tag_end(html, after);
    if (closing) {
      if (--depth == 0) return end;
    } else if (nests && !(end >= 2 && html[end - 2] == '/')) {
      ++depth;
    }
    i = end - 1;
  }
  return html.size();
}

// Decodes the character reference at html[at] == '&'; sets length to the bytes it takes.
// Returns 0 when it is not one, so the '&' stays as text.
char32_t decode_entity(std::string_view html, size_t at, size_t& length) {
  size_t semi = html.find(';', at + 1);
  if (semi == std::string_view::npos || semi - at > 12) return 0;
  std::string_view name = html.substr(at + 1, semi - at - 1);
  length = semi - at + 1;
  if (name.size() >= 2 && name[0] == '#') {
    bool hex = name[1] == 'x' || name[1] == 'X';
    std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    char32_t cp = 0;
    for (char c : digits) {
      int d = c >= '0' && c <= '9'                ? c - '0'
              : hex && ascii_lower(c) >= 'a' && ascii_lower(c) <= 'f' ? ascii_lower(c) - 'a' + 10
                                                                        : -1;
      if (d < 0) return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(d);
      if (cp > 0x10FFFF) return 0xFFFD;
    }
    return cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) ? 0xFFFD : cp;
  }
  static const std::map<std::string_view, char32_t> kNamed = {
      {"amp", '&'},      {"lt", '<'},        {"gt", '>'},        {"quot", '"'},      {"apos", '\''},
      {"nbsp", 0xA0},    {"shy", 0xAD},      {"ndash", 0x2013},  {"mdash", 0x2014},  {"hellip", 0x2026},
      {"lsquo", 0x2018}, {"rsquo", 0x2019},  {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"laquo", 0xAB},
      {"raquo", 0xBB},   {"euro", 0x20AC},   {"copy", 0xA9},     {"auml", 0xE4},     {"aring", 0xE5},
      {"ouml", 0xF6},    {"Auml", 0xC4},     {"Aring", 0xC5},    {"Ouml", 0xD6},     {"eacute", 0xE9}};
  auto found = kNamed.find(name);
  return found == kNamed.end() ? 0 : found->second;
}

// ---------------------------------------------------------------- JSON

// s cut to at most max bytes, on a code-point boundary.
std::string_view cut_utf8(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) >> 6) == 0x2) --end;
  return s.substr(0, end);
}

}  // namespace

std::string plain_text(std::string_view html) {
  std::string out;
  bool space = false;  // a word break is due before the next character
  auto put = [&](std::string_view bytes) {
    if (space && !out.empty()) out += ' ';
    space = false;
    out += bytes;
  };
  size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    if (c == '<') {
      if (html.substr(i, 4) == "<!--") {
        size_t close = html.find("-->", i + 4);
        i = close == std::string_view::npos ? html.size() : close + 3;
        continue;
      }
      if (i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?')) {  // <!DOCTYPE …>
        i = tag_end(html, i);
        space = true;
        continue;
      }
      bool closing = i + 1 < html.size() && html[i + 1] == '/';
      size_t name_at = i + (closing ? 2 : 1);
      size_t name_end = name_at;
      while (name_end < html.size() && is_name_char(html[name_end])) ++name_end;
      if (name_end == name_at) {  // a '<' that starts no tag is text
        put("<");
        ++i;
        continue;
      }
      std::string name;
      for (size_t k = name_at; k < name_end; ++k) name += ascii_lower(html[k]);
      size_t end = tag_end(html, name_end);
      bool self_closing = end >= 2 && html[end - 2] == '/';
      i = end;
      if (!closing && !self_closing &&
          (is_skipped_element(name) || marked_not_searched(html.substr(name_end, end - name_end))))
        i = element_end(html, end, name);
      if (!is_inline_tag(name)) space = true;
      continue;
    }
    if (c == '&') {
      size_t length = 0;
      if (char32_t cp = decode_entity(html, i, length)) {
        i += length;
        if (cp == 0xA0) {
          space = true;
        } else if (cp != 0xAD) {
          std::string bytes;
          append_utf8(bytes, cp);
          put(bytes);
        }
        continue;
      }
    }
    if (is_space(c)) {
      space = true;
      ++i;
      continue;
    }
    // U+00A0 no-break space separates words; U+00AD soft hyphen is invisible.
    if (c == '\xC2' && i + 1 < html.size() && (html[i + 1] == '\xA0' || html[i + 1] == '\xAD')) {
      if (html[i + 1] == '\xA0') space = true;
      i += 2;
      continue;
    }
    size_t start = i++;
    while (i < html.size() && (static_cast<unsigned char>(html[i]) >> 6) == 0x2) ++i;  // whole code point
    put(html.substr(start, i - start));
  }
  return out;
}

namespace {

// Calls fn(term) for every term of text, in order, as search_terms returns them; the view is
// valid during the call only (one buffer serves every word: no allocation per word).
template <typename Fn>
void for_each_term(std::string_view text, Fn&& fn) {
  std::string word;
  char32_t last = 0;  // the word's last letter, which a combining mark may modify
  auto flush = [&] {
    if (!word.empty()) fn(std::string_view(word));
    word.clear();
    last = 0;
  };
  for (size_t i = 0; i < text.size();) {
    char32_t c = decode(text, i);
    if (c == 0xAD) continue;  // a soft hyphen does not split a word
    if (c >= 0x300 && c <= 0x36F && last < 0x80 && last != 0) {
      if (char32_t composed = compose(last, c)) {
        word.pop_back();  // last is ASCII: one byte
        append_utf8(word, composed);
        last = composed;
        continue;
      }
    }
    if (!is_word_char(c)) {
      flush();
      continue;
    }
    last = to_lower(c);
    append_utf8(word, last);
  }
  flush();
}

struct TermHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace

std::vector<std::string> search_terms(std::string_view text) {
  std::vector<std::string> terms;
  for_each_term(text, [&](std::string_view term) { terms.emplace_back(term); });
  return terms;
}

PartialIndex index_docs(const std::vector<SearchDoc>& docs, uint32_t first_doc) {
  enum Field { kTitle = 1, kName = 2 };
  // One hash lookup per word and no map per page: a term's list ends with the current page's
  // (page, weight) pair once the page has used it, and the weight grows in place (4 per
  // occurrence in the text, the field bits or-ed in). Sorted once at the end, by bytes.
  std::unordered_map<std::string, std::vector<uint32_t>, TermHash, std::equal_to<>> postings;
  for (size_t d = 0; d < docs.size(); ++d) {
    const SearchDoc& doc = docs[d];
    const uint32_t page = first_doc + static_cast<uint32_t>(d);
    auto weight = [&](std::string_view term) -> uint32_t& {
      auto found = postings.find(term);
      if (found == postings.end()) found = postings.emplace(std::string(term), std::vector<uint32_t>()).first;
      auto& list = found->second;
      if (list.empty() || list[list.size() - 2] != page) list.insert(list.end(), {page, 0});
      return list.back();
    };
    for_each_term(doc.part + " " + doc.title, [&](std::string_view t) { weight(t) |= kTitle; });
    for_each_term(doc.unit + " " + doc.document, [&](std::string_view t) { weight(t) |= kName; });
    for_each_term(doc.text, [&](std::string_view t) { weight(t) += 4; });
  }
  std::vector<const std::pair<const std::string, std::vector<uint32_t>>*> sorted;
  sorted.reserve(postings.size());
  for (const auto& entry : postings) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  PartialIndex part;
  for (const auto* entry : sorted) part.add(entry->first, entry->second);
  part.shrink_to_fit();
  return part;
}

std::string_view PartialIndex::term(size_t i) const {
  const uint32_t start = i ? term_ends_[i - 1] : 0;
  return std::string_view(term_bytes_).substr(start, term_ends_[i] - start);
}

size_t PartialIndex::posting_count(size_t i) const {
  size_t at = i ? posting_ends_[i - 1] : 0;
  return search_detail::read_varint(postings_, at);
}

namespace {
void append_varint(std::string& out, uint32_t value) {
  for (; value >= 0x80; value >>= 7) out += static_cast<char>((value & 0x7F) | 0x80);
  out += static_cast<char>(value);
}
}  // namespace

void PartialIndex::add(std::string_view term, const std::vector<uint32_t>& postings) {
  term_bytes_ += term;
  term_ends_.push_back(static_cast<uint32_t>(term_bytes_.size()));
  append_varint(postings_, static_cast<uint32_t>(postings.size() / 2));
  uint32_t previous = 0;
  for (size_t k = 0; k + 1 < postings.size(); k += 2) {
    append_varint(postings_, postings[k] - previous);
    append_varint(postings_, postings[k + 1]);
    previous = postings[k];
  }
  posting_ends_.push_back(static_cast<uint32_t>(postings_.size()));
}

namespace {

constexpr std::string_view kPieceFormat = "kvalitet-sok-bit 1\n";

void append_u32s(std::string& out, const std::vector<uint32_t>& values) {
  append_varint(out, static_cast<uint32_t>(values.size()));
  for (uint32_t v : values) append_varint(out, v);
}

// Bounded reads: a piece is the previous build's file, and a file is never trusted.
bool next_varint(std::string_view bytes, size_t& at, uint32_t& v) {
  v = 0;
  for (int shift = 0; shift < 35; shift += 7) {
    if (at >= bytes.size()) return false;
    const auto byte = static_cast<unsigned char>(bytes[at++]);
    v |= static_cast<uint32_t>(byte & 0x7F) << shift;
    if (byte < 0x80) return true;
  }
  return false;
}

bool read_u32s(std::string_view bytes, size_t& at, std::vector<uint32_t>& values) {
  uint32_t n = 0;
  if (!next_varint(bytes, at, n) || n > bytes.size()) return false;
  values.resize(n);
  for (auto& v : values)
    if (!next_varint(bytes, at, v)) return false;
  return true;
}

}  // namespace

std::string PartialIndex::bytes() const {
  std::string out(kPieceFormat);
  append_u32s(out, term_ends_);
  append_u32s(out, posting_ends_);
  out += term_bytes_;
  out += postings_;
  return out;
}

std::optional<PartialIndex> PartialIndex::from_bytes(std::string_view bytes) {
  if (bytes.substr(0, kPieceFormat.size()) != kPieceFormat) return std::nullopt;
  size_t at = kPieceFormat.size();
  PartialIndex p;
  if (!read_u32s(bytes, at, p.term_ends_) || !read_u32s(bytes, at, p.posting_ends_)) return std::nullopt;
  if (p.term_ends_.size() != p.posting_ends_.size()) return std::nullopt;
  const size_t terms = p.term_ends_.empty() ? 0 : p.term_ends_.back();
  const size_t postings = p.posting_ends_.empty() ? 0 : p.posting_ends_.back();
  if (!std::is_sorted(p.term_ends_.begin(), p.term_ends_.end()) ||
      !std::is_sorted(p.posting_ends_.begin(), p.posting_ends_.end()) || bytes.size() - at != terms + postings)
    return std::nullopt;
  p.term_bytes_ = bytes.substr(at, terms);
  p.postings_ = bytes.substr(at + terms);
  // Every term's postings must end where its end says: for_each_posting reads unchecked.
  size_t from = 0;
  for (uint32_t end : p.posting_ends_) {
    const std::string_view list = std::string_view(p.postings_).substr(0, end);
    uint32_t count = 0, value = 0;
    if (!next_varint(list, from, count) || count > list.size()) return std::nullopt;
    for (uint32_t k = 0; k < 2 * count; ++k)
      if (!next_varint(list, from, value)) return std::nullopt;
    if (from != end) return std::nullopt;
  }
  return p;
}

void PartialIndex::shrink_to_fit() {
  term_bytes_.shrink_to_fit();
  postings_.shrink_to_fit();
  term_ends_.shrink_to_fit();
  posting_ends_.shrink_to_fit();
}

namespace {

constexpr std::string_view kPush = kSearchPush;

void append_field(std::string& out, std::string_view name, std::string_view value) {
  out += ",\"";
  out += name;
  out += "\":";
  append_json_string_utf8(out, value);
}

// The pieces' terms in byte order, each with the pieces that have it in piece (so page)
// order: a k-way merge over the pieces' sorted terms, holding one cursor per piece. A
// tournament tree: each step replays one leaf's path, one comparison per level (a heap's pop
// and push take two per level), as thousands of pieces are merged on every build.
class TermMerge {
 public:
  explicit TermMerge(const std::vector<PartialIndex>& parts) : parts_(parts), index_(parts.size(), 0), head_(parts.size()) {
    while (leaves_ < parts.size()) leaves_ *= 2;
    winner_.assign(2 * leaves_, kNone);
    for (size_t p = 0; p < parts.size(); ++p)
      if (parts[p].size() > 0) {
        head_[p] = parts[p].term(0);
        winner_[leaves_ + p] = static_cast<int>(p);
      }
    for (size_t i = leaves_ - 1; i >= 1; --i) winner_[i] = better(winner_[2 * i], winner_[2 * i + 1]);
  }

  // The next term and its (piece, term index) pairs; false at the end.
  bool next(std::string_view& term, std::vector<std::pair<size_t, size_t>>& lists) {
    if (winner_[1] == kNone) return false;
    term = head_[static_cast<size_t>(winner_[1])];
    lists.clear();
    for (int w = winner_[1]; w != kNone && head_[static_cast<size_t>(w)] == term; w = winner_[1]) {
      const auto p = static_cast<size_t>(w);
      lists.emplace_back(p, index_[p]);
      if (++index_[p] < parts_[p].size()) head_[p] = parts_[p].term(index_[p]);
      else winner_[leaves_ + p] = kNone;
      for (size_t i = (leaves_ + p) / 2; i >= 1; i /= 2) winner_[i] = better(winner_[2 * i], winner_[2 * i + 1]);
    }
    return true;
  }

 private:
  static constexpr int kNone = -1;  // an empty leaf, or a piece merged to its end
  // The smaller (term, piece) of two leaves' pieces.
  int better(int a, int b) const {
    if (a == kNone) return b;
    if (b == kNone) return a;
    const int c = head_[static_cast<size_t>(a)].compare(head_[static_cast<size_t>(b)]);
    return c < 0 || (c == 0 && a < b) ? a : b;
  }
  const std::vector<PartialIndex>& parts_;
  std::vector<size_t> index_;           // per piece: its current term
  std::vector<std::string_view> head_;  // per piece: that term
  size_t leaves_ = 1;
  std::vector<int> winner_;  // 1: the root; leaves_ + p: piece p
};

// One term's postings as written: page numbers as differences.
void append_postings(std::string& out, const std::vector<PartialIndex>& parts,
                     const std::vector<std::pair<size_t, size_t>>& lists) {
  out += '[';
  uint32_t previous = 0;
  bool first = true;
  for (const auto& [p, t] : lists)
    parts[p].for_each_posting(t, [&](uint32_t page, uint32_t weight) {
      char digits[24];
      char* at = digits;
      if (!first) *at++ = ',';
      first = false;
      at = std::to_chars(at, digits + sizeof digits, page - previous).ptr;
      *at++ = ',';
      at = std::to_chars(at, digits + sizeof digits, weight).ptr;
      out.append(digits, at);
      previous = page;
    });
  out += ']';
}

// Collects terms into shard files of about shard_bytes of postings each (the bytes, not the
// number of terms, decide what a query costs) and writes each as it fills.
class ShardWriter {
 public:
  ShardWriter(const OutputTree& out, size_t shard_bytes) : out_(out), shard_bytes_(shard_bytes) {}

  void add(std::string_view term, size_t postings, const std::vector<PartialIndex>& parts,
           const std::vector<std::pair<size_t, size_t>>& lists) {
    if (bytes_ >= shard_bytes_) start(term);
    bytes_ += term.size() + 4 + postings * 6;
    if (!terms_.empty()) terms_ += ',', postings_ += ",\n";
    append_json_string_utf8(terms_, term);
    append_postings(postings_, parts, lists);
  }

  // Writes the last shard; returns each shard's first term.
  const std::vector<std::string>& finish() {
    flush();
    return first_terms_;
  }

 private:
  void start(std::string_view term) {
    flush();
    first_terms_.emplace_back(term);
    bytes_ = 0;
  }
  void flush() {
    if (first_terms_.size() == written_) return;
    std::string file(kPush);
    file += "{\"format\":2,\"shard\":" + std::to_string(written_) + ",\n\"terms\":[";
    file += terms_;
    file += "],\n\"postings\":[\n";
    file += postings_;
    file += "]});\n";
    out_.write(search_shard_path(written_++), file);
    terms_.clear();
    postings_.clear();
  }

  const OutputTree& out_;
  const size_t shard_bytes_;
  size_t bytes_ = SIZE_MAX, written_ = 0;
  std::string terms_, postings_;
  std::vector<std::string> first_terms_;
};

}  // namespace

void write_search_fragments(const std::vector<SearchDoc>& docs, uint32_t first_doc, const OutputTree& out) {
  std::string file;
  for (size_t d = 0; d < docs.size(); ++d) {
    const SearchDoc& doc = docs[d];
    const uint32_t number = first_doc + static_cast<uint32_t>(d);
    file.assign(kPush);
    file += "{\"format\":2,\"doc\":" + std::to_string(number);
    append_field(file, "url", doc.url);
    append_field(file, "unit", doc.unit);
    file += ",\"year\":" + std::to_string(doc.year);
    append_field(file, "document", doc.document);
    append_field(file, "part", doc.part);
    append_field(file, "title", doc.title);
    append_field(file, "text", cut_utf8(doc.text, kMaxStoredText));
    file += "});\n";
    out.write(search_fragment_path(number), file);
  }
}

std::vector<std::string> write_search_index(const std::vector<PartialIndex>& parts, const std::vector<YearStart>& years,
                                            uint32_t doc_count, const OutputTree& out, size_t shard_bytes) {
  // Streamed: memory for one shard and one cursor per piece, however large the site.
  TermMerge merge(parts);
  ShardWriter shards(out, shard_bytes);
  std::string_view term;
  std::vector<std::pair<size_t, size_t>> lists;
  while (merge.next(term, lists)) {
    size_t postings = 0;
    for (const auto& [p, t] : lists) postings += parts[p].posting_count(t);
    shards.add(term, postings, parts, lists);
  }
  const auto& first_terms = shards.finish();

  std::string manifest = "/* Search index, written by kvalitet and read by sok.js (format in search_index.cc). */\n";
  manifest += kPush;
  manifest += "{\"format\":2,\"docs\":" + std::to_string(doc_count) + ",\"years\":[";
  for (size_t y = 0; y < years.size(); ++y)
    manifest += (y ? ",[" : "[") + std::to_string(years[y].year) + "," + std::to_string(years[y].first_doc) + "]";
  manifest += "],\n\"shards\":[";
  for (size_t i = 0; i < first_terms.size(); ++i) {
    if (i > 0) manifest += ',';
    append_json_string_utf8(manifest, first_terms[i]);
  }
  manifest += "]});\n";
  out.write(search_manifest_path(), manifest);
  std::vector<std::string> paths{search_manifest_path()};
  for (size_t i = 0; i < first_terms.size(); ++i) paths.push_back(search_shard_path(i));
  return paths;
}

}  // namespace kv
