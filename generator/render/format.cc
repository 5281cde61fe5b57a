#include "render/format.h"

#include <cctype>
#include <cstdlib>

#include <charconv>
#include <cmath>

#include "i18n/messages.h"

namespace kv {

std::string action_status_text(model::ActionStatus status, Lang lang) {
  switch (status) {
    case model::ActionStatus::kNotStarted: return text(lang, Msg::kUiStatusNotStarted);
    case model::ActionStatus::kInProgress: return text(lang, Msg::kUiStatusInProgress);
    case model::ActionStatus::kDone: return text(lang, Msg::kUiStatusDone);
    case model::ActionStatus::kDelayed: return text(lang, Msg::kUiStatusDelayed);
    case model::ActionStatus::kNone: break;
  }
  return "";
}

std::string plan_date_text(const model::PlanDate& date, Lang lang) {
  std::string month = month_name(date.month, lang);
  if (lang == Lang::kSv && !month.empty()) month[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(month[0])));
  std::string s = month + " " + std::to_string(date.year);
  return date.day ? std::to_string(date.day) + " " + s : s;
}

std::string goal_status_text(model::GoalStatus status, Lang lang) {
  switch (status) {
    case model::GoalStatus::kMet: return text(lang, Msg::kUiStatusMet);
    case model::GoalStatus::kPartlyMet: return text(lang, Msg::kUiStatusPartly);
    case model::GoalStatus::kNotMet: return text(lang, Msg::kUiStatusNotMet);
    default: return text(lang, Msg::kUiStatusNoData);
  }
}

std::string format_date(const std::string& iso, Lang lang) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return iso;
  int month = std::atoi(iso.substr(5, 2).c_str()), day = std::atoi(iso.substr(8, 2).c_str());
  if (month < 1 || month > 12 || day < 1) return iso;
  std::string name = month_name(month, lang);
  if (lang == Lang::kSv) name[0] = static_cast<char>(name[0] - 'A' + 'a');  // Swedish months are lower case
  return std::to_string(day) + " " + name + " " + iso.substr(0, 4);
}

}  // namespace kv
