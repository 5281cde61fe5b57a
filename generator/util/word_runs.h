// The word level of the word diff (util/word_diff.h): texts as numbered words, and two
// paragraphs compared as runs of kept and changed words, cleaned up so that a replaced
// passage reads as one removal and one insertion.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/myers.h"

namespace kv {

using WordList = std::vector<uint32_t>;

// Words numbered as they are met, so that equal words (compared exactly, punctuation
// included) have equal numbers, with how long each is.
class Vocabulary {
 public:
  // The words of a text: separated by spaces, tabs and line breaks.
  WordList words_of(std::string_view text);
  const std::string& word(uint32_t id) const { return *entries_[id].text; }
  size_t length(uint32_t id) const { return entries_[id].length; }    // code points
  size_t letters(uint32_t id) const { return entries_[id].letters; }  // letters and digits

 private:
  struct Entry {
    const std::string* text;  // the map's key: nodes do not move
    size_t length, letters;
  };
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<Entry> entries_;
};

// A word an equal run of only such words is too slight to hold two changes apart: "på",
// "och", "ett", "i", "en".
inline constexpr size_t kShortWord = 3;  // letters

// A stretch of two compared word lists: the same words on both sides (same), or a changed
// passage where a[a0, a1) was removed and b[b0, b1) put in its place (either may be empty).
// Runs alternate between the two.
struct WordRun {
  bool same = true;
  size_t a0 = 0, a1 = 0, b0 = 0, b1 = 0;
  bool operator==(const WordRun&) const = default;
};

// The runs of a shortest edit script (Myers), then fold_short_equalities; nullopt past
// max_edits or the budget.
std::optional<std::vector<WordRun>> word_runs(const WordList& a, const WordList& b, const Vocabulary& vocab, size_t max_edits, DiffBudget& budget);

// diff-match-patch's semantic cleanup (diff_cleanupSemantic), by words. A shortest script
// keeps every word it can, so a rewritten sentence comes out as a patchwork threaded through
// the small words both versions happen to share. An equal run between two changes is folded
// into them (removed and inserted again) when it is no longer, in characters, than the
// larger side of the change before it and of the change after it, or when all its words are
// short (kShortWord). Folding grows a change, so the run before it is looked at again.
void fold_short_equalities(std::vector<WordRun>& runs, const WordList& a, const WordList& b, const Vocabulary& vocab);

}  // namespace kv
