#include "load/unit_folder.h"

#include <algorithm>
#include <set>

#include "load/content_path.h"
#include "util/text.h"

namespace kv {

namespace fs = std::filesystem;

bool valid_slug(const std::string& name) {
  if (name.empty() || name.front() == '-' || name.back() == '-') return false;
  return std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::string suggest_slug(const std::string& name) { return slugify(name, "enhet"); }

bool is_folder_name(std::string_view name) {
  if (name.empty() || name == "." || name == ".." || name.front() == '.' || name.front() == '_') return false;
  for (size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) return false;
    // U+0080–U+009F, the C1 controls, in UTF-8.
    if (c == 0xc2 && i + 1 < name.size() && static_cast<unsigned char>(name[i + 1]) < 0xa0 &&
        static_cast<unsigned char>(name[i + 1]) >= 0x80)
      return false;
  }
  return true;
}

std::optional<UnitNameError> unit_name_error(const std::string& name, const Diagnostics& diagnostics) {
  if (!is_folder_name(name)) return UnitNameError{diagnostics.t(Msg::kUnitNotFolderName, {name}), diagnostics.t(Msg::kUnitNotFolderNameHint)};
  if (!valid_slug(name))
    return UnitNameError{diagnostics.t(Msg::kScaffoldBadUnit, {name}), diagnostics.t(Msg::kScaffoldBadUnitHint, {suggest_slug(name)})};
  return std::nullopt;
}

std::vector<fs::path> targets_outside(const fs::path& content_root, const std::vector<fs::path>& targets) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(content_root, ec))) return {};
  const ContentRoot root(content_root);
  std::vector<fs::path> outside;
  std::set<fs::path> places;
  for (const auto& t : targets) {
    if (write_target_inside(root, t)) continue;
    fs::path place = t;
    while (place.has_relative_path() && !fs::exists(fs::symlink_status(place, ec))) place = place.parent_path();
    if (places.insert(place).second) outside.push_back(t);
  }
  return outside;
}

}  // namespace kv
