#include "validate/review_forms.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <tuple>
#include <map>
#include <set>

#include "i18n/numbers.h"
#include "load/content_names.h"
#include "load/content_path.h"
#include "load/xlsx_reader.h"
#include "model/review_form.h"
#include "util/text.h"
#include "validate/file_inventory.h"
#include "validate/part_name.h"

namespace kv {
namespace {

namespace fs = std::filesystem;
using model::ReviewColumn;
using xlsx::ReadCell;
using xlsx::ReadSheet;

// What an edition's forms are checked against.
struct EditionFacts {
  const model::Structure* structure = nullptr;
  std::map<std::string, std::string> units;  // slug → name
};
using EditionMap = std::map<std::pair<std::string, int>, EditionFacts>;

EditionMap editions_of(const model::Site& site) {
  EditionMap editions;
  for (const auto& s : site.submissions) {
    EditionFacts& e = editions[{s.kind_slug, s.year}];
    if (!e.structure) e.structure = s.structure.get();
    e.units[s.unit.slug] = s.unit.name;
  }
  return editions;
}

// One sheet being read: where, and what its problems are prefixed with.
struct SheetPlace {
  std::string file;
  const ReadSheet* sheet = nullptr;
  SourcePos at(int row, int col) const { return {file, row, col}; }
  std::string where(int row, int col, const Diagnostics& r) const {
    return r.t(Msg::kReviewAtCell, {sheet->name, xlsx::cell_name(row, col)});
  }
};

// OOXML writes characters XML cannot hold as _xHHHH_ (ECMA-376 §22.4.2.4); a line break
// saved by some writers comes back as _x000D_. Undone here, so texts read as typed.
std::string unescape_ooxml(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      unsigned value = 0;
      bool hex = true;
      for (size_t k = i + 2; k < i + 6; ++k) {
        const char c = s[k];
        if (!std::isxdigit(static_cast<unsigned char>(c))) hex = false;
        else value = value * 16 + static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (c | 0x20) - 'a' + 10);
      }
      if (hex) {
        if (value != 0x0D) append_utf8(out, value);  // CR LF → LF
        i += 6;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

std::string cell_text(const ReadSheet& sheet, int row, int col) {
  const ReadCell* c = col > 0 ? sheet.at(row, col) : nullptr;
  return c ? std::string(trim(unescape_ooxml(c->text))) : std::string();
}

// The scale as a reviewer reads it: "0–5", or the labelled steps.
std::string scale_hint(const model::ScoringSpec& scoring, Lang lang) {
  if (!scoring.steps.empty()) {
    std::vector<std::string> steps;
    for (const auto& s : scoring.steps) steps.push_back(plain_number(s.value, lang) + " (" + s.label + ")");
    return text(lang, Msg::kReviewScaleSteps, {join(steps, ", ")});
  }
  return text(lang, Msg::kReviewScaleRange, {plain_number(scoring.min, lang), plain_number(scoring.max, lang)});
}

bool on_scale(double score, const model::ScoringSpec& scoring) {
  if (!scoring.defined) return std::isfinite(score);
  if (!scoring.steps.empty()) {
    for (const auto& s : scoring.steps)
      if (s.value == score) return true;
    return false;
  }
  return score >= scoring.min && score <= scoring.max && score == std::floor(score);
}

// The header row's columns; missing key columns are reported. nullopt: not a review sheet
// (none of the key columns) or a broken one (reported).
std::optional<std::map<ReviewColumn, int>> header_columns(const SheetPlace& place, Diagnostics& diagnostics) {
  std::map<ReviewColumn, int> columns;
  for (const auto& [at, cell] : place.sheet->cells)
    if (at.first == 1)
      if (auto c = model::review_column_named(cell.text); c && !columns.count(*c)) columns[*c] = at.second;
  std::vector<std::string> missing;
  for (ReviewColumn c : model::review_key_columns())
    if (!columns.count(c)) missing.push_back("”" + model::review_header(c, diagnostics.lang) + "”");
  if (missing.empty()) return columns;
  if (missing.size() == model::review_key_columns().size()) {
    diagnostics.warning(place.at(0, 0), diagnostics.t(Msg::kReviewSheetSkipped, {place.sheet->name}), diagnostics.t(Msg::kReviewSheetSkippedHint));
    return std::nullopt;
  }
  diagnostics.error(place.at(1, 1), diagnostics.t(Msg::kReviewColumnsMissing, {place.sheet->name, join(missing, ", ")}),
               diagnostics.t(Msg::kReviewColumnsMissingHint));
  return std::nullopt;
}

struct RowKey {
  std::string unit;
  int number = 0;
  auto operator<=>(const RowKey&) const = default;
};

// A row's question number (from its label, "7" or "1.1"), or 0 after reporting why it is none.
int row_number(const SheetPlace& place, int row, int col, const model::Structure& st, Diagnostics& diagnostics) {
  const std::string raw = cell_text(*place.sheet, row, col);
  // A whole number may come back as "7" or, from a spreadsheet that stores numbers as
  // decimals, "7.0"; a label such as "1.1" is text and matched as written.
  const model::QuestionSpec* q = st.find_label(raw);
  auto n = parse_number(raw);
  if (!q && !st.has_text_labels() && n && *n == std::floor(*n)) q = st.find_label(std::to_string(static_cast<long long>(*n)));
  if (!q) {
    std::vector<std::string> labels;
    for (const auto* each : st.questions()) labels.push_back(each->label);
    const std::string part = st.part_word(diagnostics.lang, false);
    diagnostics.error(place.at(row, col), place.where(row, col, diagnostics) + ": " + diagnostics.t(Msg::kReviewNoSuchPart, {raw, part, st.name}),
                 diagnostics.t(Msg::kReviewNoSuchPartHint, {join(labels, ", ")}));
    return 0;
  }
  return q->number;
}

// A row's score, or nullopt after reporting why it is none (an empty cell is not reported).
std::optional<double> row_score(const SheetPlace& place, int row, int col, const model::ScoringSpec& scoring, Diagnostics& diagnostics) {
  const ReadCell* cell = place.sheet->at(row, col);
  if (!cell) return std::nullopt;
  const std::string raw = cell_text(*place.sheet, row, col);
  auto score = cell->type == ReadCell::Type::kError ? std::nullopt : parse_number(raw);
  if (score && on_scale(*score, scoring)) return score;
  const Msg what = score ? Msg::kReviewScoreOffScale : Msg::kReviewScoreNotNumber;
  diagnostics.error(place.at(row, col), place.where(row, col, diagnostics) + ": " + diagnostics.t(what, {score ? plain_number(*score, diagnostics.lang) : raw}),
               scoring.defined ? scale_hint(scoring, diagnostics.lang) : diagnostics.t(Msg::kReviewScoreAnyNumber));
  return std::nullopt;
}

// Scores a reviewer left empty for a unit they otherwise scored: the unit's result would be
// incomplete without anyone noticing.
void report_unscored(const SheetPlace& place, const std::string& reviewer, const std::map<RowKey, int>& empty_rows,
                     const std::set<std::string>& scored_units, int score_col, const model::Structure& st, Diagnostics& diagnostics) {
  for (const auto& [key, row] : empty_rows)
    if (scored_units.count(key.unit))
      diagnostics.warning(place.at(row, score_col),
                     place.where(row, score_col, diagnostics) + ": " +
                         diagnostics.t(Msg::kReviewUnscored, {reviewer, key.unit, part_name(st, key.number, diagnostics.lang)}),
                     diagnostics.t(Msg::kReviewUnscoredHint));
}

void read_sheet(const SheetPlace& place, const std::string& reviewer, const EditionFacts& facts,
                model::ReviewedEdition& out, Diagnostics& diagnostics) {
  auto header = header_columns(place, diagnostics);
  if (!header) return;
  auto col = [&](ReviewColumn c) { return header->count(c) ? header->at(c) : 0; };
  const model::Structure& st = *facts.structure;
  std::vector<std::string> slugs;
  for (const auto& [slug, name] : facts.units) slugs.push_back(slug);
  std::map<RowKey, int> seen, empty_rows;
  std::set<std::string> scored_units;
  const ReadSheet& sheet = *place.sheet;
  for (int row = 2; row <= sheet.max_row; ++row) {
    const std::string unit = cell_text(sheet, row, col(ReviewColumn::kUnitKey));
    const std::string strengths = cell_text(sheet, row, col(ReviewColumn::kStrengths));
    const std::string improvements = cell_text(sheet, row, col(ReviewColumn::kImprovements));
    const bool has_score = sheet.at(row, col(ReviewColumn::kScore)) != nullptr;
    if (unit.empty() && strengths.empty() && improvements.empty() && !has_score) continue;  // an empty row
    if (unit.empty() || !facts.units.count(unit)) {
      const int c = col(ReviewColumn::kUnitKey);
      diagnostics.error(place.at(row, c), place.where(row, c, diagnostics) + ": " +
                                         (unit.empty() ? diagnostics.t(Msg::kReviewNoUnit) : diagnostics.t(Msg::kReviewUnknownUnit, {unit, st.name})),
                   unit.empty() ? diagnostics.t(Msg::kReviewNoUnitHint) : diagnostics.suggest(unit, slugs));
      continue;
    }
    const int number = row_number(place, row, col(ReviewColumn::kNumber), st, diagnostics);
    if (number == 0) continue;
    if (auto [it, fresh] = seen.insert({{unit, number}, row}); !fresh) {
      diagnostics.error(place.at(row, 1), place.where(row, 1, diagnostics) + ": " +
                                         diagnostics.t(Msg::kReviewRowTwice, {unit, part_name(st, number, diagnostics.lang), std::to_string(it->second)}),
                   diagnostics.t(Msg::kReviewRowTwiceHint));
      continue;
    }
    auto score = row_score(place, row, col(ReviewColumn::kScore), st.scoring, diagnostics);
    if (!score) {
      if (!has_score && (!strengths.empty() || !improvements.empty())) {
        const int c = col(ReviewColumn::kScore);
        diagnostics.error(place.at(row, c), place.where(row, c, diagnostics) + ": " + diagnostics.t(Msg::kReviewTextWithoutScore),
                     st.scoring.defined ? scale_hint(st.scoring, diagnostics.lang) : diagnostics.t(Msg::kReviewScoreAnyNumber));
      } else if (!has_score) {
        empty_rows[{unit, number}] = row;
      }
      continue;
    }
    scored_units.insert(unit);
    out.entries[unit][number].push_back({reviewer, *score, strengths, improvements});
  }
  report_unscored(place, reviewer, empty_rows, scored_units, col(ReviewColumn::kScore), st, diagnostics);
}

// Reviewer names read so far in this edition, with the file and sheet each came from.
using ReviewerPlaces = std::map<std::string, std::string>;

void read_form(const fs::path& file, const EditionFacts& facts, model::ReviewedEdition& out,
               ReviewerPlaces& reviewers, Diagnostics& diagnostics) {
  const std::string shown = file.generic_string();
  auto read = xlsx::read_workbook(file);
  if (const auto* failure = std::get_if<xlsx::ReadFailure>(&read)) {
    const Msg what = failure->kind == xlsx::ReadFailure::Kind::kTooLarge ? Msg::kReviewFormTooLarge : Msg::kReviewFormUnreadable;
    diagnostics.error({shown, 0, 0}, diagnostics.t(what, {failure->detail}), diagnostics.t(Msg::kReviewFormUnreadableHint));
    return;
  }
  for (const ReadSheet& sheet : std::get<std::vector<ReadSheet>>(read)) {
    // The reviewer: the sheet's name for a form with a sheet per reviewer, else the file's.
    // (a form written in either language: the site's language is one of the two)
    const std::string name = fold_case(sheet.name);
    const bool by_file = name == fold_case(model::review_default_sheet(Lang::kSv)) ||
                         name == fold_case(model::review_default_sheet(Lang::kEn));
    const std::string reviewer = by_file ? file.stem().string() : sheet.name;
    const std::string origin = diagnostics.t(Msg::kReviewSheetOf, {sheet.name, file.filename().string()});
    SheetPlace place{shown, &sheet};
    if (auto [it, fresh] = reviewers.insert({fold_case(reviewer), origin}); !fresh) {
      diagnostics.error(place.at(0, 0), diagnostics.t(Msg::kReviewerRead, {reviewer, it->second}), diagnostics.t(Msg::kReviewerReadHint));
      continue;
    }
    out.reviewers.push_back(reviewer);
    read_sheet(place, reviewer, facts, out, diagnostics);
  }
}

std::string edition_list(const EditionMap& editions) {
  std::vector<std::string> names;
  for (const auto& [key, facts] : editions) names.push_back(std::string(kReviewFormsFolder) + "/" + std::to_string(key.second) + "/" + key.first);
  return join(names, ", ");
}

// The forms of one edition folder, content/_bedomning/<år>/<slag>/.
void read_edition_folder(const fs::path& dir, int year, const EditionMap& editions, Diagnostics& diagnostics,
                         std::vector<model::ReviewedEdition>& out) {
  const std::string kind = dir.filename().string();
  auto facts = editions.find({kind, year});
  if (facts == editions.end()) {
    diagnostics.error({dir.generic_string(), 0, 0}, diagnostics.t(Msg::kReviewNoEdition, {kind, std::to_string(year)}),
                 diagnostics.t(Msg::kReviewNoEditionHint, {edition_list(editions)}));
    return;
  }
  model::ReviewedEdition edition{kind, year, {}, {}};
  ReviewerPlaces reviewers;
  const ContentRoot root(dir);
  for (const auto& entry : list_content_folder(dir, diagnostics)) {
    const std::string name = entry.path().filename().string();
    if (is_ignored_file(name)) continue;
    std::error_code ec;
    const std::string ext = fold_case(entry.path().extension().string());
    if (ext != ".xlsx" || !entry.is_regular_file(ec)) {
      diagnostics.error({entry.path().generic_string(), 0, 0}, diagnostics.t(Msg::kReviewNotForm, {name}), diagnostics.t(Msg::kReviewNotFormHint));
      continue;
    }
    if (name.starts_with("~$")) continue;  // Excel's lock file while the form is open
    if (!check_content_path(root, entry.path(), name, {entry.path().generic_string(), 0, 0}, diagnostics)) continue;
    read_form(entry.path(), facts->second, edition, reviewers, diagnostics);
  }
  if (!edition.reviewers.empty()) out.push_back(std::move(edition));
}

}  // namespace

void read_review_forms(const fs::path& content_root, model::Site& site, Diagnostics& diagnostics) {
  const fs::path folder = content_root / kReviewFormsFolder;
  const EditionMap editions = editions_of(site);
  std::error_code ec;
  // No forms yet: the reviewers' site is built without scores (issue 28), nothing to report.
  if (!fs::exists(fs::symlink_status(folder, ec))) return;
  if (!fs::is_directory(folder, ec)) {
    diagnostics.error({folder.generic_string(), 0, 0}, diagnostics.t(Msg::kReviewFolderMissing), diagnostics.t(Msg::kReviewFolderHint, {edition_list(editions)}));
    return;
  }
  const ContentRoot root(content_root);
  if (!check_content_path(root, folder, kReviewFormsFolder, {folder.generic_string(), 0, 0}, diagnostics, true)) return;
  for (const auto& year_entry : list_content_folder(folder, diagnostics)) {
    const std::string name = year_entry.path().filename().string();
    if (is_ignored_file(name) || name.front() == '.') continue;
    auto year = parse_integer(name);
    if (!year_entry.is_directory(ec) || !year || name.size() != 4) {
      diagnostics.error({year_entry.path().generic_string(), 0, 0}, diagnostics.t(Msg::kReviewBadPlace, {name}),
                   diagnostics.t(Msg::kReviewFolderHint, {edition_list(editions)}));
      continue;
    }
    if (!check_content_path(root, year_entry.path(), name, {year_entry.path().generic_string(), 0, 0}, diagnostics, true)) continue;
    for (const auto& kind_entry : list_content_folder(year_entry.path(), diagnostics)) {
      const std::string kind = kind_entry.path().filename().string();
      if (is_ignored_file(kind) || kind.front() == '.') continue;
      if (!kind_entry.is_directory(ec)) {
        diagnostics.error({kind_entry.path().generic_string(), 0, 0}, diagnostics.t(Msg::kReviewBadPlace, {kind}),
                     diagnostics.t(Msg::kReviewFolderHint, {edition_list(editions)}));
        continue;
      }
      if (check_content_path(root, kind_entry.path(), kind, {kind_entry.path().generic_string(), 0, 0}, diagnostics, true))
        read_edition_folder(kind_entry.path(), static_cast<int>(*year), editions, diagnostics, site.reviews);
    }
  }
  if (site.reviews.empty() && !diagnostics.list.has_errors())
    diagnostics.error({folder.generic_string(), 0, 0}, diagnostics.t(Msg::kReviewNoForms), diagnostics.t(Msg::kReviewFolderHint, {edition_list(editions)}));
  std::stable_sort(site.reviews.begin(), site.reviews.end(),
                   [](const auto& a, const auto& b) { return std::tie(a.kind_slug, a.year) < std::tie(b.kind_slug, b.year); });
}

}  // namespace kv
