// Reads site.yaml's tillgänglighet: section, the accessibility statement the law requires
// of every public-sector website (see docs/content-model.md).
#pragma once
#include <optional>

#include "model/accessibility.h"
#include "validate/map_reader.h"

namespace kv {

// Reports every problem; returns nullopt when a required part is missing or wrong.
std::optional<model::AccessibilityStatement> read_accessibility(const YAML::Node& node, const YamlOrigin& origin,
                                                                Diagnostics& diagnostics);

}  // namespace kv
