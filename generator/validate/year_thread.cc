#include "validate/year_thread.h"

#include <cmath>
#include <map>
#include <tuple>

#include "i18n/numbers.h"
#include "model/block_ids.h"
#include "util/text.h"
#include "validate/part_name.h"

namespace kv {
namespace {

using Key = std::tuple<std::string, std::string, int>;  // unit, kind, year

// Blocks of type T in a part, in document order (containers' children included), with the
// line each was written on. The i-th goal, follow-up or action is number i + 1 of
// model/block_ids.h, which counts in the same order.
template <typename T>
std::vector<std::pair<T*, int>> blocks_of(std::vector<model::Block>& blocks) {
  std::vector<std::pair<T*, int>> out;
  model::for_each_block(blocks, [&](model::Block& b) {
    if (auto* v = std::get_if<T>(&b.value)) out.push_back({v, b.line});
  });
  return out;
}

std::string where(const std::string& path, int line) { return path + ":" + std::to_string(line); }

struct GoalThread {
  model::Submission& later;
  const model::QuestionSpec& part;  // the later document's part with följer_upp
  model::Submission& earlier;
  Diagnostics& diagnostics;

  void run() {
    auto follow_ups_at = later.answers.find(part.number);
    if (follow_ups_at == later.answers.end()) return;  // a missing part is reported as such
    model::Answer& answer = follow_ups_at->second;
    auto goals_at = earlier.answers.find(part.follows_up);
    std::vector<std::pair<model::Goal*, int>> goals;
    if (goals_at != earlier.answers.end()) goals = blocks_of<model::Goal>(goals_at->second.blocks);
    const std::string goal_file = goals_at != earlier.answers.end() ? goals_at->second.source_path : earlier.source_folder;
    std::vector<std::string> titles;
    for (const auto& g : goals) titles.push_back(g.first->goal);
    std::vector<bool> followed(goals.size(), false);
    int item = 0;
    for (auto& [f, line] : blocks_of<model::GoalFollowUp>(answer.blocks)) {
      ++item;
      size_t i = 0;
      while (i < goals.size() && goal_key(goals[i].first->goal) != goal_key(f->goal)) ++i;
      if (i == goals.size()) {
        diagnostics.warning({answer.source_path, line, 1},
                       diagnostics.t(Msg::kThreadUnknownGoal, {f->goal, std::to_string(earlier.year), part_label(earlier, part.follows_up)}),
                       titles.empty() ? diagnostics.t(Msg::kThreadUnknownGoalHint, {goal_file}) : diagnostics.suggest(f->goal, titles));
        continue;
      }
      followed[i] = true;
      f->goal_set_in = model::ThreadRef{&earlier, part.follows_up, static_cast<int>(i) + 1};
      goals[i].first->followed_up_in.push_back({&later, part.number, item});
    }
    for (size_t i = 0; i < goals.size(); ++i)
      if (!followed[i])
        diagnostics.warning({answer.source_path, 1, 1},
                       diagnostics.t(Msg::kThreadGoalNotFollowedUp,
                                {goals[i].first->goal, std::to_string(earlier.year), where(goal_file, goals[i].second),
                                 part_label(later, part.number)}),
                       diagnostics.t(Msg::kThreadGoalNotFollowedUpHint, {goals[i].first->goal}));
  }

