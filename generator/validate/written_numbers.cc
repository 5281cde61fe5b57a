#include "validate/written_numbers.h"

namespace kv {
namespace {

std::optional<Number> with_decimals(const std::optional<double>& value, const YAML::Node& node) {
  if (!value) return std::nullopt;
  return Number{*value, node.IsScalar() ? written_decimals(node.Scalar()) : 0};
}

}  // namespace

std::optional<Number> written_number(MapReader& map, const std::string& key, MapReader::Need need) {
  return with_decimals(map.number(key, need), map.get(key));
}

std::optional<Number> written_percent(MapReader& map, const std::string& key, MapReader::Need need) {
  return with_decimals(map.percent(key, need), map.get(key));
}

std::optional<Number> read_written_number(const YAML::Node& node, const std::string& what, const YamlOrigin& origin,
                                          Diagnostics& diagnostics) {
  return with_decimals(read_number(node, what, origin, diagnostics), node);
}

}  // namespace kv
