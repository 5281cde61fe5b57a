#include "render/xlsx/submission_workbook.h"

#include <algorithm>
#include <ctime>

#include "i18n/messages.h"
#include "render/xlsx/report_sheets.h"
#include "render/xlsx/workbook.h"
#include "util/text.h"
#include "util/time.h"

namespace kv {
namespace {

using xlsx::Cell;
using xlsx::Column;
using Kind = xlsx::Column::Kind;

// The part's label as written in the structure: a number when it is a whole number ("7"),
// text otherwise ("1.1").
Cell part_cell(const model::Structure& structure, int number) {
  const std::string label = structure.label(number);
  if (auto n = parse_integer(label)) return Cell::of(static_cast<double>(*n));
  return Cell::of(label);
}

// Every data block of type T with its question number, nested ones included, in document order.
template <typename T>
std::vector<std::pair<int, const T*>> all_of(const model::Submission& s) {
  std::vector<std::pair<int, const T*>> out;
  for (const auto& [number, answer] : s.answers)
    model::for_each_block(answer.blocks, [&, n = number](const model::Block& b) {
      if (const auto* t = std::get_if<T>(&b.value)) out.emplace_back(n, t);
    });
  return out;
}

void economy_sheet(xlsx::Workbook& book, const model::Submission& s, Lang lang) {
  auto tables = all_of<model::EconomyTable>(s);
  if (tables.empty()) return;
  auto t = [lang](Msg m, const std::vector<std::string>& a = {}) { return text(lang, m, a); };
  std::vector<Column> columns = {{s.structure->part_word(lang, true), 8, Kind::kInteger}, {t(Msg::kUiYear), 8, Kind::kInteger},
                                 {t(Msg::kXlsxUnit), 14, Kind::kText},      {t(Msg::kXlsxBudget), 12, Kind::kDecimal},
                                 {t(Msg::kXlsxOutcome), 16, Kind::kDecimal},
                                 {t(Msg::kUiResult), 12, Kind::kDecimal},   {t(Msg::kXlsxForecast), 10, Kind::kText},
                                 {t(Msg::kXlsxFootnote), 40, Kind::kWrappedText}};
  std::vector<std::vector<Cell>> rows;
  for (const auto& [question, table] : tables)
    for (const auto& y : table->years)
      rows.push_back({part_cell(*s.structure, question), Cell::of(double(y.year)), Cell::of(table->unit), Cell::of(y.budget),
                      Cell::of(y.outcome), Cell::of(y.result), y.forecast ? Cell::of(t(Msg::kXlsxYes)) : Cell::empty(),
                      y.forecast && !table->footnote.empty() ? Cell::of(table->footnote) : Cell::empty()});
  book.add_sheet(t(Msg::kXlsxSheetEconomy), columns, rows);
}

void survey_sheet(xlsx::Workbook& book, const model::Submission& s, Lang lang) {
  auto tables = all_of<model::SurveyTable>(s);
  if (tables.empty()) return;
  auto t = [lang](Msg m) { return text(lang, m); };
  std::vector<Column> columns = {{s.structure->part_word(lang, true), 8, Kind::kInteger}, {t(Msg::kXlsxSurveyQuestion), 50, Kind::kWrappedText},
                                 {t(Msg::kUiAnswer), 14, Kind::kText},      {t(Msg::kUiTotal), 10, Kind::kPercent},
                                 {t(Msg::kUiWomen), 10, Kind::kPercent},    {t(Msg::kUiMen), 10, Kind::kPercent},
                                 {t(Msg::kUiOther), 10, Kind::kPercent}};
  std::vector<std::vector<Cell>> rows;
  for (const auto& [question, table] : tables)
    for (const auto& r : table->rows)
      rows.push_back({part_cell(*s.structure, question), Cell::of(table->question), Cell::of(r.answer), Cell::of(r.total),
                      Cell::of(r.women), Cell::of(r.men), Cell::of(r.other)});
  book.add_sheet(t(Msg::kXlsxSheetSurvey), columns, rows);
}

void index_sheet(xlsx::Workbook& book, const model::Submission& s, Lang lang) {
  auto series = all_of<model::IndexSeries>(s);
  if (series.empty()) return;
  auto t = [lang](Msg m) { return text(lang, m); };
  std::vector<const model::IndexSeries*> all;
  for (const auto& [q, ser] : series) all.push_back(ser);
  const std::vector<std::string> subs = model::sub_index_names(all);
  std::vector<Column> columns = {{s.structure->part_word(lang, true), 8, Kind::kInteger}, {t(Msg::kXlsxIndexName), 12, Kind::kText},
                                 {t(Msg::kUiYear), 8, Kind::kInteger},      {t(Msg::kXlsxValue), 10, Kind::kDecimal}};
  for (const auto& name : subs) columns.push_back({name, 12, Kind::kDecimal});
  std::vector<std::vector<Cell>> rows;
  for (const auto& [question, ser] : series)
    for (const auto& v : ser->values) {
      std::vector<Cell> row = {part_cell(*s.structure, question), Cell::of(ser->name), Cell::of(double(v.year)), Cell::of(v.value)};
      for (const auto& name : subs) row.push_back(Cell::of(v.sub_index(name)));
      rows.push_back(std::move(row));
    }
  book.add_sheet(t(Msg::kXlsxSheetIndex), columns, rows);
}

}  // namespace


bool has_tables(const model::Submission& s) {
  return !all_of<model::EconomyTable>(s).empty() || !all_of<model::SurveyTable>(s).empty() ||
         !all_of<model::IndexSeries>(s).empty() || has_report_tables(s);
}

void write_submission_workbook(const model::Submission& s, Lang lang, const xlsx::Target& target) {
  // The creation time is fixed to the submission's year, so equal input gives equal bytes.
  xlsx::Workbook book(target, lang, start_of_year(s.year), s.structure->name + " " + std::to_string(s.year) + " \xE2\x80\x93 " + s.unit.name);
  economy_sheet(book, s, lang);
  survey_sheet(book, s, lang);
  index_sheet(book, s, lang);
  add_report_sheets(book, s, lang);
  book.close();
}

}  // namespace kv
