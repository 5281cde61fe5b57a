#include "util/paragraph_align.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

namespace kv {
namespace {

using Kind = ParagraphSlot::Kind;
using Pairs = std::vector<std::pair<size_t, size_t>>;

// A word's weight in a similarity: its characters and the space after it, so that the
// small words every paragraph has count for little.
size_t weight(const Vocabulary& vocab, uint32_t word) { return vocab.length(word) + 1; }

// A paragraph with its words sorted: what two paragraphs share as bags of words bounds what
// they keep in order, and costs one pass.
struct Para {
  const WordList* words;
  WordList sorted;
  size_t chars = 0;  // weights
};

std::vector<Para> paras_of(const std::vector<WordList>& text, const Vocabulary& vocab) {
  std::vector<Para> out;
  for (const auto& words : text) {
    out.push_back({&words, words});
    std::sort(out.back().sorted.begin(), out.back().sorted.end());
    for (uint32_t w : words) out.back().chars += weight(vocab, w);
  }
  return out;
}

size_t shared_bag(const WordList& x, const WordList& y, const Vocabulary& vocab) {
  size_t n = 0;
  for (size_t i = 0, j = 0; i < x.size() && j < y.size();) {
    if (x[i] == y[j]) n += weight(vocab, x[i]), ++i, ++j;
    else if (x[i] < y[j]) ++i;
    else ++j;
  }
  return n;
}

class Aligner {
 public:
  Aligner(const std::vector<WordList>& before, const std::vector<WordList>& after, const Vocabulary& vocab, const AlignBounds& bounds,
          DiffBudget& budget)
      : vocab_(vocab), a_(paras_of(before, vocab)), b_(paras_of(after, vocab)), bounds_(bounds), budget_(budget) {}

  // A run of paragraphs between two identical ones (or an end): pairs, then what is left
  // removed where it stood and added where it stands.
  void emit_run(const std::vector<size_t>& ra, const std::vector<size_t>& rb, std::vector<ParagraphSlot>& slots) {
    size_t i = 0, j = 0;
    auto upto = [&](size_t end_i, size_t end_j) {
      for (; i < end_i; ++i) slots.push_back({Kind::kDeleted, ra[i], 0, 0});
      for (; j < end_j; ++j) slots.push_back({Kind::kInserted, 0, rb[j], 0});
    };
    for (const auto& [pi, pj] : pair_run(ra, rb)) {
      upto(pi, pj);
      slots.push_back({Kind::kChanged, ra[i++], rb[j++], 0});
    }
    upto(ra.size(), rb.size());
  }

  // Removed and added paragraphs that are nearly the same text: each becomes the other's
  // partner, the removed one marked as moved away, the added one as moved here.
  void find_moves(std::vector<ParagraphSlot>& slots) {
    std::vector<size_t> added;  // each comparison costs budget, so this loop is bounded too
    for (size_t c = 0; c < slots.size(); ++c)
      if (slots[c].kind == Kind::kInserted) added.push_back(c);
    for (size_t g = 0; g < slots.size() && !added.empty() && budget_.left > 0; ++g) {
      if (slots[g].kind != Kind::kDeleted) continue;
      const Para& x = a_[slots[g].before];
      std::optional<size_t> best;
      size_t best_kept = 0, best_total = 1;
      for (size_t c : added) {
        if (slots[c].kind != Kind::kInserted) continue;  // already taken
        const size_t total = x.chars + b_[slots[c].after].chars;
        const auto k = kept(x, b_[slots[c].after], kMovePercent);
        if (k && *k * best_total > best_kept * total) best = c, best_kept = *k, best_total = total;
      }
      if (!best) continue;
      slots[g].kind = Kind::kMovedAway, slots[g].partner = *best;
      slots[*best].kind = Kind::kMovedHere, slots[*best].before = slots[g].before, slots[*best].partner = g;
    }
  }

