// The ids of numbered blocks on a part's page. Goals, follow-ups and actions are numbered
// within their part in document order, containers' children included: the K-th goal is
// kv-mal-K, the K-th follow-up kv-uppfoljning-K, the K-th action kv-atgard-K. Authors write
// them as #mål-K, #uppföljning-K, #åtgärd-K. Pages, link checks and the thread between years
// all count with this module, so an id always names the same block.
#pragma once
#include <optional>
#include <string>

#include "model/blocks.h"

namespace kv::model {

enum class Numbered { kGoal, kFollowUp, kAction };

// The kind b is numbered as, or nothing for blocks without a number.
std::optional<Numbered> numbered_kind(const Block& b);

// "kv-mal-3": the id of the k-th block of its kind in a part.
std::string block_id(Numbered kind, int k);

// "mål-3" for "kv-mal-3": a block id as an author writes it; other ids unchanged.
std::string written_block_id(const std::string& id);

// The block's number when id is a block id of that kind ("kv-atgard-3" → 3), else 0.
int block_number(const std::string& id, Numbered kind);

// Hands out the numbers in document order; one counter per part.
class BlockCounter {
 public:
  int next(Numbered kind) { return take(kind, 1); }
  // Numbers n blocks at once (a run of actions forms one table); returns the first.
  int take(Numbered kind, int n) {
    int& count = counts_[static_cast<int>(kind)];
    count += n;
    return count - n + 1;
  }

 private:
  int counts_[3] = {0, 0, 0};
};

}  // namespace kv::model
