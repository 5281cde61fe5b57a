#include "archive/year_archive.h"

#include <stdlib.h>

#include <algorithm>
#include <cerrno>
#include <vector>

#include "archive/package_links.h"
#include "load/content_names.h"
#include "load/content_path.h"
#include "package/bag_check.h"
#include "package/bag_writer.h"
#include "package/year_package.h"
#include "util/text.h"
#include "write/files.h"
#include "write/output_dir.h"
#include "write/swap.h"

namespace kv {
namespace fs = std::filesystem;

namespace {

void add_site(const YearArchive& a, BagWriter& bag, const std::vector<std::string>& files) {
  const std::set<std::string> package(files.begin(), files.end());
  for (const auto& path : files) {
    if (path.ends_with(".html")) bag.add(std::string(kPackageSite) + "/" + path, packaged_page(a.site, path, package, a.base));
    else bag.copy(std::string(kPackageSite) + "/" + path, a.site / path);
  }
}

// site.yaml, and of each unit with a folder for the year its enhet.yaml and that folder's
// files, as the content walk finds them (load/content_path.h).
void add_sources(const YearArchive& a, BagWriter& bag) {
  const ContentRoot root(a.content);
  auto add = [&](const std::string& path) {
    if (classify_path(root, a.content / path) == PathState::kInside) bag.copy(std::string(kPackageSources) + "/" + path, a.content / path);
  };
  add(kSiteFile);
  for (const auto& unit : year_source_units(a.content, a.year)) add(unit + "/" + kUnitFile);
  for (const auto& file : year_source_files(a.content, a.year)) bag.copy(std::string(kPackageSources) + "/" + file, a.content / file);
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

std::string packaged_page(const fs::path& site, const std::string& path, const std::set<std::string>& package,
                          const std::string& base) {
  return package_links(read_file(site / path), path, [&](const std::string& p) { return package.count(p) > 0; }, base);
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
                {"External-Description", "kvalitet: " + std::to_string(a.year) + " (" + kPackageSite + "/, " + kPackageSources + "/)"},
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
