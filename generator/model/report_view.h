// The goal hierarchy of a report, recovered from block order: which section (KF:s
// inriktningsmål), KF goal and nämndmål each indicator, activity and enhetsmål belongs to.
#pragma once
#include <string>

#include "model/site.h"

namespace kv::model {

struct GoalPath {
  int section = 0;                                  // the part number
  const DirectionGoalSpec* direction = nullptr;     // KF:s inriktningsmål, when the section has one
  const KfGoal* kf_goal = nullptr;                  // the kf-mål before the block
  const BoardGoal* board_goal = nullptr;            // the nämndmål before the block
};

// Calls fn(block, path) for every block of the submission's parts, in part order, with
// the hierarchy that block order gives it (see docs/content-model.md).
template <typename Fn>
void for_each_in_hierarchy(const Submission& s, Fn&& fn) {
  for (const auto& [number, answer] : s.answers) {
    GoalPath path;
    path.section = number;
    if (const auto* spec = s.structure->find_question(number); spec && spec->direction_goal)
      for (const auto& d : s.structure->report.direction_goals)
        if (d.number == spec->direction_goal) path.direction = &d;
    for_each_block(answer.blocks, [&](const Block& b) {
      if (const auto* k = std::get_if<KfGoal>(&b.value)) path.kf_goal = k, path.board_goal = nullptr;
      if (const auto* g = std::get_if<BoardGoal>(&b.value)) path.board_goal = g;
      fn(b, static_cast<const GoalPath&>(path));
    });
  }
}

// "1. Ett Stockholm som håller samman …" / "1.4 Stockholm ska vara …": labels for tables.
inline std::string direction_label(const GoalPath& p) {
  return p.direction ? std::to_string(p.direction->number) + ". " + p.direction->title : "";
}
inline std::string kf_goal_label(const GoalPath& p) {
  return p.kf_goal ? p.kf_goal->number + " " + p.kf_goal->title : "";
}

}  // namespace kv::model
