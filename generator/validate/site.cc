#include "validate/site.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <stdexcept>

#include "load/content_names.h"
#include "util/limits.h"
#include "load/yaml.h"
#include "load/source.h"
#include "model/fields.h"
#include "model/review_form.h"
#include "util/excel_text.h"
#include "util/parallel.h"
#include "util/text.h"
#include "validate/accessibility.h"
#include "validate/file_inventory.h"
#include "validate/links.h"
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

// The range of lix_gräns is the field table's, which the schema shows too.
const model::FieldSpec& lix_limit_field() {
  for (const auto& f : model::site_fields())
    if (f.key == "lix_gräns") return f;
  throw std::logic_error("site_fields() lacks lix_gräns");
}

// frysta_år: years, each once.
std::vector<int> read_frozen_years(MapReader& map) {
  std::vector<int> years;
  Diagnostics& diagnostics = map.diagnostics();
  for (const auto& item : map.list("frysta_år", Need::kOptional)) {
    const std::string text = item.IsScalar() ? item.Scalar() : "";
    const auto year = parse_whole_number(text);
    const SourcePos at = position(item, map.origin());
    if (!year || *year < 1900 || *year > 2999)
      diagnostics.error(at, diagnostics.t(Msg::kFrozenYearInvalid, {text}), diagnostics.t(Msg::kFrozenYearInvalidHint));
    else if (std::find(years.begin(), years.end(), *year) == years.end())
      years.push_back(static_cast<int>(*year));
  }
  return years;
}

// bedömare: each gets a sheet in the review forms and a form of their own, named by the
// slug of their name, so two may give neither one sheet name nor one file name.
std::vector<std::string> read_reviewers(MapReader& map) {
  std::vector<std::string> reviewers;
  std::set<std::string> sheets;
  std::map<std::string, std::string> slugs;  // slug → the first name with it
  for (const auto& item : map.list("bedömare", Need::kOptional)) {
    auto name = read_text(item, "bedömare", map.origin(), map.diagnostics());
    if (!name || trim(*name).empty()) continue;
    const std::string trimmed(trim(*name));
    const std::string sheet = fold_case(xlsx::sheet_name(trimmed));
    if (!sheets.insert(sheet).second) {
      map.diagnostics().error(position(item, map.origin()), map.diagnostics().t(Msg::kReviewerTwice, {trimmed}),
                         map.diagnostics().t(Msg::kReviewerTwiceHint));
      continue;
    }
    const std::string slug = model::reviewer_slug(trimmed);
    if (auto [it, fresh] = slugs.insert({slug, trimmed}); !fresh) {
      map.diagnostics().error(position(item, map.origin()),
                              map.diagnostics().t(Msg::kReviewerSlugTwice, {it->second, trimmed, slug}),
                              map.diagnostics().t(Msg::kReviewerSlugTwiceHint));
      continue;
    }
    reviewers.push_back(trimmed);
  }
  return reviewers;
}

bool check_slug(const fs::path& folder, Diagnostics& diagnostics) {
  std::string name = folder.filename().string();
  if (valid_slug(name)) return true;
  diagnostics.error({folder.generic_string(), 0, 0}, diagnostics.t(Msg::kBadSlug, {name}), diagnostics.t(Msg::kBadSlugHint, {suggest_slug(name)}));
  return false;
}

// kolada: the unit's id in Kolada, an organisational unit (V15E018000201: V, two digits, a
// letter, nine digits) or a municipality's code (0180). A name here (as `ny --forvaltning`
// once wrote) would only fail later, in `kvalitet kolada`.
void check_unit_kolada(MapReader& map) {
  auto id = map.text("kolada", Need::kOptional);
  if (!id) return;
  auto digits = [](std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); };
  const std::string& v = *id;
  const bool unit = v.size() == 13 && v[0] == 'V' && digits(std::string_view(v).substr(1, 2)) && v[3] >= 'A' && v[3] <= 'Z' &&
                    digits(std::string_view(v).substr(4));
  if (unit || (v.size() == 4 && digits(v))) return;
  Diagnostics& diagnostics = map.diagnostics();
  diagnostics.error(map.pos("kolada"), diagnostics.t(Msg::kUnitKoladaInvalid, {v}), diagnostics.t(Msg::kUnitKoladaInvalidHint));
}

