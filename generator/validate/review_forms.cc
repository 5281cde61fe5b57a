#include "validate/review_forms.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <variant>

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
using model::ConsensusColumn;
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

// A form's columns (model/review_form.h: the reviewers' form or the consensus form): how a
// header names one, which must be there, and what a sheet without any of them is told.
template <typename Column>
struct FormSchema {
  std::optional<Column> (*named)(const std::string&);
  const std::vector<Column>& (*keys)();
  std::string (*header)(Column, Lang);
  Msg skipped, skipped_hint;
};

const FormSchema<ReviewColumn> kReviewSchema{model::review_column_named, model::review_key_columns, model::review_header,
                                             Msg::kReviewSheetSkipped, Msg::kReviewSheetSkippedHint};
const FormSchema<ConsensusColumn> kConsensusSchema{model::consensus_column_named, model::consensus_key_columns,
                                                   model::consensus_header, Msg::kConsensusSheetSkipped,
                                                   Msg::kConsensusSheetSkippedHint};

// The header row's columns; missing key columns are reported. nullopt: not a sheet of that
// form (none of the key columns, a warning) or a broken one (reported).
template <typename Column>
std::optional<std::map<Column, int>> header_columns(const SheetPlace& place, const FormSchema<Column>& schema,
                                                    Diagnostics& diagnostics) {
  std::map<Column, int> columns;
  for (const auto& [at, cell] : place.sheet->cells)
    if (at.first == 1)
      if (auto c = schema.named(cell.text); c && !columns.count(*c)) columns[*c] = at.second;
  std::vector<std::string> missing;
  for (Column c : schema.keys())
    if (!columns.count(c)) missing.push_back("”" + schema.header(c, diagnostics.lang) + "”");
  if (missing.empty()) return columns;
  if (missing.size() == schema.keys().size()) {
    diagnostics.warning(place.at(0, 0), diagnostics.t(schema.skipped, {place.sheet->name}), diagnostics.t(schema.skipped_hint));
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

// A row's unit id, or "" after reporting why it is none.
std::string row_unit(const SheetPlace& place, int row, int col, const EditionFacts& facts, Diagnostics& diagnostics) {
  const std::string unit = cell_text(*place.sheet, row, col);
  if (!unit.empty() && facts.units.count(unit)) return unit;
  std::vector<std::string> slugs;
  for (const auto& [slug, name] : facts.units) slugs.push_back(slug);
  diagnostics.error(place.at(row, col), place.where(row, col, diagnostics) + ": " +
                                           (unit.empty() ? diagnostics.t(Msg::kReviewNoUnit)
                                                         : diagnostics.t(Msg::kReviewUnknownUnit, {unit, facts.structure->name})),
                    unit.empty() ? diagnostics.t(Msg::kReviewNoUnitHint) : diagnostics.suggest(unit, slugs));
  return "";
}

// The same unit and question twice in one form: reported at the second row.
bool first_time(std::map<RowKey, int>& seen, const RowKey& key, const SheetPlace& place, int row, const model::Structure& st,
                Diagnostics& diagnostics) {
  auto [it, fresh] = seen.insert({key, row});
  if (fresh) return true;
  diagnostics.error(place.at(row, 1), place.where(row, 1, diagnostics) + ": " +
                                         diagnostics.t(Msg::kReviewRowTwice, {key.unit, part_name(st, key.number, diagnostics.lang), std::to_string(it->second)}),
               diagnostics.t(Msg::kReviewRowTwiceHint));
  return false;
}

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

// One reviewer's sheet as read: its well-formed entries (every cell was checked, and each
// problem reported, whatever becomes of the sheet), and whether anything was filled in.
// A score left empty, where it is: the cell and "bladet ”Anna”, cell D7" for the message.
struct EmptyScore {
  SourcePos at;
  std::string where;
};

struct SheetAnswers {
  std::string reviewer;
  std::string origin;  // "bladet ”Anna” i anna.xlsx", for messages
  bool filled = false;  // a score or a text in any row
  std::map<RowKey, model::ReviewEntry> entries;
  // Scores left empty for a unit the reviewer otherwise scored: the unit's result would be
  // incomplete without anyone noticing (reported once the edition's sheets are together).
  std::map<RowKey, EmptyScore> unscored;
};

// Two sheets with the same answers: the same scores and texts for the same rows.
bool same_answers(const SheetAnswers& a, const SheetAnswers& b) {
  if (a.entries.size() != b.entries.size()) return false;
  for (auto i = a.entries.begin(), j = b.entries.begin(); i != a.entries.end(); ++i, ++j)
    if (i->first != j->first || i->second.score != j->second.score || i->second.strengths != j->second.strengths ||
        i->second.improvements != j->second.improvements)
      return false;
  return true;
}

void read_sheet(const SheetPlace& place, const EditionFacts& facts, const std::map<ReviewColumn, int>& header,
                SheetAnswers& out, Diagnostics& diagnostics) {
  auto col = [&](ReviewColumn c) { return header.count(c) ? header.at(c) : 0; };
  const model::Structure& st = *facts.structure;
  std::map<RowKey, int> seen, empty_rows;
  std::set<std::string> scored_units;
  const ReadSheet& sheet = *place.sheet;
  for (int row = 2; row <= sheet.max_row; ++row) {
    const std::string unit_text = cell_text(sheet, row, col(ReviewColumn::kUnitKey));
    const std::string strengths = cell_text(sheet, row, col(ReviewColumn::kStrengths));
    const std::string improvements = cell_text(sheet, row, col(ReviewColumn::kImprovements));
    const bool has_score = sheet.at(row, col(ReviewColumn::kScore)) != nullptr;
    if (has_score || !strengths.empty() || !improvements.empty()) out.filled = true;
    if (unit_text.empty() && strengths.empty() && improvements.empty() && !has_score) continue;  // an empty row
    const std::string unit = row_unit(place, row, col(ReviewColumn::kUnitKey), facts, diagnostics);
    if (unit.empty()) continue;
    const int number = row_number(place, row, col(ReviewColumn::kNumber), st, diagnostics);
    if (number == 0 || !first_time(seen, {unit, number}, place, row, st, diagnostics)) continue;
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
    out.entries[{unit, number}] = {out.reviewer, *score, strengths, improvements};
  }
  const int score_col = col(ReviewColumn::kScore);
  for (const auto& [key, row] : empty_rows)
    if (scored_units.count(key.unit)) out.unscored[key] = {place.at(row, score_col), place.where(row, score_col, diagnostics)};
}

// The scores left empty: per reviewer while another scored the answer; once, as "nobody
// scored", when no reviewer did.
void report_unscored(const std::vector<const SheetAnswers*>& chosen, const model::Structure& st, Diagnostics& diagnostics) {
  std::map<RowKey, const EmptyScore*> nobody;
  for (const SheetAnswers* answers : chosen)
    for (const auto& [key, empty] : answers->unscored) {
      const bool someone = std::any_of(chosen.begin(), chosen.end(), [&](const SheetAnswers* a) { return a->entries.count(key) > 0; });
      const std::string part = part_name(st, key.number, diagnostics.lang);
      if (someone)
        diagnostics.warning(empty.at, empty.where + ": " + diagnostics.t(Msg::kReviewUnscored, {answers->reviewer, key.unit, part}),
                            diagnostics.t(Msg::kReviewUnscoredHint));
      else
        nobody.emplace(key, &empty);  // the first place met
    }
  for (const auto& [key, empty] : nobody)
    diagnostics.warning(empty->at, diagnostics.t(Msg::kReviewNobodyScored, {key.unit, part_name(st, key.number, diagnostics.lang)}),
                        diagnostics.t(Msg::kReviewNobodyScoredHint));
}

// A form's sheets, or nullopt after reporting why the file cannot be read.
std::optional<std::vector<ReadSheet>> read_sheets(const fs::path& file, Diagnostics& diagnostics) {
  auto read = xlsx::read_workbook(file);
  if (const auto* failure = std::get_if<xlsx::ReadFailure>(&read)) {
    const Msg what = failure->kind == xlsx::ReadFailure::Kind::kTooLarge ? Msg::kReviewFormTooLarge : Msg::kReviewFormUnreadable;
    diagnostics.error({file.generic_string(), 0, 0}, diagnostics.t(what, {failure->detail}), diagnostics.t(Msg::kReviewFormUnreadableHint));
    return std::nullopt;
  }
  return std::move(std::get<std::vector<ReadSheet>>(read));
}

// Every sheet of one form file with the form's columns, checked cell by cell; the sheets
// with nothing filled in are named in one warning for the file.
std::vector<SheetAnswers> read_form(const fs::path& file, const EditionFacts& facts, Diagnostics& diagnostics) {
  const std::string shown = file.generic_string();
  auto read = read_sheets(file, diagnostics);
  if (!read) return {};
  std::vector<SheetAnswers> filled;
  std::vector<std::string> empty;
  for (const ReadSheet& sheet : *read) {
    SheetPlace place{shown, &sheet};
    auto header = header_columns(place, kReviewSchema, diagnostics);
    if (!header) continue;
    // The reviewer: the sheet's name for a form with a sheet per reviewer, else the file's.
    // (a form written in either language: the site's language is one of the two)
    const std::string name = fold_case(sheet.name);
    const bool by_file = name == fold_case(model::review_default_sheet(Lang::kSv)) ||
                         name == fold_case(model::review_default_sheet(Lang::kEn));
    SheetAnswers answers;
    answers.reviewer = by_file ? file.stem().string() : sheet.name;
    answers.origin = diagnostics.t(Msg::kReviewSheetOf, {sheet.name, file.filename().string()});
    read_sheet(place, facts, *header, answers, diagnostics);
    if (answers.filled) filled.push_back(std::move(answers));
    else empty.push_back("”" + sheet.name + "”");
  }
  if (!empty.empty())
    diagnostics.warning({shown, 0, 0}, diagnostics.t(empty.size() == 1 ? Msg::kReviewEmptySheet : Msg::kReviewEmptySheets, {join(empty, ", ")}),
                        diagnostics.t(Msg::kReviewEmptySheetsHint));
  return filled;
}

// One sheet of the consensus form, each row checked as a reviewer's row is; rows with an
// agreed score or text go into out.agreed. seen: the rows of the whole file so far.
void read_consensus_sheet(const SheetPlace& place, const std::map<ConsensusColumn, int>& header, const EditionFacts& facts,
                          std::map<RowKey, int>& seen, model::ReviewedEdition& out, Diagnostics& diagnostics) {
  auto col = [&](ConsensusColumn c) { return header.count(c) ? header.at(c) : 0; };
  const model::Structure& st = *facts.structure;
  const ReadSheet& sheet = *place.sheet;
  for (int row = 2; row <= sheet.max_row; ++row) {
    const std::string unit_text = cell_text(sheet, row, col(ConsensusColumn::kUnitKey));
    const std::string strengths = cell_text(sheet, row, col(ConsensusColumn::kAgreedStrengths));
    const std::string improvements = cell_text(sheet, row, col(ConsensusColumn::kAgreedImprovements));
    const bool has_score = sheet.at(row, col(ConsensusColumn::kAgreedScore)) != nullptr;
    if (unit_text.empty() && strengths.empty() && improvements.empty() && !has_score) continue;  // an empty row
    const std::string unit = row_unit(place, row, col(ConsensusColumn::kUnitKey), facts, diagnostics);
    if (unit.empty()) continue;
    const int number = row_number(place, row, col(ConsensusColumn::kNumber), st, diagnostics);
    if (number == 0 || !first_time(seen, {unit, number}, place, row, st, diagnostics)) continue;
    auto score = row_score(place, row, col(ConsensusColumn::kAgreedScore), st.scoring, diagnostics);
    if (has_score && !score) continue;  // reported
    if (score || !strengths.empty() || !improvements.empty()) out.agreed[unit][number] = {score, strengths, improvements};
  }
}

// The consensus form of an edition: per unit and question what the reviewers agreed. Read
// as carefully as a reviewer's form: every cell of every sheet with its columns is checked.
void read_consensus(const fs::path& file, const EditionFacts& facts, model::ReviewedEdition& out, Diagnostics& diagnostics) {
  const std::string shown = file.generic_string();
  auto read = read_sheets(file, diagnostics);
  if (!read) return;
  std::map<RowKey, int> seen;
  bool any_sheet = false;
  for (const ReadSheet& sheet : *read) {
    SheetPlace place{shown, &sheet};
    auto header = header_columns(place, kConsensusSchema, diagnostics);
    if (!header) continue;
    any_sheet = true;
    read_consensus_sheet(place, *header, facts, seen, out, diagnostics);
  }
  // A file under the reserved name that is something else: say so rather than ignore it.
  if (!any_sheet)
    diagnostics.error({shown, 0, 0}, diagnostics.t(Msg::kConsensusNoSheet, {file.filename().string()}),
                      diagnostics.t(Msg::kConsensusNoSheetHint, {kConsensusFile}));
}

// The reviewers' sheets of an edition put together: each reviewer's answers from one place.
// The same reviewer filled in twice is an error naming both places, unless both hold the
// same answers (then a warning, and they count once).
void gather_reviewers(std::vector<std::pair<std::string, SheetAnswers>>& sheets, const model::Structure& st,
                      model::ReviewedEdition& out, Diagnostics& diagnostics) {
  std::map<std::string, const SheetAnswers*> by_reviewer;  // folded name → the first sheet
  std::vector<const SheetAnswers*> chosen;
  for (const auto& [file, answers] : sheets) {
    auto [it, fresh] = by_reviewer.insert({fold_case(answers.reviewer), &answers});
    if (fresh) {
      chosen.push_back(&answers);
      continue;
    }
    const SheetAnswers& first = *it->second;
    if (same_answers(first, answers))
      diagnostics.warning({file, 0, 0}, diagnostics.t(Msg::kReviewerSameTwice, {answers.reviewer, first.origin, answers.origin}),
                          diagnostics.t(Msg::kReviewerSameTwiceHint));
    else
      diagnostics.error({file, 0, 0}, diagnostics.t(Msg::kReviewerFilledTwice, {answers.reviewer, first.origin, answers.origin}),
                        diagnostics.t(Msg::kReviewerFilledTwiceHint));
  }
  for (const SheetAnswers* answers : chosen) {  // in the order read: file, then sheet
    out.reviewers.push_back(answers->reviewer);
    for (const auto& [key, entry] : answers->entries) out.entries[key.unit][key.number].push_back(entry);
  }
  report_unscored(chosen, st, diagnostics);
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
  model::ReviewedEdition edition{kind, year, {}, {}, {}};
  std::vector<std::pair<std::string, SheetAnswers>> sheets;  // the filled ones, with their file
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
    if (fold_case(name) == kConsensusFile) {
      read_consensus(entry.path(), facts->second, edition, diagnostics);
      continue;
    }
    for (auto& answers : read_form(entry.path(), facts->second, diagnostics)) sheets.emplace_back(entry.path().generic_string(), std::move(answers));
  }
  gather_reviewers(sheets, *facts->second.structure, edition, diagnostics);
  if (!edition.reviewers.empty() || !edition.agreed.empty()) out.push_back(std::move(edition));
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
