#include "util/word_runs.h"

#include <algorithm>

#include "util/text.h"

namespace kv {
namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

// Letters and digits: ASCII punctuation ("," "." "&") does not make a word longer.
size_t letters_of(std::string_view word) {
  size_t n = 0;
  for (size_t i = 0; i < word.size();) {
    const char32_t c = decode_utf8(word, i);
    if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ++n;
  }
  return n;
}

std::vector<WordRun> runs_of(const std::vector<Edit>& script) {
  std::vector<WordRun> runs;
  size_t i = 0, j = 0;
  for (Edit e : script) {
    const bool same = e == Edit::kSame;
    if (runs.empty() || runs.back().same != same) runs.push_back({same, i, i, j, j});
    if (e != Edit::kInserted) runs.back().a1 = ++i;
    if (e != Edit::kDeleted) runs.back().b1 = ++j;
  }
  return runs;
}

// Running totals over a word list, so that any run's characters and long words are known
// at once however often the cleanup asks.
struct Totals {
  std::vector<size_t> chars{0}, long_words{0};
  Totals(const WordList& words, const Vocabulary& vocab) {
    for (uint32_t w : words) {
      chars.push_back(chars.back() + vocab.length(w) + 1);  // the space after it
      long_words.push_back(long_words.back() + (vocab.letters(w) > kShortWord ? 1 : 0));
    }
  }
  size_t chars_in(size_t from, size_t to) const { return chars[to] - chars[from]; }
  bool all_short(size_t from, size_t to) const { return long_words[to] == long_words[from]; }
};

}  // namespace

WordList Vocabulary::words_of(std::string_view text) {
  WordList out;
  for (size_t i = 0; i < text.size();) {
    while (i < text.size() && is_space(text[i])) ++i;
    const size_t start = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    if (i == start) continue;
    const auto [at, added] = ids_.try_emplace(std::string(text.substr(start, i - start)), static_cast<uint32_t>(entries_.size()));
    if (added) entries_.push_back({&at->first, utf8_length(at->first), letters_of(at->first)});
    out.push_back(at->second);
  }
  return out;
}

void fold_short_equalities(std::vector<WordRun>& runs, const WordList& a, const WordList& b, const Vocabulary& vocab) {
  const Totals ta(a, vocab), tb(b, vocab);
  auto larger_side = [&](const WordRun& r) { return std::max(ta.chars_in(r.a0, r.a1), tb.chars_in(r.b0, r.b1)); };
  size_t i = 1;
  while (i + 1 < runs.size()) {
    const WordRun &before = runs[i - 1], &equal = runs[i], &after = runs[i + 1];
    const size_t chars = ta.chars_in(equal.a0, equal.a1);
    const bool slight = chars <= larger_side(before) && chars <= larger_side(after);
    if (!equal.same || !(slight || ta.all_short(equal.a0, equal.a1))) {
      ++i;
      continue;
    }
    runs[i - 1] = {false, before.a0, after.a1, before.b0, after.b1};
    runs.erase(runs.begin() + static_cast<std::ptrdiff_t>(i), runs.begin() + static_cast<std::ptrdiff_t>(i + 2));
    i = i > 2 ? i - 2 : 1;  // the equal run before the grown change may fold now
  }
}

std::optional<std::vector<WordRun>> word_runs(const WordList& a, const WordList& b, const Vocabulary& vocab, size_t max_edits, DiffBudget& budget) {
  const auto script = edit_script(a, b, max_edits, budget);
  if (!script) return std::nullopt;
  std::vector<WordRun> runs = runs_of(*script);
  fold_short_equalities(runs, a, b, vocab);
  return runs;
}

}  // namespace kv
