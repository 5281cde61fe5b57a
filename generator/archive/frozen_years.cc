#include "archive/frozen_years.h"

#include <fstream>
#include <set>

#include "archive/year_archive.h"
#include "util/text.h"
#include "write/files.h"

namespace kv {
namespace fs = std::filesystem;

namespace {

// bag-info.txt's Kvalitet-Adress: the address the package's links were made for.
std::string package_base(const fs::path& bag) {
  std::ifstream in(bag / "bag-info.txt");
  std::string line;
  const std::string key = "Kvalitet-Adress: ";
  while (std::getline(in, line))
    if (starts_with(line, key)) return line.substr(key.size());
  return "";
}

std::string made_as_packaged(const fs::path& staging, const std::string& path, const std::set<std::string>& made,
                             const std::string& base) {
  return path.ends_with(".html") ? packaged_page(staging, path, made, base) : read_file(staging / path);
}

bool check_year(int year, const fs::path& staging, const fs::path& content_root, Diagnostics& diags) {
  const fs::path bag = package_dir(content_root / kArchiveFolder, year), web = bag / "data" / "webbplats";
  const std::string y = std::to_string(year);
  const std::string base = package_base(bag);
  if (base.empty() || !fs::is_directory(web)) {
    diags.error({(content_root / "site.yaml").generic_string(), 0, 0}, diags.t(Msg::kFrozenNoPackage, {y, bag.generic_string()}),
                diags.t(Msg::kFrozenNoPackageHint, {y, (content_root / kArchiveFolder).generic_string()}));
    return false;
  }
  const auto made = year_site_files(staging, year), kept = year_site_files(web, year);
  const std::set<std::string> made_set(made.begin(), made.end()), kept_set(kept.begin(), kept.end());
  bool same = true;
  auto differs = [&](const std::string& path, Msg what) {
    diags.error({(web / path).generic_string(), 0, 0}, diags.t(what, {y}), diags.t(Msg::kFrozenChangedHint, {y}));
    same = false;
  };
  for (const auto& path : kept) {
    if (!made_set.count(path)) {
      if (!path.ends_with(".pdf")) differs(path, Msg::kFrozenGone);  // PDFs only in a build that makes them
    } else if (made_as_packaged(staging, path, made_set, base) != read_file(web / path)) {
      differs(path, Msg::kFrozenChanged);
    }
  }
  for (const auto& path : made)
    if (!kept_set.count(path) && !path.ends_with(".pdf")) differs(path, Msg::kFrozenAdded);
  return same;
}

}  // namespace

bool check_frozen_years(const std::vector<int>& years, const fs::path& staging, const fs::path& content_root, Diagnostics& diags) {
  bool ok = true;
  for (int year : years) ok = check_year(year, staging, content_root, diags) && ok;
  return ok;
}

}  // namespace kv
