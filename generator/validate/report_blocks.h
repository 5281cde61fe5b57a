// Readers for the data blocks of an annual activity report (verksamhetsberättelse). Blocks
// that refer to city data (KF goals, the quality programme, Agenda 2030) check it against
// the structure; indicators check their period against the report year.
#pragma once
#include <optional>

#include "model/blocks.h"
#include "model/structure.h"
#include "validate/map_reader.h"

namespace kv {

std::optional<model::KfGoal> read_kf_goal(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics,
                                          const model::Structure* structure, const model::QuestionSpec* section);
std::optional<model::Indicator> read_indicator(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics,
                                               int year);
std::optional<model::BoardGoal> read_board_goal(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics);
std::optional<model::Activity> read_activity(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics);
std::optional<model::UnitGoal> read_unit_goal(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics);
std::optional<model::Principles> read_principles(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics,
                                                 const model::Structure* structure);
std::optional<model::Agenda2030> read_agenda(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics,
                                             const model::Structure* structure);
std::optional<model::Complaints> read_complaints(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics);

// A text or a list of texts, as a list (förväntat_resultat, ansvariga may be written either way).
std::vector<std::string> read_text_list(MapReader& map, const std::string& key, MapReader::Need need);

// "2024-01-31" → true; checks the calendar (month 1–12, day within the month).
bool valid_iso_date(const std::string& date);
// Reports a date valid_iso_date refuses: one of the form ÅÅÅÅ-MM-DD whose month or day does
// not exist ("2025-02-30": February 2025 has 28 days) says so; anything else gets the form.
void report_bad_date(const SourcePos& at, const std::string& date, Diagnostics& diagnostics);

// The status words map to GoalStatus; "" → kNone.
std::optional<model::GoalStatus> parse_goal_status(const std::string& word);

}  // namespace kv
