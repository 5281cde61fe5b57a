#include "import/table_blocks.h"

#include <algorithm>
#include <optional>
#include <tuple>
#include <vector>

#include "i18n/messages.h"
#include "import/paragraphs.h"
#include "import/table_cells.h"
#include "scaffold/block_writer.h"
#include "util/number.h"
#include "util/text.h"
#include "validate/data_blocks.h"

namespace kv::import {
namespace {

// A figure figure() accepted, as the number it is, with the decimals written ("22,0" stays 22,0).
Number number(const std::string& figure) { return parse_written_number(figure).value_or(Number{}); }
// A year figure() accepted as a figure, or nullopt when it is empty or no whole number.
std::optional<int> year_of(const std::optional<std::string>& figure) {
  if (!figure || figure->empty()) return std::nullopt;
  auto y = parse_integer(*figure);
  if (!y || *y > 9999) return std::nullopt;
  return static_cast<int>(*y);
}

int column(const Row& header, std::string_view word) {
  for (size_t i = 0; i < header.size(); ++i)
    if (starts_with(folded_cell(header[i]), word)) return static_cast<int>(i);
  return -1;
}

// "Budget (mnkr)" → "mnkr".
std::string unit_in(const std::string& h) {
  const auto open = h.find('(');
  const auto close = open == std::string::npos ? open : h.find(')', open);
  return close == std::string::npos ? "" : h.substr(open + 1, close - open - 1);
}

// What is around a table in the document: the paragraph just before it (a survey's question,
// an index's "AMI – description") and a "* …" footnote just after it.
struct Around {
  std::string before;
  std::string footnote;
};

struct Recognised {
  std::string block;
  bool used_before = false;
  bool used_footnote = false;
};

// A year's row of an economy table: its figures, and the keys of the cells left empty.
struct EconomyRow {
  model::EconomyYear year;
  std::vector<std::string> empty;
};

// One year's cells, or nullopt when one is no figure or the year no year; a "*" on any marks
// the year a forecast. A figure may be empty: its key is written without a value, for check to
// name.
std::optional<EconomyRow> economy_year(const std::string& year, const std::string& budget, const std::string& outcome,
                                       const std::string& result) {
  EconomyRow row;
  auto yr = figure(year, &row.year.forecast);
  const auto y = year_of(yr);
  if (!y) return std::nullopt;
  row.year.year = *y;
  for (auto [cell, key, into] : {std::tuple{&budget, "budget", &row.year.budget}, {&outcome, "utfall", &row.year.outcome},
                                 {&result, "resultat", &row.year.result}}) {
    auto f = figure(*cell, &row.year.forecast);
    if (!f) return std::nullopt;
    if (f->empty()) row.empty.push_back(key);
    else *into = number(*f);
  }
  return row;
}

Recognised economy_block(const std::string& unit, const std::vector<EconomyRow>& rows, const Around& around) {
  model::EconomyTable table{unit, {}, ""};
  for (const auto& r : rows) table.years.push_back(r.year);
  const bool footnote = !around.footnote.empty() &&
                        std::any_of(rows.begin(), rows.end(), [](const EconomyRow& r) { return r.year.forecast; });
  if (footnote) table.footnote = around.footnote;
  scaffold::Entries entries = scaffold::block_entries(table);
  for (auto& e : entries)
    if (e.key == "värden")
      for (size_t i = 0; i < rows.size(); ++i)
        for (auto& cell : std::get<std::vector<scaffold::Entries>>(e.value)[i])
          if (std::find(rows[i].empty.begin(), rows[i].empty.end(), cell.key) != rows[i].empty.end()) cell.value = std::monostate();
  return {scaffold::data_block("ekonomi", entries), false, footnote};
}

// År | Budget (mnkr) | Utfall | Resultat, a year per row.
std::optional<Recognised> economy(const Row& header, const std::vector<Row>& rows, const Around& around) {
  const int year = column(header, "år"), budget = column(header, "budget"), outcome = column(header, "utfall"),
            result = column(header, "resultat");
  if (year < 0 || budget < 0 || outcome < 0 || result < 0) return std::nullopt;
  std::string unit;
  for (const auto& h : header)
    if (unit.empty()) unit = unit_in(h);
  if (unit.empty()) return std::nullopt;  // enhet: is required and cannot be guessed
  std::vector<EconomyRow> years;
  for (const auto& r : rows) {
    auto y = economy_year(r[year], r[budget], r[outcome], r[result]);
    if (!y) return std::nullopt;
    years.push_back(std::move(*y));
  }
  return economy_block(unit, years, around);
}

// As the award prints it: Verksamhetsår | 2015 | 2016 …, then rows Budget (mnkr), Utfall/prognos,
// Resultat; a "*" on a figure marks that year a forecast.
std::optional<Recognised> economy_by_columns(const Row& header, const std::vector<Row>& rows, const Around& around) {
  const std::string corner = folded_cell(header[0]);
  if (corner.find("år") == std::string::npos || header.size() < 2 || rows.size() != 3) return std::nullopt;
  const char* order[] = {"budget", "utfall", "resultat"};
  std::string unit;
  for (size_t k = 0; k < 3; ++k) {
    if (!starts_with(folded_cell(rows[k][0]), order[k])) return std::nullopt;
    if (unit.empty()) unit = unit_in(rows[k][0]);
  }
  if (unit.empty()) return std::nullopt;
  std::vector<EconomyRow> years;
  for (size_t c = 1; c < header.size(); ++c) {
    auto y = economy_year(header[c], rows[0][c], rows[1][c], rows[2][c]);
    if (!y || !y->empty.empty()) return std::nullopt;
    years.push_back(std::move(*y));
  }
  return economy_block(unit, years, around);
}

std::optional<Recognised> index_series(const Row& header, const std::vector<Row>& rows, const Around& around) {
  if (header.size() < 2 || folded_cell(header[0]) != "år") return std::nullopt;
  std::string name = header[1], description = unit_in(header[1]);
  if (!description.empty()) name = std::string(trim(name.substr(0, name.find('('))));
  const bool acronym = name.size() >= 2 && name.size() <= 5 &&
                       std::all_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!acronym && folded_cell(name).find("index") == std::string::npos) return std::nullopt;
  // The caption before the table, as the site prints it: "AMI – Aktivt medarbetarskapsindex".
  bool used_before = false;
  for (const char* dash : {" \xE2\x80\x93 ", " - ", " \xE2\x80\x94 "})
    if (description.empty() && starts_with(around.before, name + dash)) {
      description = std::string(trim(around.before.substr(name.size() + std::string(dash).size())));
      used_before = true;
    }
  model::IndexSeries series{name, description, {}};
  for (const auto& r : rows) {
    const auto y = year_of(figure(r[0]));
    const auto v = figure(r[1]);
    if (!y || !v || v->empty()) return std::nullopt;
    model::IndexValue value{*y, number(*v), {}};
    for (size_t c = 2; c < header.size(); ++c) {
      auto s = figure(r[c]);
      if (!s) return std::nullopt;
      if (!s->empty()) value.sub_indices.emplace_back(header[c], number(*s));
    }
    series.values.push_back(std::move(value));
  }
  return Recognised{scaffold::block_text(series), used_before, false};
}

// The question a survey table answers: the paragraph before it, asking "…?" or captioned as the
// site prints it ("Enkätresultat: …").
std::string survey_question(const std::string& before) {
  for (Lang lang : {Lang::kSv, Lang::kEn}) {
    const std::string prefix = text(lang, Msg::kUiSurveyCaption, {""});
    if (starts_with(before, prefix)) return std::string(trim(before.substr(prefix.size())));
  }
  return !before.empty() && before.back() == '?' ? before : "";
}

std::optional<Recognised> survey(const Row& header, const std::vector<Row>& rows, const Around& around) {
  const int answer = column(header, "svar"), total = column(header, "totalt");
  const std::string question = survey_question(around.before);
  if (answer < 0 || total < 0 || question.empty()) return std::nullopt;
  const int women = column(header, "kvinn"), men = column(header, "man"), other = column(header, "annan");
  model::SurveyTable table{question, {}};
  for (const auto& r : rows) {
    auto t = figure(r[total]);
    if (!t || t->empty() || r[answer].empty()) return std::nullopt;
    model::SurveyRow row{r[answer], number(*t), std::nullopt, std::nullopt, std::nullopt};
    for (auto [col, into] : {std::pair{women, &row.women}, {men, &row.men}, {other, &row.other}}) {
      if (col < 0) continue;
      auto v = figure(r[col]);
      if (!v) return std::nullopt;
      if (!v->empty()) *into = number(*v);
    }
    table.rows.push_back(std::move(row));
  }
  return Recognised{scaffold::block_text(table), true, false};
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  for (size_t at; (at = s.find(sep)) != std::string_view::npos; s.remove_prefix(at + 1)) parts.push_back(s.substr(0, at));
  parts.push_back(s);
  return parts;
}

// Månad | Aktiviteter, a month per row, as the site prints an annual cycle; "; " between activities.
std::optional<Recognised> annual_cycle(const Row& header, const std::vector<Row>& rows, const Around&) {
  if (header.size() != 2 || (folded_cell(header[0]) != "månad" && folded_cell(header[0]) != "month")) return std::nullopt;
  const auto& months = month_names();
  model::AnnualCycle cycle;
  for (const auto& r : rows) {
    auto it = std::find(months.begin(), months.end(), folded_cell(r[0]));
    if (it == months.end() || trim(r[1]).empty()) return std::nullopt;
    std::vector<std::string> activities;
    for (auto activity : split(r[1], ';')) activities.emplace_back(trim(activity));
    cycle.months.emplace_back(static_cast<int>(it - months.begin()) + 1, std::move(activities));
  }
  return Recognised{scaffold::block_text(cycle), false, false};
}

std::optional<Recognised> recognise(const Row& header, const std::vector<Row>& rows, const Around& around) {
  if (rows.empty()) return std::nullopt;
  for (auto shape : {economy, economy_by_columns, index_series, survey, annual_cycle})
    if (auto r = shape(header, rows, around)) return r;
  return std::nullopt;
}

// "\* Prognos per sista mars 2018" → "Prognos per sista mars 2018"; "" for another line.
std::string footnote_text(std::string_view line) {
  line = trim(line);
  if (!starts_with(line, "\\*")) return "";
  return std::string(trim(line.substr(2)));
}

}  // namespace

