#include "archive/year_archive.h"

#include <algorithm>
#include <vector>

#include "archive/bag_writer.h"
#include "archive/package_links.h"
#include "util/text.h"
#include "write/files.h"
#include "write/output_dir.h"

namespace kv {
namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& relative) {
  for (const auto& part : relative)
    if (!part.empty() && part.string()[0] == '.') return true;
  return false;
}

// The regular files under dir (links not followed, hidden ones left out), relative, sorted.
std::vector<std::string> files_under(const fs::path& dir) {
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

void add_site(const YearArchive& a, BagWriter& bag, const std::vector<std::string>& files) {
  const std::set<std::string> package(files.begin(), files.end());
  for (const auto& path : files) {
    if (path.ends_with(".html")) bag.add("webbplats/" + path, packaged_page(a.site, path, package, a.base));
    else bag.copy("webbplats/" + path, a.site / path);
  }
}

// site.yaml, and of each unit with a folder for the year its enhet.yaml and that folder.
void add_sources(const YearArchive& a, BagWriter& bag) {
  if (fs::is_regular_file(fs::symlink_status(a.content / "site.yaml"))) bag.copy("kalla/site.yaml", a.content / "site.yaml");
  std::vector<std::string> units;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(a.content, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.' || name[0] == '_' || !fs::is_directory(entry.symlink_status())) continue;
    if (fs::is_directory(fs::symlink_status(entry.path() / std::to_string(a.year)))) units.push_back(name);
  }
  std::sort(units.begin(), units.end());
  for (const auto& unit : units) {
    const fs::path folder = a.content / unit;
    if (fs::is_regular_file(fs::symlink_status(folder / "enhet.yaml"))) bag.copy("kalla/" + unit + "/enhet.yaml", folder / "enhet.yaml");
    const std::string year = std::to_string(a.year);
    for (const auto& file : files_under(folder / year)) bag.copy("kalla/" + unit + "/" + year + "/" + file, folder / year / file);
  }
}

// Puts the finished bag at dir, the previous one (if any) removed only after.
void swap_in(const fs::path& made, const fs::path& dir) {
  const fs::path old = dir.parent_path() / ("." + dir.filename().string() + ".gammal");
  fs::remove_all(old);
  if (fs::exists(dir)) fs::rename(dir, old);
  fs::rename(made, dir);
  fs::remove_all(old);
}

}  // namespace

std::vector<std::string> year_site_files(const fs::path& site, int year) {
  std::vector<std::string> files;
  for (auto& path : files_under(site))
    if (in_year_package(path, year)) files.push_back(std::move(path));
  return files;
}

std::string packaged_page(const fs::path& site, const std::string& path, const std::set<std::string>& package,
                          const std::string& base) {
  return package_links(read_file(site / path), path, [&](const std::string& p) { return package.count(p) > 0; }, base);
}

fs::path package_dir(const fs::path& dir, int year) { return dir / ("kvalitet-" + std::to_string(year)); }

bool in_year_package(const std::string& site_path, int year) {
  const std::string y = std::to_string(year) + "/";
  return starts_with(site_path, y) || starts_with(site_path, "jamforelse/" + y) || starts_with(site_path, "assets/");
}

std::optional<size_t> write_year_archive(const YearArchive& a, Diagnostics& diags) {
  const std::vector<std::string> files = year_site_files(a.site, a.year);
  if (!std::any_of(files.begin(), files.end(), [&](const std::string& p) { return starts_with(p, std::to_string(a.year) + "/"); })) {
    diags.error({a.content.generic_string(), 0, 0}, diags.t(Msg::kArchiveNoYear, {std::to_string(a.year)}), diags.t(Msg::kArchiveNoYearHint));
    return std::nullopt;
  }
  const fs::path made = a.dir.parent_path() / ("." + a.dir.filename().string() + ".ny");
  try {
    fs::remove_all(made);
    BagWriter bag(made);
    add_site(a, bag, files);
    add_sources(a, bag);
    bag.finish({{"External-Identifier", "kvalitet-" + std::to_string(a.year)},
                {"External-Description", "kvalitet: " + std::to_string(a.year) + " (webbplats/, kalla/)"},
                {"Kvalitet-Adress", a.base},
                {"Bag-Software-Agent", "kvalitet 0.1.0"}});
    swap_in(made, a.dir);
    return bag.file_count();
  } catch (const WriteError& e) {
    diags.error({e.path().generic_string(), 0, 0}, diags.t(Msg::kArchiveWriteFailed, {write_error_reason(e.error(), diags)}),
                diags.t(Msg::kArchiveWriteFailedHint));
  } catch (const fs::filesystem_error& e) {
    diags.error({e.path1().generic_string(), 0, 0}, diags.t(Msg::kArchiveWriteFailed, {write_error_reason(e.code().value(), diags)}),
                diags.t(Msg::kArchiveWriteFailedHint));
  }
  std::error_code ec;
  fs::remove_all(made, ec);
  return std::nullopt;
}

}  // namespace kv
