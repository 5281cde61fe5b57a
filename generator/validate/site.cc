#include "validate/site.h"

#include <algorithm>

#include "load/limits.h"
#include "load/source.h"
#include "util/parallel.h"
#include "util/text.h"
#include "validate/accessibility.h"
#include "validate/map_reader.h"
#include "validate/submission.h"
#include "write/output_dir.h"

namespace kv {
namespace {

namespace fs = std::filesystem;
using Need = MapReader::Need;

// Plausible years for a document: the archive's documents start in the 2000s, and a year
// folder like 0000 would give workbooks a date Excel cannot show.
constexpr long long kFirstYear = 1900, kLastYear = 2200;

// Subfolders to walk into: not hidden, not an earlier build's output (see write/output_dir.h),
// and inside the content folder after following links (a link out is reported, not followed).
std::vector<fs::path> subfolders(const ContentRoot& root, const fs::path& dir, Report& report) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& entry : list_content_folder(dir, report)) {
    std::string name = entry.path().filename().string();
    if (!entry.is_directory(ec) || name.front() == '.' || name.front() == '_') continue;
    if (is_output_folder(entry.path())) continue;
    if (check_content_path(root, entry.path(), name, {entry.path().generic_string(), 0, 0}, report, true))
      out.push_back(entry.path());
  }
  return out;
}

bool check_slug(const fs::path& folder, Report& report) {
  std::string name = folder.filename().string();
  if (valid_slug(name)) return true;
  report.error({folder.generic_string(), 0, 0}, report.t(Msg::kBadSlug, {name}), report.t(Msg::kBadSlugHint, {suggest_slug(name)}));
  return false;
}

std::optional<model::Unit> read_unit(const ContentRoot& root, const fs::path& folder, Report& report) {
  fs::path file = folder / "enhet.yaml";
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(file, ec))) {
    report.error({file.generic_string(), 0, 0}, report.t(Msg::kUnitFileMissing), report.t(Msg::kUnitFileMissingHint));
    return std::nullopt;
  }
  auto source = read_content_file(root, file, report);
  if (!source) return std::nullopt;
  YamlOrigin origin{source->path, 0, source->text};
  auto yaml = parse_yaml(origin, report);
  if (!yaml) return std::nullopt;
  MapReader map(*yaml, origin, report, {"namn", "förvaltning"});
  auto name = map.name("namn", Need::kRequired);
  auto administration = map.name("förvaltning", Need::kRequired);
  if (!name || !administration) return std::nullopt;
  return model::Unit{folder.filename().string(), *name, *administration};
}

// Finds <enhet>/<år>/<slag>/ folders, reporting misnamed ones.
std::vector<SubmissionLocation> find_submissions(const fs::path& root, Report& report) {
  const ContentRoot content(root);
  std::vector<SubmissionLocation> found;
  for (const auto& unit_dir : subfolders(content, root, report)) {
    if (!check_slug(unit_dir, report)) continue;
    auto unit = read_unit(content, unit_dir, report);
    if (!unit) continue;
    for (const auto& year_dir : subfolders(content, unit_dir, report)) {
      std::string name = year_dir.filename().string();
      auto year = parse_integer(name);
      if (!year || name.size() != 4) {
        report.error({year_dir.generic_string(), 0, 0}, report.t(Msg::kBadYearFolder, {name}), report.t(Msg::kBadYearHint));
        continue;
      }
      if (*year < kFirstYear || *year > kLastYear) {
        report.error({year_dir.generic_string(), 0, 0}, report.t(Msg::kYearOutOfRange, {name}),
                     report.t(Msg::kYearOutOfRangeHint, {std::to_string(kFirstYear), std::to_string(kLastYear)}));
        continue;
      }
      for (const auto& kind_dir : subfolders(content, year_dir, report))
        if (check_slug(kind_dir, report))
          found.push_back({root, kind_dir, *unit, static_cast<int>(*year), kind_dir.filename().string()});
    }
  }
  return found;
}

}  // namespace

bool valid_slug(const std::string& name) {
  if (name.empty() || name.front() == '-' || name.back() == '-') return false;
  return std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::string suggest_slug(const std::string& name) { return slugify(name, "enhet"); }

model::Site read_site_settings(const SiteOptions& options, Report& report) {
  model::Site site;
  site.title = "Kvalitet i äldreomsorgen";
  fs::path file = options.content_root / "site.yaml";
  std::error_code ec;
  if (fs::exists(fs::symlink_status(file, ec))) {
    if (auto source = read_content_file(ContentRoot(options.content_root), file, report)) {
      YamlOrigin origin{source->path, 0, source->text};
      if (auto root = parse_yaml(origin, report)) {
        MapReader map(*root, origin, report, {"titel", "språk", "tema", "adress", "tillgänglighet"});
        site.title = map.name("titel", Need::kOptional).value_or(site.title);
        if (auto lang = map.text("språk", Need::kOptional)) {
          if (auto parsed = parse_lang(*lang)) site.lang = *parsed;
          else report.error(map.pos("språk"), report.t(Msg::kBadLang, {*lang}), report.t(Msg::kBadLangHint));
        }
        site.theme = map.text("tema", Need::kOptional).value_or(site.theme);
        if (auto url = map.text("adress", Need::kOptional)) {
          if (starts_with(*url, "https://") || starts_with(*url, "http://"))
            site.base_url = url->back() == '/' ? *url : *url + "/";
          else
            report.error(map.pos("adress"), report.t(Msg::kBadBaseUrl, {*url}), report.t(Msg::kBadBaseUrlHint));
        }
        if (map.has("tillgänglighet")) {
          if (auto statement = read_accessibility(map.get("tillgänglighet"), origin, report))
            site.accessibility = std::move(*statement);
        } else {
          report.warning(map.pos("tillgänglighet"), report.t(Msg::kStatementMissing), report.t(Msg::kStatementMissingHint));
        }
      }
    }
  } else {
    report.warning({file.generic_string(), 0, 0}, report.t(Msg::kSiteFileMissing), report.t(Msg::kSiteFileMissingHint));
  }
  if (options.lang) site.lang = *options.lang;
  return site;
}

void read_submissions(const SiteOptions& options, const StructureSet& structures, model::Site& site, Report& report) {
  auto locations = find_submissions(options.content_root, report);
  if (locations.empty() && !report.diags.has_errors()) {
    report.error({options.content_root.generic_string(), 0, 0}, report.t(Msg::kNoSubmissions), report.t(Msg::kNoSubmissionsHint));
    return;
  }
  std::vector<Report> reports(locations.size(), Report{report.lang, {}, {}});
  std::vector<std::optional<model::Submission>> results(locations.size());
  parallel_for(locations.size(), options.threads, [&](size_t i) {
    results[i] = read_submission(locations[i], structures, reports[i]);
  });
  for (size_t i = 0; i < locations.size(); ++i) {
    report.diags.append(reports[i].diags);
    if (results[i]) site.submissions.push_back(std::move(*results[i]));
  }
  std::stable_sort(site.submissions.begin(), site.submissions.end(), [](const auto& a, const auto& b) {
    if (a.year != b.year) return a.year > b.year;
    if (a.unit.slug != b.unit.slug) return a.unit.slug < b.unit.slug;
    return a.kind_slug < b.kind_slug;
  });
}

}  // namespace kv