std::string recognise_tables(std::string_view markdown) {
  std::vector<std::string> lines;
  for (auto l : split_lines(markdown)) lines.emplace_back(l);
  std::string out, last_paragraph;
  size_t last_paragraph_at = 0;  // where it starts in out
  FenceTracker fences;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (fences.in_fence(lines[i])) {  // a table in a code or data block is its text
      out += lines[i] + "\n";
      last_paragraph.clear();
      continue;
    }
    auto header = cells(lines[i]);
    auto separator = i + 1 < lines.size() ? cells(lines[i + 1]) : std::nullopt;
    if (header && separator && separator->size() == header->size() && is_separator(*separator)) {
      std::vector<Row> rows;
      size_t end = i + 2;
      for (; end < lines.size(); ++end) {
        auto row = cells(lines[end]);
        if (!row || row->size() != header->size()) break;
        rows.push_back(std::move(*row));
      }
      size_t after = end;  // the first line after the table and its blank lines
      while (after < lines.size() && trim(lines[after]).empty()) ++after;
      const Around around{std::string(trim(last_paragraph)), after < lines.size() ? footnote_text(lines[after]) : ""};
      if (auto block = recognise(*header, rows, around)) {
        // A caption or question before the table, a footnote after it: the block says them now.
        if (block->used_before && !around.before.empty()) out.erase(last_paragraph_at, last_paragraph.size() + 1);
        out += block->block;
        if (block->used_footnote) end = after + 1;
      } else {
        for (size_t k = i; k < end; ++k) out += lines[k] + "\n";
      }
      last_paragraph.clear();
      i = end - 1;
      continue;
    }
    if (!trim(lines[i]).empty()) {
      last_paragraph = lines[i];
      last_paragraph_at = out.size();
    }
    out += lines[i] + "\n";
  }
  return out;
}

}  // namespace kv::import
