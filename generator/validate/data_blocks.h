// One reader per data-block kind. Each reads YAML already parsed from a ```name block.
#pragma once
#include <optional>

#include "validate/map_reader.h"
#include "model/blocks.h"

namespace kv {

std::optional<model::Goal> read_goal(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics);
std::optional<model::GoalFollowUp> read_follow_up(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics);
std::optional<model::SurveyTable> read_survey(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics);
std::optional<model::EconomyTable> read_economy(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics);
std::optional<model::IndexSeries> read_index(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics);
std::optional<model::AnnualCycle> read_annual_cycle(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics);
// The figure's file is resolved against the Markdown file's folder by the caller.
std::optional<model::Figure> read_figure(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics);

// Month names in Swedish, lower case, January first.
const std::vector<std::string>& month_names();

}  // namespace kv
