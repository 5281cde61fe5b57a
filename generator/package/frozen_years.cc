#include "package/frozen_years.h"

#include <set>

#include "load/content_names.h"
#include "package/bag_check.h"
#include "package/year_package.h"
#include "render/html/urls.h"
#include "util/sha256.h"
#include "util/text.h"
#include "write/files.h"
#include "write/output_tree.h"

namespace kv {
namespace fs = std::filesystem;

namespace {

fs::path web_of(const fs::path& bag) { return bag / "data" / kPackageSite; }

bool same_bytes(const fs::path& a, const fs::path& b) {
  const auto x = sha256_file(a), y = sha256_file(b);
  return x && y && *x == *y;
}

bool package_present(int year, const fs::path& bag, const fs::path& content_root, Diagnostics& diags) {
  std::error_code ec;
  if (fs::is_directory(fs::symlink_status(bag, ec))) return true;
  const std::string y = std::to_string(year);
  diags.error({(content_root / kSiteFile).generic_string(), 0, 0}, diags.t(Msg::kFrozenNoPackage, {y, bag.generic_string()}),
              diags.t(Msg::kFrozenNoPackageHint, {y, (content_root / kArchiveFolder).generic_string()}));
  return false;
}

// The year's sources, as the package holds them and as the content folder has them now: the
// same files (unit/year/relative path) with the same bytes.
bool same_sources(int year, const fs::path& bag, const fs::path& content_root, Diagnostics& diags) {
  const std::string y = std::to_string(year);
  const fs::path kalla = bag / "data" / kPackageSources;
  const std::vector<std::string> kept_files = year_source_files(kalla, year), now_files = year_source_files(content_root, year);
  const std::set<std::string> kept(kept_files.begin(), kept_files.end()), now(now_files.begin(), now_files.end());
  bool same = true;
  auto differs = [&](const fs::path& file, Msg what) {
    diags.error({file.generic_string(), 0, 0}, diags.t(what, {y}), diags.t(Msg::kFrozenSourceHint, {y}));
    same = false;
  };
  for (const auto& path : kept) {
    if (!now.count(path)) differs(kalla / path, Msg::kFrozenSourceGone);
    else if (!same_bytes(kalla / path, content_root / path)) differs(content_root / path, Msg::kFrozenSourceChanged);
  }
  for (const auto& path : now)
    if (!kept.count(path)) differs(content_root / path, Msg::kFrozenSourceAdded);
  return same;
}

bool check_year(int year, const fs::path& content_root, Diagnostics& diags) {
  const fs::path bag = package_dir(content_root / kArchiveFolder, year);
  if (!package_present(year, bag, content_root, diags)) return false;
  const auto problems = verify_bag(bag, diags);
  for (const auto& p : problems)
    diags.error({p.file.generic_string(), p.line, 0}, p.message, diags.t(Msg::kFrozenPackageHint, {std::to_string(year)}));
  // A package that is not intact says nothing reliable about the sources.
  return problems.empty() && same_sources(year, bag, content_root, diags);
}

}  // namespace

bool check_frozen_years(const std::vector<int>& years, const fs::path& content_root, Diagnostics& diags) {
  bool ok = true;
  for (int year : years) ok = check_year(year, content_root, diags) && ok;
  return ok;
}

int place_frozen_years(const std::vector<int>& years, const fs::path& content_root, const OutputTree& tree) {
  int pages = 0;
  const std::string assets = assets_dir() + "/";
  for (int year : years) {
    const fs::path web = web_of(package_dir(content_root / kArchiveFolder, year));
    for (const auto& path : year_site_files(web, year)) {
      std::error_code ec;
      if (starts_with(path, assets) && fs::exists(tree.root() / path, ec)) continue;  // the current theme's
      tree.copy(web / path, path);
      pages += path.ends_with(".html") && !starts_with(path, assets);
    }
  }
  return pages;
}

}  // namespace kv
