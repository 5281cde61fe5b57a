#include "package/year_package.h"

#include <algorithm>

#include "load/content_path.h"
#include "render/html/urls.h"
#include "util/text.h"

namespace kv {
namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& relative) {
  for (const auto& part : relative)
    if (!part.empty() && part.string()[0] == '.') return true;
  return false;
}

}  // namespace

std::vector<std::string> regular_files_under(const fs::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(dir, ec))) return out;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path rel = fs::relative(it->path(), dir);
    if (hidden(rel)) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (fs::is_regular_file(it->symlink_status())) out.push_back(rel.generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The content walk's problems (a link out, a folder too large) are `check`'s to report: every
// build reports them before a package is written or compared.
std::vector<std::string> year_source_units(const fs::path& content, int year) {
  Diagnostics ignored;
  const ContentRoot root(content);
  std::vector<std::string> units;
  for (const auto& unit : content_subfolders(root, list_content_folder(content, ignored), ignored)) {
    const fs::path year_dir = unit / std::to_string(year);
    if (!is_skipped_folder(year_dir) && classify_path(root, year_dir, true) == PathState::kInside)
      units.push_back(unit.filename().string());
  }
  return units;
}

std::vector<std::string> year_source_files(const fs::path& content, int year) {
  Diagnostics ignored;
  const ContentRoot root(content);
  const std::string y = std::to_string(year);
  std::vector<std::string> files;
  for (const auto& unit : year_source_units(content, year))
    for (const auto& file : content_files_under(root, content / unit / y, ignored)) files.push_back(unit + "/" + y + "/" + file);
  return files;
}

std::vector<std::string> year_site_files(const fs::path& site, int year) {
  std::vector<std::string> files;
  for (auto& path : regular_files_under(site))
    if (in_year_package(path, year)) files.push_back(std::move(path));
  return files;
}

fs::path package_dir(const fs::path& dir, int year) { return dir / ("kvalitet-" + std::to_string(year)); }

bool in_year_package(const std::string& site_path, int year) {
  const std::string y = std::to_string(year) + "/", media = media_dir() + "/";
  if (starts_with(site_path, media)) {  // media/<enhet>/<år>/…, as render/html copies images
    const size_t unit_end = site_path.find('/', media.size());
    return unit_end != std::string::npos && site_path.compare(unit_end + 1, y.size(), y) == 0;
  }
  return starts_with(site_path, y) || starts_with(site_path, compare_year_dir(year) + "/") ||
         starts_with(site_path, assets_dir() + "/");
}

}  // namespace kv
