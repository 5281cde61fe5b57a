// What changed between two versions of a text, word by word, for the "changes since last
// year" page. Texts are lists of paragraphs. Paragraphs are matched first (longest common
// subsequence of whole paragraphs), then each changed paragraph is compared with the one it
// replaced word by word; a pair too large to compare word by word (more than
// kMaxWordCells word pairs) is shown as removed and added whole. Words are separated by
// spaces and compared exactly, punctuation included.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace kv {

inline constexpr size_t kMaxWordCells = 4'000'000;

struct DiffPiece {
  enum class Kind { kSame, kInserted, kDeleted };
  Kind kind = Kind::kSame;
  std::string text;  // words joined by single spaces
  bool operator==(const DiffPiece&) const = default;
};

// One paragraph of the result: its pieces in reading order; deleted before inserted where
// a passage was replaced.
using DiffParagraph = std::vector<DiffPiece>;

std::vector<DiffParagraph> diff_paragraphs(const std::vector<std::string>& before, const std::vector<std::string>& after);

struct DiffCounts {
  size_t inserted = 0, deleted = 0;  // words
};
DiffCounts count_changes(const std::vector<DiffParagraph>& diff);

}  // namespace kv