// The unit of folder, or nullopt when enhet.yaml is missing or wrong (reported; not when a
// look-alike such as enhet.yml was reported already).
std::optional<model::Unit> read_unit(const ContentRoot& root, const fs::path& folder, bool lookalike_reported,
                                     Diagnostics& diagnostics) {
  fs::path file = folder / kUnitFile;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(file, ec))) {
    if (!lookalike_reported)
      diagnostics.error({file.generic_string(), 0, 0}, diagnostics.t(Msg::kUnitFileMissing), diagnostics.t(Msg::kUnitFileMissingHint));
    return std::nullopt;
  }
  auto source = read_content_file(root, file, diagnostics);
  if (!source) return std::nullopt;
  YamlOrigin origin{source->path, 0, source->text};
  auto yaml = parse_yaml(origin, diagnostics);
  if (!yaml) return std::nullopt;
  MapReader map(empty_as_map(*yaml), origin, diagnostics, model::keys_of(model::unit_fields()));
  auto name = map.name("namn", Need::kRequired);
  auto administration = map.name("förvaltning", Need::kRequired);
  check_unit_kolada(map);  // read by kvalitet kolada; here checked to be an id Kolada uses
  if (!name || !administration) return std::nullopt;
  return model::Unit{folder.filename().string(), *name, *administration};
}

// "2018/kvalitetsutmarkelsen": a document folder that has a structure, for hints.
std::string kind_folder_example(const StructureSet& structures) {
  for (const auto& [id, s] : structures) return std::to_string(s->year) + "/" + s->kind;
  return "2018/kvalitetsutmarkelsen";
}

std::vector<std::string> kinds_in_year(const StructureSet& structures, long long year) {
  std::vector<std::string> kinds;
  for (const auto& [id, s] : structures)
    if (s->year == year) kinds.push_back(s->kind);
  return kinds;
}

// Finds <enhet>/<år>/<slag>/ folders, reporting misnamed ones and files where none are read.
// A missing or broken enhet.yaml does not stop the unit's documents from being checked (the
// folder name stands in for the unit): every problem in one run.
std::vector<SubmissionLocation> find_submissions(const fs::path& root, const StructureSet& structures, Diagnostics& diagnostics) {
  const ContentRoot content(root);
  const std::vector<std::string> slugs = part_slugs(structures);
  const std::string example = kind_folder_example(structures);
  std::vector<SubmissionLocation> found;
  const Entries root_entries = list_content_folder(root, diagnostics);
  check_root_files(root_entries, slugs, example, diagnostics);
  for (const auto& unit_dir : content_subfolders(content, root_entries, diagnostics)) {
    if (!check_slug(unit_dir, diagnostics)) continue;  // a stray folder gets one error, not one per missing file
    const Entries unit_entries = list_content_folder(unit_dir, diagnostics);
    const auto lookalikes = check_unit_files(unit_dir, unit_entries, slugs, example, diagnostics);
    const std::string slug = unit_dir.filename().string();
    const model::Unit unit =
        read_unit(content, unit_dir, lookalikes.count(kUnitFile) > 0, diagnostics).value_or(model::Unit{slug, slug, slug});
    for (const auto& year_dir : content_subfolders(content, unit_entries, diagnostics)) {
      std::string name = year_dir.filename().string();
      auto year = parse_integer(name);
      if (!year || name.size() != 4) {
        diagnostics.error({year_dir.generic_string(), 0, 0}, diagnostics.t(Msg::kBadYearFolder, {name}), diagnostics.t(Msg::kBadYearHint));
        continue;
      }
      if (*year < kFirstYear || *year > kLastYear) {
        diagnostics.error({year_dir.generic_string(), 0, 0}, diagnostics.t(Msg::kYearOutOfRange, {name}),
                     diagnostics.t(Msg::kYearOutOfRangeHint, {std::to_string(kFirstYear), std::to_string(kLastYear)}));
        continue;
      }
      const Entries year_entries = list_content_folder(year_dir, diagnostics);
      check_year_files(year_dir, year_entries, kinds_in_year(structures, *year), diagnostics);
      for (const auto& kind_dir : content_subfolders(content, year_entries, diagnostics))
        if (check_slug(kind_dir, diagnostics))
          found.push_back({root, kind_dir, unit, static_cast<int>(*year), kind_dir.filename().string()});
    }
  }
  return found;
}

}  // namespace

