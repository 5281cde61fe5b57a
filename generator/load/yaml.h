// YAML parsing that keeps source positions, for files and for blocks inside Markdown.
#pragma once
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string_view>

#include "diag/diagnostics.h"

namespace kv {

// Where a piece of YAML text sits in its file: line_offset lines precede its first line.
struct YamlOrigin {
  std::string path;
  int line_offset = 0;
  std::string_view text;  // the YAML text itself, to turn yaml-cpp's byte columns into characters
};

// Parses text; a syntax error is reported at its place and gives nullopt.
// Never throws.
std::optional<YAML::Node> parse_yaml(const YamlOrigin& origin, Diagnostics& diagnostics);

// A file of nothing but comments (or nothing at all) is an empty mapping: every key of it
// optional means it may be empty. Any other node is returned as it is.
YAML::Node empty_as_map(const YAML::Node& root);

// The file position of node (its first character).
SourcePos position(const YAML::Node& node, const YamlOrigin& origin);

}  // namespace kv
