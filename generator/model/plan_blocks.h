// The data block of an action plan (handlingsplan): one åtgärd per item of the plan's table
// (Problem/utvecklingsbehov, Åtgärd/process, Datum för åtgärd, Ansvarig för åtgärd).
#pragma once
#include <compare>
#include <optional>
#include <string>
#include <vector>

namespace kv::model {

struct Submission;

// A date the plan gives to the month ("okt 2007": day 0) or to the day.
struct PlanDate {
  int year = 0, month = 0, day = 0;

  std::string iso() const;  // "2007-10" or "2007-10-01"
  auto operator<=>(const PlanDate&) const = default;
  // The last day it can mean: a month's date is "by the end of that month".
  PlanDate latest() const { return day ? *this : PlanDate{year, month, 31}; }
};

// "2007-10" or "2007-10-01", a real calendar date; nullopt otherwise.
std::optional<PlanDate> parse_plan_date(const std::string& text);

enum class ActionStatus { kNone, kNotStarted, kInProgress, kDone, kDelayed };

struct ActionItem {  // "åtgärd"
  std::string problem;
  std::string action;  // Markdown, several paragraphs
  std::string when;    // Datum för åtgärd, as written ("Klart 1 okt 2007")
  std::optional<PlanDate> start, end;
  ActionStatus status = ActionStatus::kNone;
  std::vector<std::string> responsible;
  std::string follow_up;  // Markdown
  // The pages of later documents whose text links to this action (#åtgärd-K), in site order:
  // where it was followed up. Filled in by the thread between years.
  struct Reference {
    const Submission* doc = nullptr;
    int part = 0;  // 0: the document's introduction
  };
  std::vector<Reference> referred_from{};
};

}  // namespace kv::model
