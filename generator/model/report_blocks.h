// The data blocks of an annual activity report (verksamhetsberättelse). The goal hierarchy
// is given by block order within a section (see docs/content-model.md); these structs hold
// one block each.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "util/number.h"

namespace kv::model {

// uppfylls helt / uppfylls delvis / uppfylls inte / inga data
enum class GoalStatus { kNone, kMet, kPartlyMet, kNotMet, kNoData };

struct KfGoal {  // "kf-mål": KF:s mål för verksamhetsområdet; the title comes from the structure
  std::string number, title;
  GoalStatus status = GoalStatus::kNone;
};

// Figures are kept as written (util/number.h): "22,0" stays 22,0 wherever it is shown.
struct SubUnitValue {
  std::string name;
  Number value;
};

struct Indicator {  // "indikator"
  std::string name;
  std::string unit;          // %, antal, index, personer
  bool higher_is_better = true;
  Number outcome;            // Periodens utfall
  std::optional<Number> men, women, previous;  // previous: Utfall VB föregående år
  Number target;             // Årsmål
  std::optional<Number> kf_target;  // KF:s årsmål when it is a number …
  std::string kf_target_text;       // … or as written, e.g. "Max 10 personer"
  std::string period;               // e.g. "2024", "VB 2024"
  std::string analysis;             // Markdown
  std::vector<SubUnitValue> sub_units;
  std::string kolada;                    // kolada: the KPI in Kolada, e.g. U21468 ("": none)
  std::vector<std::string> from_kolada;  // kolada_fyllt: the values kvalitet kolada filled in
};

struct BoardGoal {  // "nämndmål"
  std::string goal, description;
  std::vector<std::string> expected_results;
};

struct Activity {  // "aktivitet"
  std::string activity, start, end;  // ISO dates
  bool deviation = false;            // Avvikelse
  std::string analysis;
};

struct UnitGoal {  // "enhetsmål"
  std::string goal;
  GoalStatus status = GoalStatus::kNoData;
  std::vector<std::string> expected_results;
  std::string analysis;
};

struct Principles {  // "principer": (principle name, text) in the structure's order
  std::vector<std::pair<std::string, std::string>> texts;
};

struct AgendaGoal {
  int number = 0;
  std::string name, text;
};

struct Agenda2030 {  // "agenda2030"
  std::vector<AgendaGoal> goals;
};

struct ComplaintRow {
  std::string category;
  std::optional<Number> t1, t2, vb, total;
  std::string summary;
};

struct ComplaintGroup {
  std::string title;
  std::vector<ComplaintRow> rows;
};

struct Complaints {  // "synpunkter"
  std::vector<ComplaintGroup> groups;
};

}  // namespace kv::model