  std::string part_label(const model::Submission& s, int number) const {
    return part_name(*s.structure, number, diagnostics.lang);
  }
};

// "Utfall VB föregående år" against last year's outcome of the indicator of the same name.
void check_previous_outcomes(model::Submission& later, model::Submission& earlier, Diagnostics& diagnostics) {
  std::map<std::string, std::pair<const model::Indicator*, std::string>> last_year;
  for (auto& [n, answer] : earlier.answers)
    for (auto& [ind, line] : blocks_of<model::Indicator>(answer.blocks))
      last_year.emplace(goal_key(ind->name), std::pair{ind, where(answer.source_path, line)});
  for (auto& [n, answer] : later.answers)
    for (auto& [ind, line] : blocks_of<model::Indicator>(answer.blocks)) {
      auto it = last_year.find(goal_key(ind->name));
      if (!ind->previous || it == last_year.end()) continue;
      const double was = it->second.first->outcome.value;
      if (std::fabs(ind->previous->value - was) < 1e-9) continue;
      diagnostics.warning({answer.source_path, line, 1},
                     diagnostics.t(Msg::kThreadPreviousOutcome, {ind->name, plain_number(ind->previous->value, diagnostics.lang), std::to_string(earlier.year),
                                                            plain_number(was, diagnostics.lang), it->second.second}),
                     diagnostics.t(Msg::kThreadPreviousOutcomeHint));
    }
}

// The K-th action of a part, or nullptr.
model::ActionItem* nth_action(std::vector<model::Block>& blocks, int k) {
  auto actions = blocks_of<model::ActionItem>(blocks);
  return k >= 1 && k <= static_cast<int>(actions.size()) ? actions[k - 1].first : nullptr;
}

// Every prose link to an action (resolved to its block id) tells the action where it was
// followed up. Links were checked by then; one entry per referring page.
void refer_actions(model::Site& site) {
  std::map<std::string, model::Submission*> by_path;
  for (auto& s : site.submissions) by_path[s.url_path()] = &s;
  auto note = [&](const model::Submission& from, int part, const model::Link& link) {
    const int k = model::block_number(link.anchor, model::Numbered::kAction);
    if (k == 0 || link.part <= 0) return;
    auto it = by_path.find(link.document);
    if (it == by_path.end() || it->second == &from) return;
    auto answer = it->second->answers.find(link.part);
    if (answer == it->second->answers.end()) return;
    auto* action = nth_action(answer->second.blocks, k);
    if (!action) return;
    for (const auto& r : action->referred_from)
      if (r.doc == &from && r.part == part) return;
    action->referred_from.push_back({&from, part});
  };
  for (const auto& s : site.submissions) {
    auto scan = [&](const std::vector<model::Block>& blocks, int part) {
      model::for_each_block(blocks, [&](const model::Block& b) {
        if (const auto* p = std::get_if<model::Prose>(&b.value))
          for (const auto& link : p->links) note(s, part, link);
      });
    };
    scan(s.intro, 0);
    for (const auto& [n, answer] : s.answers) scan(answer.blocks, n);
  }
}

// Drops from earlier's goals the follow-ups later made: they are made again.
void forget_follow_ups(model::Submission& earlier, const model::Submission& later) {
  for (auto& [n, answer] : earlier.answers)
    for (auto& [goal, line] : blocks_of<model::Goal>(answer.blocks))
      std::erase_if(goal->followed_up_in, [&](const model::ThreadRef& r) { return r.doc == &later; });
}

}  // namespace

std::string goal_key(const std::string& title) {
  std::string folded = fold_case(trim(title)), out;
  for (char c : folded) {
    if ((c == ' ' || c == '\t' || c == '\n') && (out.empty() || out.back() == ' ')) continue;
    out += (c == '\t' || c == '\n') ? ' ' : c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '.')) out.pop_back();
  return out;
}

void thread_years(model::Site& site, Diagnostics& diagnostics, const model::Submission* only) {
  std::map<Key, model::Submission*> by_year;
  for (auto& s : site.submissions) by_year[{s.unit.slug, s.kind_slug, s.year}] = &s;
  for (auto& s : site.submissions) {
    auto it = by_year.find({s.unit.slug, s.kind_slug, s.year - 1});
    if (it == by_year.end()) continue;
    model::Submission& earlier = *it->second;
    if (only && &s != only && &earlier != only) continue;
    if (only == &s) forget_follow_ups(earlier, s);  // only's last version's
    for (const auto* q : s.structure->questions())
      if (q->follows_up > 0) GoalThread{s, *q, earlier, diagnostics}.run();
    check_previous_outcomes(s, earlier, diagnostics);
  }
  refer_actions(site);
}

}  // namespace kv
