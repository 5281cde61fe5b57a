#include "render/html/unit_timeline.h"

#include "i18n/messages.h"
#include "i18n/numbers.h"
#include "model/block_ids.h"
#include "render/format.h"
#include "render/html/urls.h"

namespace kv {
namespace {

using kainjow::mustache::data;

void set_list(data& entry, const char* name, const data& list) {
  entry.set(name, list);
  entry.set(std::string("has_") + name, data(!list.is_empty_list()));
}

data goal_entry(const model::Goal& g, bool later_exists, const std::string& root, Lang lang) {
  data e;
  e.set("title", g.goal);
  if (!g.followed_up_in.empty()) {
    const auto& r = g.followed_up_in.front();
    e.set("status", text(lang, Msg::kUiTimelineFollowedUp, {std::to_string(r.doc->year)}));
    e.set("href", root + question_path(*r.doc, r.part) + "#" + model::block_id(model::Numbered::kFollowUp, r.item));
    e.set("css", "uppfoljt");
  } else {
    e.set("status", text(lang, later_exists ? Msg::kUiTimelineNotFollowedUp : Msg::kUiTimelineNotYet));
    e.set("href", data(false));
    e.set("css", later_exists ? "ej-uppfoljt" : "vantar");
  }
  return e;
}

}  // namespace

std::string value_text(const model::Indicator& i, Lang lang) {
  if (i.unit == "%") return format_percent(i.outcome, lang);
  return format_number(i.outcome, lang);
}

void add_timeline(data& entry, const model::Submission& s, bool later_exists, const std::string& root, Lang lang) {
  data goals{data::type::list}, unit_goals{data::type::list}, indicators{data::type::list}, actions{data::type::list};
  for (const auto& [n, answer] : s.answers)
    model::for_each_block(answer.blocks, [&](const model::Block& b) {
      if (const auto* g = std::get_if<model::Goal>(&b.value)) {
        goals.push_back(goal_entry(*g, later_exists, root, lang));
      } else if (const auto* u = std::get_if<model::UnitGoal>(&b.value)) {
        data e;
        e.set("title", u->goal);
        e.set("status", goal_status_text(u->status, lang));
        unit_goals.push_back(e);
      } else if (const auto* i = std::get_if<model::Indicator>(&b.value)) {
        data e;
        e.set("name", i->name);
        e.set("value", value_text(*i, lang));
        indicators.push_back(e);
      } else if (const auto* a = std::get_if<model::ActionItem>(&b.value)) {
        data e;
        e.set("title", a->problem);
        e.set("status", a->status == model::ActionStatus::kNone ? "" : action_status_text(a->status, lang));
        actions.push_back(e);
      }
    });
  set_list(entry, "goals", goals);
  set_list(entry, "unit_goals", unit_goals);
  set_list(entry, "indicators", indicators);
  set_list(entry, "actions", actions);
}

}  // namespace kv