 private:
  // What x and y keep in order (the words of a shortest script, weighed) when that is at
  // least `percent` of them both (2·kept / (x + y)), else nullopt; nullopt too past the bounds.
  std::optional<size_t> kept(const Para& x, const Para& y, size_t percent) {
    const size_t total = x.chars + y.chars;
    if (!budget_.take(x.words->size() + y.words->size()) || 200 * shared_bag(x.sorted, y.sorted, vocab_) < percent * total) return std::nullopt;
    const auto script = edit_script(*x.words, *y.words, bounds_.max_edits, budget_);
    if (!script) return std::nullopt;
    size_t kept = 0, i = 0;
    for (Edit e : *script) {
      if (e == Edit::kSame) kept += weight(vocab_, (*x.words)[i]);
      if (e != Edit::kInserted) ++i;
    }
    if (200 * kept < percent * total) return std::nullopt;
    return kept;
  }

  // The order-preserving pairs of a run keeping most words: best[i][j] is the most the first
  // i removed and first j added paragraphs keep.
  Pairs pair_run(const std::vector<size_t>& ra, const std::vector<size_t>& rb) {
    const size_t p = ra.size(), q = rb.size();
    if (p == 0 || q == 0 || (p + 1) * (q + 1) > bounds_.max_cells || !budget_.take(p * q)) return {};
    std::vector<long long> weight(p * q, -1), best((p + 1) * (q + 1), 0);
    auto w = [&](size_t i, size_t j) -> long long& { return weight[i * q + j]; };
    auto at = [&](size_t i, size_t j) -> long long& { return best[i * (q + 1) + j]; };
    for (size_t i = 0; i < p; ++i)
      for (size_t j = 0; j < q; ++j)
        if (const auto k = kept(a_[ra[i]], b_[rb[j]], kPairPercent)) w(i, j) = static_cast<long long>(*k);
    for (size_t i = 1; i <= p; ++i)
      for (size_t j = 1; j <= q; ++j) {
        at(i, j) = std::max(at(i - 1, j), at(i, j - 1));
        if (w(i - 1, j - 1) >= 0) at(i, j) = std::max(at(i, j), at(i - 1, j - 1) + w(i - 1, j - 1));
      }
    Pairs pairs;
    for (size_t i = p, j = q; i > 0 && j > 0;) {
      if (w(i - 1, j - 1) >= 0 && at(i, j) == at(i - 1, j - 1) + w(i - 1, j - 1)) pairs.emplace_back(--i, --j);
      else if (at(i, j) == at(i - 1, j)) --i;
      else --j;
    }
    std::reverse(pairs.begin(), pairs.end());
    return pairs;
  }

  const Vocabulary& vocab_;
  std::vector<Para> a_, b_;
  AlignBounds bounds_;
  DiffBudget& budget_;
};

// Each paragraph as a number, equal paragraphs (word for word) equal numbers.
std::pair<WordList, WordList> number_paragraphs(const std::vector<WordList>& before, const std::vector<WordList>& after) {
  std::map<WordList, uint32_t> ids;
  auto number = [&](const std::vector<WordList>& text) {
    WordList out;
    for (const auto& p : text) out.push_back(ids.try_emplace(p, static_cast<uint32_t>(ids.size())).first->second);
    return out;
  };
  WordList a = number(before);
  return {std::move(a), number(after)};
}

}  // namespace

std::vector<ParagraphSlot> align_paragraphs(const std::vector<WordList>& before, const std::vector<WordList>& after, const Vocabulary& vocab,
                                            const AlignBounds& bounds, DiffBudget& budget) {
  const auto [ia, ib] = number_paragraphs(before, after);
  // Past the bounds no paragraph is matched as identical: one run, paired if it is small.
  const std::vector<Edit> script = edit_script(ia, ib, bounds.max_edits, budget).value_or(std::vector<Edit>{});
  Aligner aligner(before, after, vocab, bounds, budget);
  std::vector<ParagraphSlot> slots;
  std::vector<size_t> ra, rb;
  size_t i = 0, j = 0;
  for (Edit e : script) {
    if (e == Edit::kDeleted) ra.push_back(i++);
    else if (e == Edit::kInserted) rb.push_back(j++);
    else aligner.emit_run(ra, rb, slots), ra.clear(), rb.clear(), slots.push_back({Kind::kSame, i++, j++, 0});
  }
  for (; i < before.size(); ++i) ra.push_back(i);
  for (; j < after.size(); ++j) rb.push_back(j);
  aligner.emit_run(ra, rb, slots);
  aligner.find_moves(slots);
  return slots;
}

}  // namespace kv
