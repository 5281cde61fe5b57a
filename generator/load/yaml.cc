#include "load/yaml.h"

#include <string>

#include "load/yaml_errors.h"
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

static void report_yaml(const YamlErrorText& why, const YamlOrigin& origin, Diagnostics& diagnostics) {
  SourcePos pos{origin.path, origin.line_offset + 1, 0};
  if (why.line >= 0) {
    YAML::Mark mark;
    mark.line = why.line;
    mark.column = why.column;
    pos = to_position(mark, origin);
  }
  // A text line not indented under its key is the same mistake whether or not yaml-cpp could
  // read the rest (MapReader reports it too): no "syntax error" for it.
  std::string message = diagnostics.t(why.message, why.args);
  if (why.message != Msg::kTextLineNotIndented) message = diagnostics.t(Msg::kYamlSyntax, {message});
  diagnostics.error(pos, std::move(message), diagnostics.t(why.hint, why.hint_args));
}

std::optional<YAML::Node> parse_yaml(const YamlOrigin& origin, Diagnostics& diagnostics) {
  try {
    YAML::Node root = YAML::Load(std::string(origin.text));
    // The rest of the text swallowed by a quote that never closes is lost content.
    if (auto unclosed = find_unclosed_quote(root, origin.text)) {
      report_yaml(*unclosed, origin, diagnostics);
      return std::nullopt;
    }
    return root;
  } catch (const YAML::Exception& e) {
    report_yaml(explain_yaml_error(e, origin.text), origin, diagnostics);
  } catch (const std::exception& e) {
    diagnostics.error({origin.path, origin.line_offset + 1, 0}, diagnostics.t(Msg::kYamlSyntax, {e.what()}),
                 diagnostics.t(Msg::kYamlSyntaxHint));
  }
  return std::nullopt;
}

YAML::Node empty_as_map(const YAML::Node& root) {
  return root.IsNull() ? YAML::Node(YAML::NodeType::Map) : root;
}

SourcePos position(const YAML::Node& node, const YamlOrigin& origin) {
  try {
    return to_position(node.Mark(), origin);
  } catch (...) {
    return {origin.path, origin.line_offset + 1, 0};
  }
}

}  // namespace kv
