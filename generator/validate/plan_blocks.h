// Reader for the data block of an action plan (handlingsplan): one åtgärd.
#pragma once
#include <optional>

#include "model/plan_blocks.h"
#include "validate/map_reader.h"

namespace kv {

// Reads an åtgärd. Dates may be months (2007-10) or days; the end may not come before the
// start. Warns when a "klar" action has no end date, and — when the plan has a follow-up
// date — when an action due by then is not "klar".
std::optional<model::ActionItem> read_action_item(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics,
                                                  const std::optional<model::PlanDate>& follow_up);

// "ej påbörjad", "pågår", "klar", "försenad" (already checked against the vocabulary).
model::ActionStatus parse_action_status(const std::string& word);

}  // namespace kv
