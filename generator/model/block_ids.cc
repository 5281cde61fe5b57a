#include "model/block_ids.h"

#include <cstdlib>

namespace kv::model {
namespace {

struct Naming {
  const char* id_prefix;       // in the page
  const char* author_prefix;   // as authors write it
};

// Indexed by Numbered.
constexpr Naming kNaming[] = {
    {"kv-mal-", "m\xC3\xA5l-"},
    {"kv-uppfoljning-", "uppf\xC3\xB6ljning-"},
    {"kv-atgard-", "\xC3\xA5tg\xC3\xA4rd-"},
};

bool has_prefix(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

}  // namespace

std::optional<Numbered> numbered_kind(const Block& b) {
  if (std::holds_alternative<Goal>(b.value)) return Numbered::kGoal;
  if (std::holds_alternative<GoalFollowUp>(b.value)) return Numbered::kFollowUp;
  if (std::holds_alternative<ActionItem>(b.value)) return Numbered::kAction;
  return std::nullopt;
}

std::string block_id(Numbered kind, int k) { return kNaming[static_cast<int>(kind)].id_prefix + std::to_string(k); }

std::string written_block_id(const std::string& id) {
  for (const auto& n : kNaming)
    if (has_prefix(id, n.id_prefix)) return n.author_prefix + id.substr(std::string(n.id_prefix).size());
  return id;
}

int block_number(const std::string& id, Numbered kind) {
  const std::string prefix = kNaming[static_cast<int>(kind)].id_prefix;
  if (!has_prefix(id, prefix) || id.size() == prefix.size()) return 0;
  const std::string digits = id.substr(prefix.size());
  for (char c : digits)
    if (c < '0' || c > '9') return 0;
  return digits.size() > 6 ? 0 : std::atoi(digits.c_str());
}

}  // namespace kv::model
