// What a unit's page shows of each document on its timeline: the goals it set and how they
// were followed up the next year, its unit goals' status, its indicator values and its
// actions' status — so a reviewer sees a unit's years at a glance and can follow the thread.
#pragma once
#include <kainjow/mustache.hpp>
#include <vector>

#include "i18n/lang.h"
#include "model/site.h"

namespace kv {

// The entry's lists (goals, unit_goals, indicators, actions) and a has_* flag for each.
// later: the unit's documents of the same kind one year on, if any (for "not followed up").
// An indicator's outcome as the timeline shows it: "83 %", "1 200".
std::string value_text(const model::Indicator& i, Lang lang);

void add_timeline(kainjow::mustache::data& entry, const model::Submission& s, bool later_exists, const std::string& root,
                  Lang lang);

}  // namespace kv
