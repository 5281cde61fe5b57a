#include "validate/theme_file.h"

#include <algorithm>

#include "load/content_names.h"
#include "load/source.h"
#include "load/yaml.h"
#include "validate/map_reader.h"

namespace kv {
namespace {

namespace fs = std::filesystem;

std::string available(const fs::path& themes_dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(themes_dir, ec))
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  return list;
}

// The parent named in tema.yaml: "" when there is none; nullopt after reporting a problem.
std::optional<std::string> parent_of(const fs::path& theme, Diagnostics& diagnostics) {
  fs::path file = theme / kThemeFile;
  if (!fs::exists(file)) return std::string();
  auto source = read_source(file, diagnostics);
  if (!source) return std::nullopt;
  YamlOrigin origin{source->path, 0, source->text};
  auto root = parse_yaml(origin, diagnostics);
  if (!root) return std::nullopt;
  if (root->IsNull()) return std::string();  // only comments
  MapReader map(*root, origin, diagnostics, {"bygger_på"});
  if (!map.is_map()) return std::nullopt;
  return map.text("bygger_på", MapReader::Need::kOptional).value_or("");
}

}  // namespace

std::optional<model::Theme> read_theme(const fs::path& themes_dir, const std::string& name, const fs::path& where,
                                       Diagnostics& diagnostics) {
  model::Theme theme;
  std::string next = name;
  while (!next.empty()) {
    fs::path dir = themes_dir / next;
    std::error_code ec;
    if (next.find('/') != std::string::npos || next.find("..") != std::string::npos || !fs::is_directory(dir, ec)) {
      fs::path at = theme.chain.empty() ? where : theme.chain.back() / kThemeFile;
      diagnostics.error({at.generic_string(), 0, 0}, diagnostics.t(Msg::kBadTheme, {next}),
                   diagnostics.t(Msg::kBadThemeHint, {available(themes_dir)}));
      return std::nullopt;
    }
    if (std::find(theme.chain.begin(), theme.chain.end(), dir) != theme.chain.end()) {
      diagnostics.error({(theme.chain.back() / kThemeFile).generic_string(), 0, 0}, diagnostics.t(Msg::kThemeCycle, {next}),
                   diagnostics.t(Msg::kThemeCycleHint));
      return std::nullopt;
    }
    theme.chain.push_back(dir);
    auto parent = parent_of(dir, diagnostics);
    if (!parent) return std::nullopt;
    next = *parent;
  }
  return theme;
}

}  // namespace kv
