#include "render/theme.h"

#include <map>

#include "load/content_names.h"

namespace kv {

namespace fs = std::filesystem;

std::vector<fs::path> theme_layout_dirs(const model::Theme& theme, const fs::path& default_layouts) {
  std::vector<fs::path> dirs;
  for (const auto& folder : theme.chain) dirs.push_back(folder / kThemeLayoutsFolder);
  dirs.push_back(default_layouts);
  return dirs;
}

void copy_theme_assets(const model::Theme& theme, const OutputTree& out, const std::string& dir) {
  std::map<std::string, fs::path> files;  // site-relative path → the file that wins
  for (auto it = theme.chain.rbegin(); it != theme.chain.rend(); ++it)
    for (const auto& entry : fs::directory_iterator(*it)) {
      std::string name = entry.path().filename().string();
      if (name == kThemeLayoutsFolder || name == kThemeFile || name == "README.md") continue;  // not for the site
      if (!entry.is_directory()) {
        files[dir + "/" + name] = entry.path();
        continue;
      }
      for (const auto& inner : fs::recursive_directory_iterator(entry.path()))
        if (!inner.is_directory())
          files[dir + "/" + name + "/" + fs::relative(inner.path(), entry.path()).generic_string()] = inner.path();
    }
  for (const auto& [path, from] : files) out.copy(from, path);
}

}  // namespace kv
