// What changed between two versions of a text, word by word, for the "changes since last
// year" page. Texts are lists of paragraphs; words are separated by spaces and compared
// exactly, punctuation included.
//
// What is shown (diff_paragraphs) is built in two levels, so that a change is shown where it
// was made rather than as a patchwork of whatever small words two texts share:
//  - paragraphs (util/paragraph_align.h): identical ones are matched first, the rest paired
//    only when similar (half their words kept in order), a paragraph that reappears out of
//    order nearly unchanged is shown as moved, and any other is removed or added whole;
//  - words within a pair (util/word_runs.h): a shortest edit script (Myers), then
//    diff-match-patch's semantic cleanup, which folds a short equal run between two changes
//    into them, so a rewritten sentence reads as the old one removed and the new one added.
// What is counted (count_word_changes) is apart from that: the longest common subsequence of
// all the words of the two texts, so the figures do not depend on how the changes are shown.
//
// The texts are the author's, so every comparison is bounded: past a bound a paragraph is
// shown removed and added whole, and count_word_changes gives no count (the page then
// counts what it shows).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace kv {

// A pair of paragraphs is compared word by word only if it needs at most this many words
// removed and added (the search's memory grows as the square of it); identical paragraphs
// are matched only within as many paragraph edits.
inline constexpr size_t kMaxDiffEdits = 2'000;
// The table pairing a run of changed paragraphs: at most this many cells (a thousand
// removed by a thousand added paragraphs).
inline constexpr size_t kMaxDiffCells = 1'000'000;
// All the searches of one diff (or one count) together: at most this many steps, well
// under a second.
inline constexpr size_t kDiffWorkBudget = 50'000'000;

struct DiffPiece {
  enum class Kind { kSame, kInserted, kDeleted };
  Kind kind = Kind::kSame;
  std::string text;  // words joined by single spaces
  bool operator==(const DiffPiece&) const = default;
};

// One paragraph of the result: its pieces in reading order, deleted before inserted where a
// passage was replaced. A paragraph that moved is shown once, where it now stands
// (kMovedHere, with its changes if it was also edited), and named where it stood
// (kMovedAway, no pieces); partner is the other end's index in the result.
struct DiffParagraph {
  enum class Move { kNone, kMovedAway, kMovedHere };
  std::vector<DiffPiece> pieces;
  Move move = Move::kNone;
  size_t partner = 0;
  bool operator==(const DiffParagraph&) const = default;
};

std::vector<DiffParagraph> diff_paragraphs(const std::vector<std::string>& before, const std::vector<std::string>& after);

struct DiffCounts {
  size_t inserted = 0, deleted = 0;  // words
  bool operator==(const DiffCounts&) const = default;
};

// Words added and removed between the two texts as wholes (paragraph breaks ignored):
// |after| − LCS and |before| − LCS, LCS being the longest common subsequence of their words.
// nullopt past kDiffWorkBudget.
std::optional<DiffCounts> count_word_changes(const std::vector<std::string>& before, const std::vector<std::string>& after);

// The words marked inserted and deleted in a diff as shown.
DiffCounts count_changes(const std::vector<DiffParagraph>& diff);

}  // namespace kv
