#include "render/xlsx/indicator_workbooks.h"

#include <algorithm>
#include <set>

#include "i18n/messages.h"
#include "render/xlsx/report_sheets.h"
#include "util/text.h"
#include "util/time.h"

namespace kv {
namespace {

using xlsx::Cell;
using xlsx::Column;
using Kind = xlsx::Column::Kind;

template <typename Fn>
void for_each_indicator(const model::Submission& s, Fn&& fn) {
  for (const auto& [number, answer] : s.answers)
    model::for_each_block(answer.blocks, [&](const model::Block& b) {
      if (const auto* i = std::get_if<model::Indicator>(&b.value)) fn(*i);
    });
}

std::vector<Column> columns_with(std::vector<Column> first, Lang lang) {
  for (auto& c : indicator_columns(lang)) first.push_back(std::move(c));
  return first;
}

}  // namespace


void write_year_workbook(const model::Site& site, int year, const xlsx::Target& target) {
  const Lang lang = site.lang;
  auto columns = columns_with({{text(lang, Msg::kUiUnit), 30, Kind::kWrappedText},
                               {text(lang, Msg::kUiAdministration), 30, Kind::kWrappedText},
                               {text(lang, Msg::kXlsxDocument), 24, Kind::kText}},
                              lang);
  std::vector<std::vector<Cell>> rows;
  for (const auto& s : site.submissions) {  // sorted by unit within the year
    if (s.year != year) continue;
    for_each_indicator(s, [&](const model::Indicator& i) {
      std::vector<Cell> row = {Cell::of(s.unit.name), Cell::of(s.unit.administration),
                               Cell::of(s.structure->name + " " + std::to_string(s.year))};
      for (auto& c : indicator_cells(i, lang)) row.push_back(std::move(c));
      rows.push_back(std::move(row));
    });
  }
  xlsx::Workbook book(target, lang, start_of_year(year), text(lang, Msg::kXlsxSheetIndicators) + " " + std::to_string(year));
  book.add_sheet(text(lang, Msg::kXlsxSheetIndicators) + " " + std::to_string(year), columns, rows);
  book.close();
}

void write_trend_workbook(const model::IndicatorSeries& series, Lang lang, const xlsx::Target& target) {
  // Unit by unit, oldest year first: the order a trend is read in.
  std::vector<model::IndicatorUse> uses = series.uses;
  std::stable_sort(uses.begin(), uses.end(), [](const auto& a, const auto& b) {
    const auto &x = *a.submission, &y = *b.submission;
    return x.unit.name != y.unit.name ? x.unit.name < y.unit.name : a.year < b.year;
  });
  auto columns = columns_with({{text(lang, Msg::kUiUnit), 30, Kind::kWrappedText},
                               {text(lang, Msg::kUiAdministration), 30, Kind::kWrappedText},
                               {text(lang, Msg::kUiYear), 8, Kind::kInteger}},
                              lang);
  std::vector<std::vector<Cell>> rows;
  int first_year = uses.empty() ? 2000 : uses.front().year;
  for (const auto& u : uses) {
    const model::Submission& s = *u.submission;
    std::vector<Cell> row = {Cell::of(s.unit.name), Cell::of(s.unit.administration), Cell::of(double(u.year))};
    for (auto& c : indicator_cells(*u.indicator, lang, !u.index_figure)) row.push_back(std::move(c));
    rows.push_back(std::move(row));
    first_year = std::min(first_year, u.year);
  }
  xlsx::Workbook book(target, lang, start_of_year(first_year), uses.empty() ? series.slug : uses.front().indicator->name);
  book.add_sheet(text(lang, Msg::kXlsxSheetTrend), columns, rows);
  book.close();
}

}  // namespace kv
