// Shortest edit scripts by Myers' algorithm ("An O(ND) difference algorithm", 1986), for
// the word diff (util/word_diff.h). Items are numbers (words or paragraphs numbered so that
// equal items have equal numbers). Time grows as (N+M)·D and the script's trace as D², D
// being the number of insertions and deletions, so both are bounded: by max_edits, and by a
// budget of work shared by every comparison of one diff. The input is the author's; past a
// bound the caller shows the text replaced whole instead.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace kv {

// Work left for one diff, in steps of the search (one diagonal tried or one item matched).
struct DiffBudget {
  size_t left = 0;
  bool take(size_t steps) {
    if (steps > left) return left = 0, false;
    return left -= steps, true;
  }
};

enum class Edit : uint8_t { kSame, kDeleted, kInserted };

// The steps turning a into b with the fewest insertions and deletions, or nullopt when that
// needs more than max_edits of them or the budget runs out. Memory grows as max_edits²:
// callers keep max_edits to a few thousand.
std::optional<std::vector<Edit>> edit_script(std::span<const uint32_t> a, std::span<const uint32_t> b, size_t max_edits, DiffBudget& budget);

// The number of insertions and deletions alone (|a| + |b| − 2·LCS), in memory linear in
// max_edits; nullopt past max_edits or the budget.
std::optional<size_t> edit_count(std::span<const uint32_t> a, std::span<const uint32_t> b, size_t max_edits, DiffBudget& budget);

}  // namespace kv
