// Dates and statuses as a Swedish (or English) reader expects them; numbers are in
// i18n/numbers.h.
#pragma once
#include <string>

#include "i18n/lang.h"
#include "model/plan_blocks.h"
#include "model/report_blocks.h"

namespace kv {

// "Uppfylls delvis" / "Partly met": a goal's status as words.
std::string goal_status_text(model::GoalStatus status, Lang lang);
// "Pågår", "Klar", …; "" for no status.
std::string action_status_text(model::ActionStatus status, Lang lang);
// "oktober 2007" or "1 januari 2008", as a reader writes a plan's date.
std::string plan_date_text(const model::PlanDate& date, Lang lang);

// month_name ("Januari" / "January") is in i18n/lang.h.

// "2026-11-23" → "23 november 2026" / "23 November 2026"; anything else as given.
std::string format_date(const std::string& iso, Lang lang);

}  // namespace kv