SiteFile read_site_file(const fs::path& content_root, Lang lang) {
  SiteFile file;
  const fs::path path = content_root / kSiteFile;
  file.path = path.generic_string();
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec))) {
    file.missing = true;
    return file;
  }
  Diagnostics problems{lang, {}, {}};
  file.source = read_content_file(ContentRoot(content_root), path, problems);
  file.read_problems = std::move(problems.list);
  return file;
}

std::optional<Lang> site_file_language(const SiteFile& file) {
  if (!file.source) return std::nullopt;
  Diagnostics ignored;
  auto root = parse_yaml({file.source->path, 0, file.source->text}, ignored);
  if (!root || !root->IsMap()) return std::nullopt;
  const YAML::Node map = *root;
  const YAML::Node lang = map["språk"];  // const: looking up never adds the key
  if (!lang || !lang.IsScalar()) return std::nullopt;
  return parse_lang(lang.Scalar());
}

model::Site site_settings(const SiteFile& file, std::optional<Lang> lang_option, Diagnostics& diagnostics) {
  model::Site site;
  site.title = "Kvalitet i äldreomsorgen";
  diagnostics.list.append(file.read_problems);
  if (file.missing)
    diagnostics.warning({file.path, 0, 0}, diagnostics.t(Msg::kSiteFileMissing), diagnostics.t(Msg::kSiteFileMissingHint));
  if (file.source) {
    YamlOrigin origin{file.source->path, 0, file.source->text};
    if (auto root = parse_yaml(origin, diagnostics)) {
      MapReader map(empty_as_map(*root), origin, diagnostics, model::keys_of(model::site_fields()));
      site.title = map.name("titel", Need::kOptional).value_or(site.title);
      if (auto lang = map.text("språk", Need::kOptional)) {
        if (auto parsed = parse_lang(*lang)) site.lang = *parsed;
        else diagnostics.error(map.pos("språk"), diagnostics.t(Msg::kBadLang, {*lang}), diagnostics.t(Msg::kBadLangHint));
      }
      site.theme = map.text("tema", Need::kOptional).value_or(site.theme);
      if (auto limit = map.integer("lix_gräns", Need::kOptional)) {
        const auto& spec = lix_limit_field();
        if (*limit >= spec.min && *limit <= spec.max) site.lix_limit = static_cast<int>(*limit);
        else
          diagnostics.error(map.pos("lix_gräns"),
                       diagnostics.t(Msg::kBadLixLimit, {std::to_string(*limit), std::to_string(spec.min), std::to_string(spec.max)}),
                       diagnostics.t(Msg::kBadLixLimitHint));
      }
      if (auto url = map.text("adress", Need::kOptional)) {
        if (starts_with(*url, "https://") || starts_with(*url, "http://"))
          site.base_url = url->back() == '/' ? *url : *url + "/";
        else
          diagnostics.error(map.pos("adress"), diagnostics.t(Msg::kBadBaseUrl, {*url}), diagnostics.t(Msg::kBadBaseUrlHint));
      }
      site.reviewers = read_reviewers(map);
      site.frozen_years = read_frozen_years(map);
      if (map.has("tillgänglighet")) {
        if (auto statement = read_accessibility(map.get("tillgänglighet"), origin, diagnostics))
          site.accessibility = std::move(*statement);
      } else {
        diagnostics.warning(map.pos("tillgänglighet"), diagnostics.t(Msg::kStatementMissing), diagnostics.t(Msg::kStatementMissingHint));
      }
    }
  }
  if (lang_option) site.lang = *lang_option;
  return site;
}

// An edition (every unit's document of one kind and year) is compared question by question,
// so it has one structure: the one named after it (<slag>-<år>) when a unit follows that,
// else the first unit's (by slug); units following another are reported.
// Each document whose structure is not its edition's, with the one whose structure is.
static std::vector<std::pair<const model::Submission*, const model::Submission*>> documents_off_edition(const model::Site& site) {
  auto default_named = [](const model::Submission& s) { return s.structure->id == s.kind_slug + "-" + std::to_string(s.year); };
  std::map<std::pair<std::string, int>, const model::Submission*> chosen;
  for (const auto& s : site.submissions) {
    const model::Submission*& c = chosen[{s.kind_slug, s.year}];
    if (!c || (default_named(s) && !default_named(*c))) c = &s;
  }
  std::vector<std::pair<const model::Submission*, const model::Submission*>> off;
  for (const auto& s : site.submissions) {
    const model::Submission* other = chosen[{s.kind_slug, s.year}];
    if (other->structure->id != s.structure->id) off.emplace_back(&s, other);
  }
  return off;
}

