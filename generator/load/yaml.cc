#include "load/yaml.h"

#include <string>

#include "util/text.h"

namespace kv {

// yaml-cpp counts columns in bytes; diagnostics count characters.
static SourcePos to_position(const YAML::Mark& mark, const YamlOrigin& origin) {
  if (mark.line < 0) return {origin.path, origin.line_offset + 1, 0};
  int col = mark.column + 1;
  auto lines = split_lines(origin.text);
  if (mark.line < static_cast<int>(lines.size())) {
    std::string_view line = lines[static_cast<size_t>(mark.line)];
    size_t bytes = std::min(static_cast<size_t>(mark.column), line.size());
    col = static_cast<int>(utf8_length(line.substr(0, bytes))) + 1;
  }
  return {origin.path, origin.line_offset + mark.line + 1, col};
}

std::optional<YAML::Node> parse_yaml(const YamlOrigin& origin, Report& report) {
  try {
    return YAML::Load(std::string(origin.text));
  } catch (const YAML::Exception& e) {
    report.error(to_position(e.mark, origin), report.t(Msg::kYamlSyntax, {e.msg}), report.t(Msg::kYamlSyntaxHint));
  } catch (const std::exception& e) {
    report.error({origin.path, origin.line_offset + 1, 0}, report.t(Msg::kYamlSyntax, {e.what()}),
                 report.t(Msg::kYamlSyntaxHint));
  }
  return std::nullopt;
}

SourcePos position(const YAML::Node& node, const YamlOrigin& origin) {
  try {
    return to_position(node.Mark(), origin);
  } catch (...) {
    return {origin.path, origin.line_offset + 1, 0};
  }
}

}  // namespace kv
