// Themes: a folder in themes/ with CSS and assets, optionally layouts/ that override the
// layouts of templates/layouts, and optionally tema.yaml naming a parent theme
// (`bygger_på: default`) whose files it inherits and overrides.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "write/output_tree.h"

namespace kv {

struct Theme {
  std::vector<std::filesystem::path> chain;  // the chosen theme first, then its parents

  // Where to look for layouts, most specific first, ending with the default layouts.
  std::vector<std::filesystem::path> layout_dirs(const std::filesystem::path& default_layouts) const;
  // Copies the assets (everything but layouts/, tema.yaml and README.md) under the site-relative
  // folder dir; where a theme and its parent have the same file, the chosen theme's wins.
  void copy_assets(const OutputTree& out, const std::string& dir) const;
};

// Resolves a theme by name; reports an unknown theme or parent, or a cycle, at `where`.
std::optional<Theme> resolve_theme(const std::filesystem::path& themes_dir, const std::string& name,
                                   const std::filesystem::path& where, Diagnostics& report);

}  // namespace kv
