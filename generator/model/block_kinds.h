// The registry of data-block kinds: one entry per kind, in the order of Block::value's
// alternatives after Prose and Container. The vocabulary (model::data_block_names), the part
// names counted against kräver:/rekommenderar:, and the goal hierarchy's order rules all derive
// from it; validate/block_readers.cc gives each kind its reader. A new kind is an entry here,
// an alternative in Block, a reader and its renderers.
#pragma once
#include <array>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/blocks.h"

namespace kv::model {

struct BlockKind {
  const char* name;    // as authors write it: ```mål
  const char* parent;  // the block that must come before it in the part ("kf-mål"), or nullptr
  int level;           // > 0: the goal-hierarchy level it opens (kf-mål 1, nämndmål 2); a block
                       // of a level closes the levels below it
};

inline constexpr std::array<BlockKind, 17> kBlockKinds = {{
    {"mål", nullptr, 0},         // Goal
    {"uppföljning", nullptr, 0}, // GoalFollowUp
    {"enkät", nullptr, 0},       // SurveyTable
    {"ekonomi", nullptr, 0},     // EconomyTable
    {"index", nullptr, 0},       // IndexSeries
    {"årshjul", nullptr, 0},     // AnnualCycle
    {"bild", nullptr, 0},        // Figure
    {"kf-mål", nullptr, 1},      // KfGoal
    {"indikator", "kf-mål", 0},  // Indicator
    {"nämndmål", "kf-mål", 2},   // BoardGoal
    {"aktivitet", "nämndmål", 0},// Activity
    {"enhetsmål", "nämndmål", 0},// UnitGoal
    {"principer", nullptr, 0},   // Principles
    {"agenda2030", nullptr, 0},  // Agenda2030
    {"synpunkter", nullptr, 0},  // Complaints
    {"åtgärd", nullptr, 0},      // ActionItem
    {"projekt", nullptr, 0},     // Project
}};

// Prose and Container come first in Block::value; every other alternative has an entry.
static_assert(std::variant_size_v<decltype(Block::value)> == 2 + kBlockKinds.size(),
              "every data-block alternative of Block needs an entry in kBlockKinds");

// The entry of a name, or nullptr.
const BlockKind* find_block_kind(std::string_view name);

// What a block is called in content files and in kräver:: a data block's kind, a container's
// name ("exempel"), nullptr for prose.
const char* block_name(const Block& block);

// How many parts of each name (containers and data blocks) the blocks hold, nested included:
// what a structure's kräver: and rekommenderar: are counted against.
std::map<std::string, int> count_parts(const std::vector<Block>& blocks);

}  // namespace kv::model
