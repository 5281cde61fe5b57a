#include "archive/year_archive.h"

#include <stdlib.h>

#include <algorithm>
#include <cerrno>
#include <vector>

#include "archive/bag_check.h"
#include "archive/bag_writer.h"
#include "archive/package_links.h"
#include "load/content_names.h"
#include "load/content_path.h"
#include "render/html/urls.h"
#include "util/text.h"
#include "write/files.h"
#include "write/output_dir.h"
#include "write/swap.h"

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

namespace {

void add_site(const YearArchive& a, BagWriter& bag, const std::vector<std::string>& files) {
  const std::set<std::string> package(files.begin(), files.end());
  for (const auto& path : files) {
    if (path.ends_with(".html")) bag.add("webbplats/" + path, packaged_page(a.site, path, package, a.base));
    else bag.copy("webbplats/" + path, a.site / path);
  }
}

// site.yaml, and of each unit with a folder for the year its enhet.yaml and that folder's
// files, as the content walk finds them (load/content_path.h).
void add_sources(const YearArchive& a, BagWriter& bag) {
  const ContentRoot root(a.content);
  auto add = [&](const std::string& path) {
    if (classify_path(root, a.content / path) == PathState::kInside) bag.copy("kalla/" + path, a.content / path);
  };
  add(kSiteFile);
  for (const auto& unit : year_source_units(a.content, a.year)) add(unit + "/" + kUnitFile);
  for (const auto& file : year_source_files(a.content, a.year)) bag.copy("kalla/" + file, a.content / file);
}

// Whether dir may be replaced: nothing is there, or an unchanged package that kvalitet wrote.
// Anything else (a user's folder, a link, a changed package) is reported and left alone.
bool may_replace(const fs::path& dir, Diagnostics& diags) {
  std::error_code ec;
  const auto status = fs::symlink_status(dir, ec);
  if (!fs::exists(status)) return true;
  std::string why;
  if (!fs::is_directory(status)) {
    why = diags.t(Msg::kBagNotRegular);
  } else if (const auto problems = verify_bag(dir, diags); !problems.empty()) {
    const BagProblem& first = problems.front();
    const std::string where = first.file.lexically_relative(dir).generic_string();
    why = (where.empty() || where == "." ? "" : where + (first.line ? ":" + std::to_string(first.line) : "") + ": ") + first.message;
    if (problems.size() > 1) why += " (+" + std::to_string(problems.size() - 1) + ")";
  }
  if (why.empty()) return true;
  diags.error({dir.generic_string(), 0, 0}, diags.t(Msg::kArchiveNotOurs, {dir.generic_string(), why}), diags.t(Msg::kArchiveNotOursHint));
  return false;
}

// A new, empty folder beside dir for the bag being made: mkdtemp's name cannot be taken
// beforehand, and a folder of that name is never anybody else's to remove.
fs::path new_bag_folder(const fs::path& dir) {
  std::error_code ec;
  const fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
  fs::create_directories(parent, ec);
  if (ec) throw WriteError(parent, ec.value());
  std::string pattern = (parent / ("." + dir.filename().string() + ".ny-XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) throw WriteError(parent, errno);
  return pattern;
}

// Puts the finished bag at dir in one step; the previous package (checked by may_replace)
// ends up at made's name or beside it, and is removed after.
void swap_in(const fs::path& made, const fs::path& dir) {
  const fs::path aside = made.string() + ".gammal";
  if (const auto ec = swap_into_place(made, dir, aside)) throw WriteError(dir, ec.value());
  std::error_code ignored;
  fs::remove_all(made, ignored);
  fs::remove_all(aside, ignored);
}

}  // namespace

std::vector<std::string> year_site_files(const fs::path& site, int year) {
  std::vector<std::string> files;
  for (auto& path : regular_files_under(site))
    if (in_year_package(path, year)) files.push_back(std::move(path));
  return files;
}

std::string packaged_page(const fs::path& site, const std::string& path, const std::set<std::string>& package,
                          const std::string& base) {
  return package_links(read_file(site / path), path, [&](const std::string& p) { return package.count(p) > 0; }, base);
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

std::optional<size_t> write_year_archive(const YearArchive& a, Diagnostics& diags) {
  const std::vector<std::string> files = year_site_files(a.site, a.year);
  if (!std::any_of(files.begin(), files.end(), [&](const std::string& p) { return starts_with(p, std::to_string(a.year) + "/"); })) {
    diags.error({a.content.generic_string(), 0, 0}, diags.t(Msg::kArchiveNoYear, {std::to_string(a.year)}), diags.t(Msg::kArchiveNoYearHint));
    return std::nullopt;
  }
  if (!may_replace(a.dir, diags)) return std::nullopt;
  fs::path made;
  try {
    made = new_bag_folder(a.dir);
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
  if (!made.empty()) fs::remove_all(made, ec);
  return std::nullopt;
}

}  // namespace kv
