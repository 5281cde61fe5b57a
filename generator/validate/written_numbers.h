// Numbers read with the decimals their author wrote (util/number.h), for the data blocks'
// figures: MapReader's checks and messages, and the decimals of the scalar as written.
#pragma once
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

#include "util/number.h"
#include "validate/map_reader.h"

namespace kv {

// MapReader::number, keeping the decimals: "22,0" → {22, 1}.
std::optional<Number> written_number(MapReader& map, const std::string& key, MapReader::Need need);
// MapReader::percent (0–100), keeping the decimals.
std::optional<Number> written_percent(MapReader& map, const std::string& key, MapReader::Need need);
// read_number, keeping the decimals.
std::optional<Number> read_written_number(const YAML::Node& node, const std::string& what, const YamlOrigin& origin,
                                          Diagnostics& diagnostics);

}  // namespace kv
