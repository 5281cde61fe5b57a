#include "util/word_diff.h"

#include <algorithm>

#include "util/paragraph_align.h"
#include "util/word_runs.h"

namespace kv {
namespace {

using Kind = DiffPiece::Kind;
using SlotKind = ParagraphSlot::Kind;

void append(std::vector<DiffPiece>& pieces, Kind kind, const WordList& words, size_t from, size_t to, const Vocabulary& vocab) {
  for (size_t i = from; i < to; ++i) {
    const std::string& word = vocab.word(words[i]);
    if (!pieces.empty() && pieces.back().kind == kind) pieces.back().text += " " + word;
    else pieces.push_back({kind, word});
  }
}

std::vector<DiffPiece> whole(Kind kind, const WordList& words, const Vocabulary& vocab) {
  std::vector<DiffPiece> pieces;
  append(pieces, kind, words, 0, words.size(), vocab);
  return pieces;
}

// A pair of paragraphs word by word; replaced whole past the bounds.
std::vector<DiffPiece> compared(const WordList& a, const WordList& b, const Vocabulary& vocab, DiffBudget& budget) {
  const auto runs = word_runs(a, b, vocab, kMaxDiffEdits, budget);
  if (!runs) {
    auto pieces = whole(Kind::kDeleted, a, vocab);
    append(pieces, Kind::kInserted, b, 0, b.size(), vocab);
    return pieces;
  }
  std::vector<DiffPiece> pieces;
  for (const WordRun& r : *runs) {
    if (r.same) {
      append(pieces, Kind::kSame, a, r.a0, r.a1, vocab);
      continue;
    }
    append(pieces, Kind::kDeleted, a, r.a0, r.a1, vocab);
    append(pieces, Kind::kInserted, b, r.b0, r.b1, vocab);
  }
  return pieces;
}

// The words of each paragraph; paragraphs without words are left out.
std::vector<WordList> words_of(const std::vector<std::string>& text, Vocabulary& vocab) {
  std::vector<WordList> out;
  for (const auto& p : text)
    if (auto words = vocab.words_of(p); !words.empty()) out.push_back(std::move(words));
  return out;
}

}  // namespace

std::vector<DiffParagraph> diff_paragraphs(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  Vocabulary vocab;
  const auto a = words_of(before, vocab), b = words_of(after, vocab);
  DiffBudget budget{kDiffWorkBudget};
  std::vector<DiffParagraph> out;
  for (const ParagraphSlot& s : align_paragraphs(a, b, vocab, {kMaxDiffEdits, kMaxDiffCells}, budget)) {
    DiffParagraph p;
    switch (s.kind) {
      case SlotKind::kSame: p.pieces = whole(Kind::kSame, a[s.before], vocab); break;
      case SlotKind::kDeleted: p.pieces = whole(Kind::kDeleted, a[s.before], vocab); break;
      case SlotKind::kInserted: p.pieces = whole(Kind::kInserted, b[s.after], vocab); break;
      case SlotKind::kChanged: p.pieces = compared(a[s.before], b[s.after], vocab, budget); break;
      case SlotKind::kMovedHere: p = {compared(a[s.before], b[s.after], vocab, budget), DiffParagraph::Move::kMovedHere, s.partner}; break;
      case SlotKind::kMovedAway: p = {{}, DiffParagraph::Move::kMovedAway, s.partner}; break;
    }
    out.push_back(std::move(p));
  }
  return out;
}

std::optional<DiffCounts> count_word_changes(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  Vocabulary vocab;
  WordList a, b;
  for (const auto& p : words_of(before, vocab)) a.insert(a.end(), p.begin(), p.end());
  for (const auto& p : words_of(after, vocab)) b.insert(b.end(), p.begin(), p.end());
  DiffBudget budget{kDiffWorkBudget};
  const auto edits = edit_count(a, b, a.size() + b.size(), budget);
  if (!edits) return std::nullopt;
  const size_t kept = (a.size() + b.size() - *edits) / 2;
  return DiffCounts{b.size() - kept, a.size() - kept};
}

DiffCounts count_changes(const std::vector<DiffParagraph>& diff) {
  DiffCounts c;
  for (const auto& p : diff)
    for (const auto& piece : p.pieces) {
      const size_t words = piece.text.empty() ? 0 : 1 + static_cast<size_t>(std::count(piece.text.begin(), piece.text.end(), ' '));
      if (piece.kind == Kind::kInserted) c.inserted += words;
      if (piece.kind == Kind::kDeleted) c.deleted += words;
    }
  return c;
}

}  // namespace kv
