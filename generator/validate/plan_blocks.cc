#include "validate/plan_blocks.h"

#include "model/fields.h"
#include "model/vocabulary.h"
#include "validate/report_blocks.h"

namespace kv {
namespace {

using Need = MapReader::Need;

std::optional<model::PlanDate> read_plan_date(MapReader& map, const std::string& key, bool& ok) {
  auto text = map.text(key, Need::kOptional);
  if (!text) return std::nullopt;
  auto date = model::parse_plan_date(*text);
  if (!date) {
    Diagnostics& diagnostics = map.diagnostics();
    diagnostics.error(map.pos(key), diagnostics.t(Msg::kBadMonthDate, {*text}), diagnostics.t(Msg::kBadMonthDateHint));
    ok = false;
  }
  return date;
}

// Deadlines are compared at their latest meaning: "2007-10" is due by the end of October.
void check_progress(MapReader& map, const model::ActionItem& item, const std::optional<model::PlanDate>& follow_up) {
  Diagnostics& diagnostics = map.diagnostics();
  if (item.status == model::ActionStatus::kDone && !item.end) {
    diagnostics.warning(map.pos("status"), diagnostics.t(Msg::kActionDoneNoDate), diagnostics.t(Msg::kActionDoneNoDateHint));
    return;
  }
  if (!follow_up || !item.end || item.status == model::ActionStatus::kDone) return;
  if (item.end->latest() < *follow_up)
    diagnostics.warning(map.pos("slutdatum"), diagnostics.t(Msg::kActionOverdue, {item.end->iso(), follow_up->iso()}),
                   diagnostics.t(Msg::kActionOverdueHint));
}

}  // namespace

model::ActionStatus parse_action_status(const std::string& word) {
  if (word == "ej påbörjad") return model::ActionStatus::kNotStarted;
  if (word == "pågår") return model::ActionStatus::kInProgress;
  if (word == "klar") return model::ActionStatus::kDone;
  if (word == "försenad") return model::ActionStatus::kDelayed;
  return model::ActionStatus::kNone;
}

std::optional<model::ActionItem> read_action_item(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics,
                                                  const std::optional<model::PlanDate>& follow_up) {
  MapReader map(node, origin, diagnostics, model::block_keys("åtgärd"));
  model::ActionItem item;
  auto problem = map.text("problem", Need::kRequired);
  auto action = map.text("åtgärd", Need::kRequired);
  auto status = map.choice("status", model::action_status_names(), Need::kOptional);
  item.responsible = read_text_list(map, "ansvariga", Need::kRequired);
  if (item.responsible.empty() && map.has("ansvariga") && map.get("ansvariga").IsSequence())  // "ansvariga: []"
    diagnostics.error(map.pos("ansvariga"), diagnostics.t(Msg::kEmptyValue, {"ansvariga"}), diagnostics.t(Msg::kEmptyValueHint));
  bool ok = problem && action && (status || !map.has("status")) && !item.responsible.empty();
  item.start = read_plan_date(map, "startdatum", ok);
  item.end = read_plan_date(map, "slutdatum", ok);
  if (item.start && item.end && item.end->latest() < *item.start) {
    diagnostics.error(map.pos("slutdatum"), diagnostics.t(Msg::kDateOrder, {item.end->iso(), item.start->iso()}),
                 diagnostics.t(Msg::kDateOrderHint));
    ok = false;
  }
  if (!ok) return std::nullopt;
  item.problem = *problem;
  item.action = *action;
  item.when = map.text("datum", Need::kOptional).value_or("");
  item.follow_up = map.text("uppföljning", Need::kOptional).value_or("");
  item.status = status ? parse_action_status(*status) : model::ActionStatus::kNone;
  check_progress(map, item, follow_up);
  return item;
}

}  // namespace kv
