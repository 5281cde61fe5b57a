#include "render/xlsx/report_sheets.h"

#include "i18n/messages.h"
#include "markdown/markdown.h"
#include "model/report_view.h"
#include "render/format.h"

namespace kv {
namespace {

using xlsx::Cell;
using xlsx::Column;
using Kind = xlsx::Column::Kind;

// Every block of type T with its place in the goal hierarchy.
template <typename T>
std::vector<std::pair<model::GoalPath, const T*>> all_of(const model::Submission& s) {
  std::vector<std::pair<model::GoalPath, const T*>> out;
  model::for_each_in_hierarchy(s, [&](const model::Block& b, const model::GoalPath& path) {
    if (const auto* t = std::get_if<T>(&b.value)) out.emplace_back(path, t);
  });
  return out;
}

Cell plain(const std::string& markdown) {
  std::string text = markdown::to_plain_text(markdown);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text.empty() ? Cell::empty() : Cell::of(text);
}

// Section, KF:s inriktningsmål and KF:s mål: the first columns of the hierarchy sheets.
std::vector<Column> place_columns(const model::Submission& s, Lang lang) {
  return {{s.structure->part_word(lang, true), 9, Kind::kInteger},
          {text(lang, Msg::kXlsxDirectionGoal), 30, Kind::kWrappedText},
          {text(lang, Msg::kUiKfGoal), 30, Kind::kWrappedText}};
}

std::vector<Cell> place_cells(const model::GoalPath& p) {
  auto label = [](const std::string& s) { return s.empty() ? Cell::empty() : Cell::of(s); };
  return {Cell::of(double(p.section)), label(model::direction_label(p)), label(model::kf_goal_label(p))};
}

void indicator_sheet(xlsx::Workbook& book, const model::Submission& s, Lang lang) {
  auto list = all_of<model::Indicator>(s);
  if (list.empty()) return;
  auto columns = place_columns(s, lang);
  for (auto& c : indicator_columns(lang)) columns.push_back(std::move(c));
  columns.push_back({text(lang, Msg::kUiAnalysis), 80, Kind::kWrappedText});
  std::vector<std::vector<Cell>> rows;
  for (const auto& [path, ind] : list) {
    auto row = place_cells(path);
    for (auto& c : indicator_cells(*ind, lang)) row.push_back(std::move(c));
    row.push_back(plain(ind->analysis));
    rows.push_back(std::move(row));
  }
  book.add_sheet(text(lang, Msg::kXlsxSheetIndicators), columns, rows);
}

void sub_unit_sheet(xlsx::Workbook& book, const model::Submission& s, Lang lang) {
  std::vector<std::vector<Cell>> rows;
  for (const auto& [path, ind] : all_of<model::Indicator>(s))
    for (const auto& sub : ind->sub_units)
      rows.push_back({Cell::of(ind->name), Cell::of(sub.name),
                      ind->unit == "%" ? Cell::pct(sub.value) : Cell::of(sub.value)});
  if (rows.empty()) return;
  book.add_sheet(text(lang, Msg::kXlsxSheetSubUnits),
                 {{text(lang, Msg::kUiIndicator), 50, Kind::kWrappedText}, {text(lang, Msg::kUiSubUnit), 28, Kind::kText},
                  {text(lang, Msg::kUiOutcomeShort), 12, Kind::kDecimal}},
                 rows);
}

void activity_sheet(xlsx::Workbook& book, const model::Submission& s, Lang lang) {
  auto list = all_of<model::Activity>(s);
  if (list.empty()) return;
  auto columns = place_columns(s, lang);
  columns.insert(columns.end(), {{text(lang, Msg::kUiBoardGoal), 40, Kind::kWrappedText},
                                 {text(lang, Msg::kUiActivity), 60, Kind::kWrappedText},
                                 {text(lang, Msg::kUiStartDate), 12, Kind::kText},
                                 {text(lang, Msg::kUiEndDate), 12, Kind::kText},
                                 {text(lang, Msg::kUiDeviation), 10, Kind::kText},
                                 {text(lang, Msg::kUiAnalysis), 70, Kind::kWrappedText}});
  std::vector<std::vector<Cell>> rows;
  for (const auto& [path, a] : list) {
    auto row = place_cells(path);
    row.insert(row.end(), {path.board_goal ? Cell::of(path.board_goal->goal) : Cell::empty(), Cell::of(a->activity),
                           Cell::date(a->start), Cell::date(a->end),
                           Cell::of(text(lang, a->deviation ? Msg::kUiYes : Msg::kUiNo)), plain(a->analysis)});
    rows.push_back(std::move(row));
  }
  book.add_sheet(text(lang, Msg::kXlsxSheetActivities), columns, rows);
}

// An action plan's table, one row per action; its dates as Excel dates.
void action_sheet(xlsx::Workbook& book, const model::Submission& s, Lang lang) {
  auto list = all_of<model::ActionItem>(s);
  if (list.empty()) return;
  const std::vector<Column> columns = {{s.structure->part_word(lang, true), 9, Kind::kInteger},
                                       {text(lang, Msg::kUiActionProblem), 36, Kind::kWrappedText},
                                       {text(lang, Msg::kUiActionProcess), 80, Kind::kWrappedText},
                                       {text(lang, Msg::kUiActionWhen), 28, Kind::kWrappedText},
                                       {text(lang, Msg::kUiStartDate), 12, Kind::kText},
                                       {text(lang, Msg::kUiEndDate), 12, Kind::kText},
                                       {text(lang, Msg::kUiActionStatus), 12, Kind::kText},
                                       {text(lang, Msg::kUiActionResponsible), 24, Kind::kWrappedText},
                                       {text(lang, Msg::kUiActionFollowUp), 50, Kind::kWrappedText}};
  auto date = [](const std::optional<model::PlanDate>& d) { return d ? Cell::date(d->iso()) : Cell::empty(); };
  auto label = [](const std::string& t) { return t.empty() ? Cell::empty() : Cell::of(t); };
  std::vector<std::vector<Cell>> rows;
  for (const auto& [path, a] : list) {
    std::string roles;
    for (const auto& r : a->responsible) roles += (roles.empty() ? "" : "\n") + r;
    rows.push_back({Cell::of(double(path.section)), Cell::of(a->problem), plain(a->action), label(a->when), date(a->start),
                    date(a->end), label(action_status_text(a->status, lang)), Cell::of(roles), plain(a->follow_up)});
  }
  book.add_sheet(text(lang, Msg::kXlsxSheetActions), columns, rows);
}

void unit_goal_sheet(xlsx::Workbook& book, const model::Submission& s, Lang lang) {
  auto list = all_of<model::UnitGoal>(s);
  if (list.empty()) return;
  auto columns = place_columns(s, lang);
  columns.insert(columns.end(), {{text(lang, Msg::kUiBoardGoal), 40, Kind::kWrappedText},
                                 {text(lang, Msg::kUiUnitGoal), 50, Kind::kWrappedText},
                                 {text(lang, Msg::kUiStatus), 16, Kind::kText},
                                 {text(lang, Msg::kUiExpectedResult), 60, Kind::kWrappedText},
                                 {text(lang, Msg::kUiAnalysis), 80, Kind::kWrappedText}});
  std::vector<std::vector<Cell>> rows;
  for (const auto& [path, g] : list) {
    std::string expected;
    for (const auto& e : g->expected_results) expected += (expected.empty() ? "" : "\n") + e;
    auto row = place_cells(path);
    row.insert(row.end(), {path.board_goal ? Cell::of(path.board_goal->goal) : Cell::empty(), Cell::of(g->goal),
                           Cell::of(goal_status_text(g->status, lang)),
                           expected.empty() ? Cell::empty() : Cell::of(expected), plain(g->analysis)});
    rows.push_back(std::move(row));
  }
  book.add_sheet(text(lang, Msg::kXlsxSheetUnitGoals), columns, rows);
}

void complaints_sheet(xlsx::Workbook& book, const model::Submission& s, Lang lang) {
  std::vector<std::vector<Cell>> rows;
  for (const auto& [path, c] : all_of<model::Complaints>(s))
    for (const auto& g : c->groups)
      for (const auto& r : g.rows)
        rows.push_back({Cell::of(g.title), Cell::of(r.category), Cell::of(r.t1), Cell::of(r.t2), Cell::of(r.vb),
                        Cell::of(r.total), r.summary.empty() ? Cell::empty() : Cell::of(r.summary)});
  if (rows.empty()) return;
  book.add_sheet(text(lang, Msg::kXlsxSheetComplaints),
                 {{text(lang, Msg::kXlsxGroup), 40, Kind::kWrappedText}, {text(lang, Msg::kXlsxCategory), 40, Kind::kWrappedText},
                  {text(lang, Msg::kUiT1), 10, Kind::kInteger}, {text(lang, Msg::kUiT2), 10, Kind::kInteger},
                  {text(lang, Msg::kUiVb), 10, Kind::kInteger}, {text(lang, Msg::kUiAccumulated), 12, Kind::kInteger},
                  {text(lang, Msg::kUiSummaryActions), 70, Kind::kWrappedText}},
                 rows);
}

}  // namespace

// KF:s årsmål holds numbers and texts ("Max 10 personer"); the column's number format is
// for its numbers, texts show as written.
std::vector<Column> indicator_columns(Lang lang) {
  auto t = [lang](Msg m) { return text(lang, m); };
  return {{t(Msg::kUiIndicator), 50, Kind::kWrappedText}, {t(Msg::kXlsxMeasure), 9, Kind::kText},
          {t(Msg::kUiPeriodOutcome), 12, Kind::kDecimal},  {t(Msg::kUiOutcomeMen), 12, Kind::kDecimal},
          {t(Msg::kUiOutcomeWomen), 12, Kind::kDecimal},   {t(Msg::kXlsxPreviousYear), 14, Kind::kDecimal},
          {t(Msg::kUiTarget), 10, Kind::kDecimal},         {t(Msg::kUiKfTarget), 22, Kind::kDecimal},
          {t(Msg::kUiPeriod), 10, Kind::kText},            {t(Msg::kXlsxDirection), 16, Kind::kText}};
}

std::vector<Cell> indicator_cells(const model::Indicator& i, Lang lang, bool with_target) {
  // Figures of a percentage indicator are stored as percentages; others as plain numbers.
  auto value = [&](const std::optional<Number>& v) { return i.unit == "%" ? Cell::pct(v) : Cell::of(v); };
  Cell kf = i.kf_target ? value(i.kf_target) : i.kf_target_text.empty() ? Cell::empty() : Cell::of(i.kf_target_text);
  if (!with_target)
    return {Cell::of(i.name),   Cell::of(i.unit),   value(i.outcome), Cell::empty(), Cell::empty(),
            Cell::empty(),      Cell::empty(),      Cell::empty(),    Cell::of(i.period), Cell::empty()};
  return {Cell::of(i.name),     Cell::of(i.unit),     value(i.outcome), value(i.men),
          value(i.women),       value(i.previous),    value(i.target),  kf,
          Cell::of(i.period),   Cell::of(text(lang, i.higher_is_better ? Msg::kXlsxHigher : Msg::kXlsxLower))};
}

bool has_report_tables(const model::Submission& s) {
  bool any = false;
  model::for_each_in_hierarchy(s, [&](const model::Block& b, const model::GoalPath&) {
    any = any || std::holds_alternative<model::Indicator>(b.value) || std::holds_alternative<model::Activity>(b.value) ||
          std::holds_alternative<model::UnitGoal>(b.value) || std::holds_alternative<model::Complaints>(b.value) ||
          std::holds_alternative<model::ActionItem>(b.value);
  });
  return any;
}

void add_report_sheets(xlsx::Workbook& book, const model::Submission& s, Lang lang) {
  indicator_sheet(book, s, lang);
  sub_unit_sheet(book, s, lang);
  activity_sheet(book, s, lang);
  unit_goal_sheet(book, s, lang);
  complaints_sheet(book, s, lang);
  action_sheet(book, s, lang);
}

}  // namespace kv