static void check_editions(const model::Site& site, Diagnostics& diagnostics) {
  for (const auto& [s, other] : documents_off_edition(site))
    diagnostics.error({s->source_folder + "/" + kAdminFile, 0, 0},
                      diagnostics.t(Msg::kEditionStructures, {other->structure->name, std::to_string(s->year), s->structure->id,
                                                              other->unit.name, other->structure->id}),
                      diagnostics.t(Msg::kEditionStructuresHint, {other->structure->id}));
}

bool editions_agree(const model::Site& site) { return documents_off_edition(site).empty(); }

namespace {

model::DraftNote draft_note(const model::Submission& s, const DiagnosticList& problems) {
  return {s.unit.slug, s.unit.name, s.structure->name + " " + std::to_string(s.year), s.source_folder, s.kind_slug, s.year,
          problems.error_count(), problems.warning_count(), s.structure->deadline};
}

}  // namespace

void read_submissions(const SiteOptions& options, const StructureSet& structures, model::Site& site, Diagnostics& diagnostics,
                      const BrokenStructures& broken) {
  auto locations = find_submissions(options.content_root, structures, diagnostics);
  if (locations.empty() && !diagnostics.list.has_errors()) {
    diagnostics.error({options.content_root.generic_string(), 0, 0}, diagnostics.t(Msg::kNoSubmissions), diagnostics.t(Msg::kNoSubmissionsHint));
    return;
  }
  std::vector<Diagnostics> reports(locations.size(), Diagnostics{diagnostics.lang, {}, {}, diagnostics.drafts});
  std::vector<std::optional<model::Submission>> results(locations.size()), drafts(locations.size());
  std::atomic<bool> stopped{false};
  parallel_for(locations.size(), options.threads, [&](size_t i) {
    if (options.cancelled && *options.cancelled && i % 16 == 0 && (*options.cancelled)()) stopped = true;
    if (stopped) return;
    if (options.cache && options.hashes)
      if (auto kept = options.cache->find(locations[i], *options.hashes, reports[i], structures)) {
        results[i] = std::move(kept->result);
        drafts[i] = std::move(kept->draft);
        reports[i].list = std::move(kept->report);
        return;
      }
    results[i] = read_submission(locations[i], structures, reports[i], broken, &drafts[i]);
    if (options.cache && options.hashes)
      options.cache->keep(locations[i], *options.hashes, reports[i], {results[i], drafts[i], reports[i].list});
  });
  std::vector<model::Submission> with_errors;  // not published, but their links are checked too
  std::vector<std::string> unread;              // not read at all
  for (size_t i = 0; i < locations.size(); ++i) {
    auto& read = results[i] ? results[i] : drafts[i];
    const bool in_full = std::find(options.units.begin(), options.units.end(), locations[i].unit.slug) != options.units.end();
    const bool left_out = read && read->draft && !options.drafts && !in_full;  // a unit's own build has its drafts
    if (left_out && !in_full) site.drafts_left_out.push_back(draft_note(*read, reports[i].list));
    else diagnostics.list.append(reports[i].list);
    if (left_out) with_errors.push_back(std::move(*read));  // links to it still resolve
    else if (results[i]) site.submissions.push_back(std::move(*results[i]));
    else if (drafts[i]) with_errors.push_back(std::move(*drafts[i]));
    else unread.push_back(locations[i].folder.lexically_relative(options.content_root).generic_string());
  }
  std::stable_sort(site.submissions.begin(), site.submissions.end(), [](const auto& a, const auto& b) {
    if (a.year != b.year) return a.year > b.year;
    if (a.unit.slug != b.unit.slug) return a.unit.slug < b.unit.slug;
    return a.kind_slug < b.kind_slug;
  });
  check_editions(site, diagnostics);
  resolve_links(site, with_errors, options.content_root, unread, diagnostics);
}

}  // namespace kv
