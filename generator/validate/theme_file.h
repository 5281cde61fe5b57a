// Themes: a folder in themes/ with CSS and assets, optionally layouts/ that override the
// layouts of templates/layouts, and optionally tema.yaml naming a parent theme
// (`bygger_på: default`) whose files it inherits and overrides. Read during validation, so
// `kvalitet check` reports a wrong theme or tema.yaml as `build` does.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "diag/diagnostics.h"
#include "model/theme.h"

namespace kv {

// Resolves the theme called name in themes_dir, reading each tema.yaml along the chain;
// reports an unknown theme or parent, a bad tema.yaml, or a cycle (an unknown theme at
// `where`, site.yaml's place). nullopt after a report.
std::optional<model::Theme> read_theme(const std::filesystem::path& themes_dir, const std::string& name,
                                       const std::filesystem::path& where, Diagnostics& diagnostics);

}  // namespace kv
