#include "validate/decisions.h"

#include <algorithm>
#include <set>

#include "load/content_names.h"
#include "load/content_path.h"
#include "load/source.h"
#include "load/yaml.h"
#include "util/text.h"
#include "validate/map_reader.h"
#include "validate/report_blocks.h"

namespace kv {
namespace {

namespace fs = std::filesystem;
using Need = MapReader::Need;

// The edition a decision file names by its place: <år>/<slag>.yaml; nullopt otherwise.
struct EditionName {
  int year = 0;
  std::string kind;
};
std::optional<EditionName> edition_of(const std::string& rel) {
  const fs::path p(rel);
  const std::string year = p.parent_path().generic_string();
  if (year.size() != 4 || !std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  if (p.extension() != kDecisionExtension || p.stem().empty()) return std::nullopt;
  return EditionName{std::stoi(year), p.stem().string()};
}

// The editions that have a submitted document, as "<år>/<slag>", for hints.
std::vector<std::string> submitted_editions(const model::Site& site) {
  std::set<std::string> names;
  for (const auto& s : site.submissions)
    if (!s.draft) names.insert(std::to_string(s.year) + "/" + s.kind_slug);
  return {names.begin(), names.end()};
}

// Paragraphs of a motivation: the text split at blank lines.
std::vector<std::string> paragraphs(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    std::string p{trim(text.substr(start, end - start))};
    if (!p.empty()) out.push_back(std::move(p));
    start = end + 2;
  }
  return out;
}

class DecisionReader {
 public:
  DecisionReader(const model::Site& site, const EditionName& edition, Diagnostics& diagnostics)
      : site_(site), edition_(edition), diagnostics_(diagnostics) {}

  // One entry of vinnare: or hedersomnämnanden:; nullopt when it names no unit that may win.
  std::optional<model::Award> award(const YAML::Node& node, const YamlOrigin& origin) {
    MapReader map(node, origin, diagnostics_, {"enhet", "motivering"});
    if (!map.is_map()) return std::nullopt;
    auto unit = map.text("enhet", Need::kRequired);
    auto motivation = map.text("motivering", Need::kRequired);
    if (!unit) return std::nullopt;
    const SourcePos at = map.pos("enhet");
    if (!named_.insert(*unit).second) {
      diagnostics_.error(at, diagnostics_.t(Msg::kDecisionTwice, {*unit}), diagnostics_.t(Msg::kDecisionTwiceHint));
      return std::nullopt;
    }
    const model::Submission* doc = document_of(*unit, at);
    if (!doc || !motivation) return std::nullopt;
    // Not empty: text() reports an empty motivering: (all blanks included) and gives none.
    return model::Award{doc->unit.slug, doc->unit.name, paragraphs(*motivation)};
  }

 private:
  // The unit's submitted document of the edition, or a report of why there is none.
  const model::Submission* document_of(const std::string& unit, const SourcePos& at) {
    const std::string edition = std::to_string(edition_.year) + "/" + edition_.kind;
    std::vector<std::string> in_edition, units;
    const model::Submission* found = nullptr;
    for (const auto& s : site_.submissions) {
      units.push_back(s.unit.slug);
      if (s.year != edition_.year || s.kind_slug != edition_.kind) continue;
      if (!s.draft) in_edition.push_back(s.unit.slug);
      if (s.unit.slug == unit) found = &s;
    }
    for (const auto& d : site_.drafts_left_out) units.push_back(d.unit_slug);
    const bool draft_left_out = std::any_of(site_.drafts_left_out.begin(), site_.drafts_left_out.end(), [&](const auto& d) {
      return d.unit_slug == unit && d.year == edition_.year && d.kind_slug == edition_.kind;
    });
    if (found && !found->draft) return found;
    if (found || draft_left_out)
      diagnostics_.error(at, diagnostics_.t(Msg::kDecisionDraft, {unit, edition}), diagnostics_.t(Msg::kDecisionDraftHint));
    else if (std::find(units.begin(), units.end(), unit) != units.end())
      diagnostics_.error(at, diagnostics_.t(Msg::kDecisionNoDocument, {unit, edition}), diagnostics_.suggest(unit, in_edition));
    else
      diagnostics_.error(at, diagnostics_.t(Msg::kDecisionUnknownUnit, {unit}), diagnostics_.suggest(unit, in_edition));
    return nullptr;
  }

  const model::Site& site_;
  EditionName edition_;
  Diagnostics& diagnostics_;
  std::set<std::string> named_;  // a unit is named once, in one of the lists
};

std::optional<model::Decision> read_decision(const fs::path& file, const EditionName& edition, const model::Site& site,
                                             Diagnostics& diagnostics) {
  auto source = read_source(file, diagnostics);
  if (!source) return std::nullopt;
  YamlOrigin origin{source->path, 0, source->text};
  auto root = parse_yaml(origin, diagnostics);
  if (!root) return std::nullopt;
  const int errors_before = diagnostics.list.error_count();
  MapReader top(*root, origin, diagnostics, {"vinnare", "hedersomnämnanden", "datum"});
  if (!top.is_map()) return std::nullopt;
  model::Decision d{edition.year, edition.kind, "", {}, {}};
  if (auto date = top.text("datum", Need::kOptional)) {
    if (valid_iso_date(*date)) d.date = *date;
    else report_bad_date(top.pos("datum"), *date, diagnostics);
  }
  DecisionReader reader(site, edition, diagnostics);
  for (const auto& node : top.list("vinnare", Need::kRequired))
    if (auto a = reader.award(node, origin)) d.winners.push_back(std::move(*a));
  for (const auto& node : top.list("hedersomnämnanden", Need::kOptional))
    if (auto a = reader.award(node, origin)) d.mentions.push_back(std::move(*a));
  if (diagnostics.list.error_count() > errors_before) return std::nullopt;
  return d;
}

}  // namespace

void read_decisions(const fs::path& content_root, model::Site& site, Diagnostics& diagnostics) {
  const fs::path folder = content_root / kDecisionsFolder;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return;
  const ContentRoot root(content_root);
  const auto editions = submitted_editions(site);
  for (const auto& rel : content_files_under(root, folder, diagnostics)) {
    const fs::path file = folder / rel;
    const auto edition = edition_of(rel);
    if (!edition) {
      diagnostics.warning({file.generic_string(), 0, 0}, diagnostics.t(Msg::kUnknownFile, {fs::path(rel).filename().string()}),
                          diagnostics.t(Msg::kDecisionFileHint));
      continue;
    }
    const std::string name = std::to_string(edition->year) + "/" + edition->kind;
    if (std::find(editions.begin(), editions.end(), name) == editions.end()) {
      diagnostics.error({file.generic_string(), 0, 0}, diagnostics.t(Msg::kDecisionNoEdition, {name}),
                        diagnostics.t(Msg::kDecisionNoEditionHint, {editions.empty() ? "-" : join(editions, ", ")}));
      continue;
    }
    if (auto d = read_decision(file, *edition, site, diagnostics)) site.decisions.push_back(std::move(*d));
  }
  std::sort(site.decisions.begin(), site.decisions.end(), [](const auto& a, const auto& b) {
    return a.year != b.year ? a.year > b.year : a.kind_slug < b.kind_slug;
  });
}

}  // namespace kv
