// A theme's files in the site: its layouts override templates/layouts, its other files are
// the site's assets/. The theme itself (which folders, tema.yaml) is read by validation
// (validate/theme_file.h) into a model::Theme.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "model/theme.h"
#include "write/output_tree.h"

namespace kv {

// Where to look for layouts, most specific first, ending with the default layouts.
std::vector<std::filesystem::path> theme_layout_dirs(const model::Theme& theme,
                                                     const std::filesystem::path& default_layouts);

// Copies the assets (everything but layouts/, tema.yaml and README.md) under the site-relative
// folder dir; where a theme and its parent have the same file, the chosen theme's wins.
void copy_theme_assets(const model::Theme& theme, const OutputTree& out, const std::string& dir);

}  // namespace kv
