// Indicators across units and years: an index of every indicator, and per indicator a page
// with its trend (chart and table) and links to where each unit reports it.
#include <set>
#include <sstream>

#include "i18n/messages.h"
#include "i18n/numbers.h"
#include "render/html/pages.h"
#include "render/html/report_html.h"
#include "render/html/urls.h"

namespace kv {
namespace {

std::string years_text(const model::IndicatorSeries& series) {
  std::set<int> years;
  for (const auto& u : series.uses) years.insert(u.year);
  std::string out;
  for (int y : years) out += (out.empty() ? "" : ", ") + std::to_string(y);
  return out;
}

std::string unit_count(const model::IndicatorSeries& series, Lang lang) {
  std::set<std::string> units;
  for (const auto& u : series.uses) units.insert(u.submission->unit.slug);
  return units.size() == 1 ? text(lang, Msg::kUiOneUnit) : text(lang, Msg::kUiUnitCount, {std::to_string(units.size())});
}

// Years along the axis (oldest first), one series of bars per unit.
svg::BarChart trend_chart(const model::IndicatorSeries& series, Lang lang) {
  std::set<int> years;
  for (const auto& u : series.uses) years.insert(u.year);
  svg::BarChart chart{"", text(lang, Msg::kUiIndicatorTrendChart, {series.name}), {}, {}, 0,
                      series.uses.front().indicator->unit == "%", lang};
  for (int y : years) chart.categories.push_back(std::to_string(y));
  for (const auto& use : series.uses) {
    const std::string& unit = use.submission->unit.name;
    if (chart.series.empty() || chart.series.back().name != unit)  // uses are grouped by unit
      chart.series.push_back({unit, std::vector<std::optional<Number>>(years.size())});
    size_t at = std::distance(years.begin(), years.find(use.year));
    chart.series.back().values[at] = use.indicator->outcome;
  }
  return chart;
}

std::string optional_value(const std::optional<Number>& v, const std::string& unit, Lang lang) {
  return v ? format_indicator_value(*v, unit, lang) : "";
}

data trend_rows(const model::IndicatorSeries& series, Lang lang, const std::string& root) {
  data rows{data::type::list};
  for (const auto& use : series.uses) {
    const model::Indicator& i = *use.indicator;
    const model::Submission& s = *use.submission;
    data r;
    r.set("unit_name", s.unit.name);
    r.set("year", std::to_string(use.year));
    r.set("outcome", format_indicator_value(i.outcome, i.unit, lang));
    r.set("men", optional_value(i.men, i.unit, lang));
    r.set("women", optional_value(i.women, i.unit, lang));
    r.set("target", use.index_figure ? "" : format_indicator_value(i.target, i.unit, lang));
    r.set("kf_target", use.index_figure ? "" : i.kf_target ? format_indicator_value(*i.kf_target, i.unit, lang) : i.kf_target_text);
    r.set("href", root + question_path(s, use.part));
    r.set("where", document_title(s) + ", " + part_label(*s.structure, lang, use.part));
    rows.push_back(r);
  }
  return rows;
}

}  // namespace

Page render_indicator_index(const SiteContext& ctx) {
  const Lang lang = ctx.site.lang;
  const std::string path = indicators_index_path(), root = root_of(path);
  data d, rows{data::type::list};
  for (const auto& series : ctx.index.indicators()) {
    data r = link(series.slug + "/index.html", series.name);
    r.set("units", unit_count(series, lang));
    r.set("years", years_text(series));
    rows.push_back(r);
  }
  d.set("t", labels(lang));
  d.set("intro", text(lang, Msg::kUiIndicatorsIntro));
  d.set("caption", text(lang, Msg::kUiIndicatorsCaption));
  d.set("rows", rows);
  data crumbs = crumbs_from_home(ctx.site, root);
  add_crumb(crumbs, text(lang, Msg::kUiIndicators), "");
  return finish(ctx, {path, "indikatorer", text(lang, Msg::kUiIndicators), crumbs}, ctx.layouts.render("indicators", d));
}

Page render_indicator_page(const SiteContext& ctx, const model::IndicatorSeries& series) {
  const Lang lang = ctx.site.lang;
  const std::string path = indicator_page_path(series.slug), root = root_of(path);
  std::ostringstream chart;
  ChartCounter counter;
  write_chart(chart, {lang, root, 2, "trend-"}, counter, trend_chart(series, lang));
  data d, head;
  for (auto [key, id] : {std::pair{"unit", Msg::kUiUnit}, {"year", Msg::kUiYear}, {"outcome", Msg::kUiPeriodOutcome},
                         {"men", Msg::kUiOutcomeMen}, {"women", Msg::kUiOutcomeWomen}, {"target", Msg::kUiTarget},
                         {"kf_target", Msg::kUiKfTarget}})
    head.set(key, text(lang, id));
  d.set("t", labels(lang));
  d.set("head", head);
  d.set("name", series.name);
  d.set("chart_html", chart.str());
  d.set("caption", text(lang, Msg::kUiIndicatorTableCaption, {series.name}));
  d.set("rows", trend_rows(series, lang, root));
  d.set("workbook", link(root + trend_workbook_path(series.name), text(lang, Msg::kUiTrendWorkbook)));
  data crumbs = crumbs_from_home(ctx.site, root);
  add_crumb(crumbs, text(lang, Msg::kUiIndicators), root + indicators_index_path());
  add_crumb(crumbs, series.name, "");
  return finish(ctx, {path, "indikator", series.name, crumbs}, ctx.layouts.render("indicator", d));
}

}  // namespace kv
