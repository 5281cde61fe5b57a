#include "render/html/report_html.h"

#include "i18n/messages.h"
#include "i18n/numbers.h"
#include "markdown/markdown.h"
#include "render/format.h"
#include "render/html/urls.h"
#include "render/xlsx/indicator_workbooks.h"
#include "util/escape.h"
#include "util/text.h"

namespace kv {
namespace {

using std::string;

string esc(const string& s) { return html_escape(s); }
string md(const string& s) { return markdown::to_html(s, 4); }
string h(int level) { return std::to_string(std::min(level, 6)); }

const char* status_class(model::GoalStatus s) {
  switch (s) {
    case model::GoalStatus::kMet: return "helt";
    case model::GoalStatus::kPartlyMet: return "delvis";
    case model::GoalStatus::kNotMet: return "inte";
    default: return "inga-data";
  }
}

// Status as words, never as colour alone.
void status_line(std::ostream& out, Lang lang, model::GoalStatus s) {
  if (s == model::GoalStatus::kNone) return;
  out << "<p class=\"status status-" << status_class(s) << "\"><span class=\"etikett\">" << esc(text(lang, Msg::kUiStatus))
      << ":</span> " << esc(goal_status_text(s, lang)) << "</p>\n";
}

void expected_results(std::ostream& out, const BlockHtmlContext& ctx, int level, const std::vector<string>& items) {
  if (items.empty()) return;
  out << "<h" << h(level) << ">" << esc(text(ctx.lang, Msg::kUiExpectedResult)) << "</h" << h(level) << ">\n<ul>\n";
  for (const auto& item : items) out << "<li>" << esc(item) << "</li>\n";
  out << "</ul>\n";
}

void analysis(std::ostream& out, const BlockHtmlContext& ctx, int level, const string& text_md) {
  if (trim(text_md).empty()) return;
  out << "<h" << h(level) << ">" << esc(text(ctx.lang, Msg::kUiAnalysis)) << "</h" << h(level) << ">\n" << md(text_md);
}

string cell(const std::optional<Number>& v, const string& unit, Lang lang) {
  return v ? format_indicator_value(*v, unit, lang) : "";
}

// The year before the period's: "Utfall VB 2023" for a 2024 report.
string previous_label(const model::Indicator& i, Lang lang) {
  string digits;
  for (char c : i.period)
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  string year = digits.size() == 4 ? std::to_string(std::stoi(digits) - 1) : "";
  return text(lang, Msg::kUiOutcomePrevious, {year});
}

// One indicator's figures as label/value rows: the printed report's eight columns do not
// fit a phone, and a reader takes in a column of labelled figures more easily.
void indicator_table(std::ostream& out, const BlockHtmlContext& ctx, const model::Indicator& i) {
  const Lang lang = ctx.lang;
  auto row = [&](const string& label, const string& value) {
    out << "<tr><th scope=\"row\">" << esc(label) << "</th><td>" << value << "</td></tr>\n";
  };
  open_table(out, "indikator-tabell siffror", esc(text(lang, Msg::kUiIndicatorFigures)),
             text(lang, Msg::kUiIndicatorFigures) + ": " + i.name);
  out << "<tbody>\n";
  row(text(lang, Msg::kUiPeriodOutcome), cell(i.outcome, i.unit, lang));
  row(text(lang, Msg::kUiOutcomeMen), cell(i.men, i.unit, lang));
  row(text(lang, Msg::kUiOutcomeWomen), cell(i.women, i.unit, lang));
  row(previous_label(i, lang), cell(i.previous, i.unit, lang));
  row(text(lang, Msg::kUiTarget), cell(i.target, i.unit, lang));
  row(text(lang, Msg::kUiKfTarget), i.kf_target ? cell(i.kf_target, i.unit, lang) : esc(i.kf_target_text));
  row(text(lang, Msg::kUiPeriod), esc(i.period));
  out << "</tbody>\n";
  close_table(out);
}

void sub_unit_table(std::ostream& out, const BlockHtmlContext& ctx, const model::Indicator& i) {
  if (i.sub_units.empty()) return;
  open_table(out, "delenheter siffror", esc(text(ctx.lang, Msg::kUiSubUnitChart, {i.name})));
  out << "<thead><tr><th scope=\"col\">" << esc(text(ctx.lang, Msg::kUiSubUnit)) << "</th><th scope=\"col\">"
      << esc(text(ctx.lang, Msg::kUiOutcomeShort)) << "</th></tr></thead>\n<tbody>\n";
  for (const auto& s : i.sub_units)
    out << "<tr><th scope=\"row\">" << esc(s.name) << "</th><td>" << format_indicator_value(s.value, i.unit, ctx.lang)
        << "</td></tr>\n";
  out << "</tbody>\n";
  close_table(out);
}

// Where the figures come from, when the indicator names a Kolada KPI: the KPI linked to its
// page in Kolada, and the values kvalitet kolada filled in (the rest are the unit's own).
void kolada_source(std::ostream& out, const BlockHtmlContext& ctx, const model::Indicator& i) {
  if (i.kolada.empty()) return;
  const string link = "<a href=\"https://www.kolada.se/verktyg/fri-sokning/?kpis=" + esc(i.kolada) + "\">" + esc(i.kolada) + "</a>";
  const string mark = "KVKOLADALINK";
  std::vector<string> names;
  for (const auto& key : i.from_kolada)
    names.push_back(text(ctx.lang, key == "utfall" ? Msg::kUiPeriodOutcome : key == "kvinnor" ? Msg::kUiOutcomeWomen : Msg::kUiOutcomeMen));
  string line = esc(i.from_kolada.empty() ? text(ctx.lang, Msg::kUiKoladaOwn, {mark}) : text(ctx.lang, Msg::kUiKoladaFilled, {mark, join(names, ", ")}));
  line.replace(line.find(mark), mark.size(), link);
  out << "<p class=\"kalla\">" << line << "</p>\n";
}

bool target_met(const model::Indicator& i) {
  return i.higher_is_better ? i.outcome.value >= i.target.value : i.outcome.value <= i.target.value;
}

}  // namespace

void write_chart(std::ostream& out, const BlockHtmlContext& ctx, ChartCounter& charts, svg::BarChart c) {
  c.id = ctx.id_prefix + "diagram-" + std::to_string(++charts.next);
  c.lang = ctx.lang;
  out << "<div class=\"diagram-ram\">\n" << svg::render_bar_chart(c) << "</div>\n";
}

std::vector<svg::BarChart> indicator_charts(const model::Indicator& i, Lang lang) {
  std::vector<svg::BarChart> charts;
  const bool percent = i.unit == "%";
  svg::BarChart main{"", text(lang, Msg::kUiIndicatorChart, {i.name}), {}, {{i.name, {}}}, 0, percent, lang};
  auto add = [&](const string& label, std::optional<Number> v) {
    if (!v) return;
    main.categories.push_back(label);
    main.series[0].values.push_back(v);
  };
  add(previous_label(i, lang), i.previous);
  add(text(lang, Msg::kUiPeriodOutcome), i.outcome);
  add(text(lang, Msg::kUiTarget), i.target);
  add(text(lang, Msg::kUiKfTarget), i.kf_target);
  charts.push_back(std::move(main));
  if (i.men && i.women) {
    charts.push_back({"", text(lang, Msg::kUiGenderChart, {i.name}),
                      {text(lang, Msg::kUiWomen), text(lang, Msg::kUiMen), text(lang, Msg::kUiTotal)},
                      {{i.name, {i.women, i.men, i.outcome}}}, 0, percent, lang});
  }
  if (!i.sub_units.empty()) {
    svg::BarChart subs{"", text(lang, Msg::kUiSubUnitChart, {i.name}), {}, {{text(lang, Msg::kUiOutcomeShort), {}}}, 0,
                       percent, lang};
    for (const auto& s : i.sub_units) {
      subs.categories.push_back(s.name);
      subs.series[0].values.push_back(s.value);
    }
    charts.push_back(std::move(subs));
  }
  return charts;
}

void write_report_block(std::ostream& out, const BlockHtmlContext& ctx, ChartCounter&, const model::KfGoal& g) {
  const int level = ctx.min_heading;
  out << "<h" << h(level) << " class=\"kf-mal\"><span class=\"etikett\">" << esc(text(ctx.lang, Msg::kUiKfGoal))
      << ":</span> " << esc(g.number) << " " << esc(g.title) << "</h" << h(level) << ">\n";
  status_line(out, ctx.lang, g.status);
}

void write_report_block(std::ostream& out, const BlockHtmlContext& ctx, ChartCounter& charts, const model::Indicator& i) {
  const int level = ctx.min_heading + 1;
  out << "<section class=\"indikator\">\n<h" << h(level) << ">" << esc(i.name) << "</h" << h(level) << ">\n";
  indicator_table(out, ctx, i);
  out << "<p class=\"indikator-bedomning\">"
      << esc(text(ctx.lang, i.higher_is_better ? Msg::kUiHigherBetter : Msg::kUiLowerBetter)) << " "
      << esc(text(ctx.lang, target_met(i) ? Msg::kUiTargetMet : Msg::kUiTargetNotMet)) << "</p>\n";
  for (auto& c : indicator_charts(i, ctx.lang)) write_chart(out, ctx, charts, std::move(c));
  sub_unit_table(out, ctx, i);
  analysis(out, ctx, level + 1, i.analysis);
  kolada_source(out, ctx, i);
  out << "<p class=\"nedladdning\" data-ej-sok><a href=\"" << esc(ctx.root + trend_workbook_path(i.name))
      << "\" type=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\">"
      << esc(text(ctx.lang, Msg::kUiTrendWorkbook)) << "</a></p>\n";
  out << "<p class=\"indikator-lank\" data-ej-sok><a href=\"" << esc(ctx.root + indicator_page_path(indicator_slug(i.name))) << "\">"
      << esc(text(ctx.lang, Msg::kUiIndicatorPageLink)) << "</a></p>\n</section>\n";
}

void write_report_block(std::ostream& out, const BlockHtmlContext& ctx, ChartCounter&, const model::BoardGoal& g) {
  const int level = ctx.min_heading + 1;
  out << "<section class=\"namndmal\">\n<h" << h(level) << "><span class=\"etikett\">"
      << esc(text(ctx.lang, Msg::kUiBoardGoal)) << ":</span> " << esc(g.goal) << "</h" << h(level) << ">\n";
  if (!trim(g.description).empty())
    out << "<h" << h(level + 1) << ">" << esc(text(ctx.lang, Msg::kUiDescription)) << "</h" << h(level + 1) << ">\n"
        << md(g.description);
  expected_results(out, ctx, level + 1, g.expected_results);
  out << "</section>\n";
}

void write_report_block(std::ostream& out, const BlockHtmlContext& ctx, ChartCounter&, const model::UnitGoal& g) {
  const int level = ctx.min_heading + 1;
  out << "<section class=\"enhetsmal\">\n<h" << h(level) << "><span class=\"etikett\">"
      << esc(text(ctx.lang, Msg::kUiUnitGoal)) << ":</span> " << esc(g.goal) << "</h" << h(level) << ">\n";
  status_line(out, ctx.lang, g.status);
  expected_results(out, ctx, level + 1, g.expected_results);
  analysis(out, ctx, level + 1, g.analysis);
  out << "</section>\n";
}

void write_activities(std::ostream& out, const BlockHtmlContext& ctx, const std::vector<const model::Activity*>& list) {
  const Lang lang = ctx.lang;
  open_table(out, "aktiviteter", esc(text(lang, Msg::kUiActivitiesCaption)));
  out << "<thead><tr>";
  for (Msg m : {Msg::kUiActivity, Msg::kUiStartDate, Msg::kUiEndDate, Msg::kUiDeviation})
    out << "<th scope=\"col\">" << esc(text(lang, m)) << "</th>";
  out << "</tr></thead>\n<tbody>\n";
  for (const auto* a : list) {
    out << "<tr><th scope=\"row\">" << esc(a->activity) << "</th><td class=\"datum\">" << esc(a->start)
        << "</td><td class=\"datum\">" << esc(a->end) << "</td><td>"
        << esc(text(lang, a->deviation ? Msg::kUiYes : Msg::kUiNo)) << "</td></tr>\n";
    if (!trim(a->analysis).empty())
      out << "<tr class=\"aktivitet-analys\"><td colspan=\"4\"><span class=\"etikett\">" << esc(text(lang, Msg::kUiAnalysis))
          << ":</span> " << md(a->analysis) << "</td></tr>\n";
  }
  out << "</tbody>\n";
  close_table(out);
}

void write_report_block(std::ostream& out, const BlockHtmlContext& ctx, ChartCounter&, const model::Principles& p) {
  const int level = ctx.min_heading;
  for (const auto& [name, body] : p.texts)
    out << "<h" << h(level) << ">" << esc(name) << "</h" << h(level) << ">\n" << md(body);
}

void write_report_block(std::ostream& out, const BlockHtmlContext& ctx, ChartCounter&, const model::Agenda2030& a) {
  const int level = ctx.min_heading;
  for (const auto& g : a.goals)
    out << "<h" << h(level) << " class=\"agenda-mal\">"
        << esc(text(ctx.lang, Msg::kUiAgendaGoal, {std::to_string(g.number), g.name})) << "</h" << h(level) << ">\n"
        << md(g.text);
}

void write_report_block(std::ostream& out, const BlockHtmlContext& ctx, ChartCounter&, const model::Complaints& c) {
  const Lang lang = ctx.lang;
  open_table(out, "synpunkter siffror", esc(text(lang, Msg::kUiComplaintsCaption)));
  out << "<thead><tr>";
  for (Msg m : {Msg::kUiCategory, Msg::kUiT1, Msg::kUiT2, Msg::kUiVb, Msg::kUiAccumulated, Msg::kUiSummaryActions})
    out << "<th scope=\"col\">" << esc(text(lang, m)) << "</th>";
  out << "</tr></thead>\n";
  for (const auto& g : c.groups) {
    out << "<tbody>\n<tr class=\"grupp\"><th scope=\"rowgroup\" colspan=\"6\">" << esc(g.title) << "</th></tr>\n";
    for (const auto& r : g.rows) {
      out << "<tr><th scope=\"row\">" << esc(r.category) << "</th>";
      for (const auto& v : {r.t1, r.t2, r.vb, r.total}) out << "<td>" << (v ? format_number(*v, lang) : "") << "</td>";
      out << "<td class=\"text\">" << esc(r.summary) << "</td></tr>\n";
    }
    out << "</tbody>\n";
  }
  close_table(out);
}

}  // namespace kv
