// The paragraph level of the word diff (util/word_diff.h): which paragraph of the earlier
// text goes with which of the later one.
//
// Identical paragraphs are matched first, in order (Myers over whole paragraphs). Between
// two such matches, the paragraphs left on each side are paired by similarity: a pair keeps
// at least kPairPercent of its text in order (2·kept / (x + y), the words of a shortest
// edit script weighed by their characters, so that the small words every paragraph has
// count for little), and of the order-preserving choices of pairs the one keeping most
// wins (a table over the two runs). A paragraph left unpaired that reappears elsewhere
// nearly unchanged (kMovePercent) has moved; any other is removed or added whole. So a
// paragraph is never paired with an unrelated one through "på", "och" and "ett".
#pragma once
#include <cstddef>
#include <vector>

#include "util/myers.h"
#include "util/word_runs.h"

namespace kv {

inline constexpr size_t kPairPercent = 50;
inline constexpr size_t kMovePercent = 80;

struct ParagraphSlot {
  enum class Kind { kSame, kChanged, kDeleted, kInserted, kMovedAway, kMovedHere };
  Kind kind = Kind::kSame;
  size_t before = 0, after = 0;  // the paragraph's index in each text it is in
  size_t partner = 0;            // a moved paragraph: the other end's index among the slots
};

struct AlignBounds {
  size_t max_edits = 0;  // of one search, over words or over paragraphs
  size_t max_cells = 0;  // of the table pairing one run
};

// The slots in reading order: the later text's order, with what was removed where it stood.
std::vector<ParagraphSlot> align_paragraphs(const std::vector<WordList>& before, const std::vector<WordList>& after, const Vocabulary& vocab,
                                            const AlignBounds& bounds, DiffBudget& budget);

}  // namespace kv
