// The start page (every document by year, every unit) and one page per unit.
#include <algorithm>
#include <map>
#include <set>

#include "i18n/messages.h"
#include "render/html/decision_page.h"
#include "render/html/pages.h"
#include "render/html/unit_timeline.h"
#include "render/html/urls.h"
#include "render/xlsx/submission_workbook.h"

namespace kv {
namespace {

data unit_entry(const model::Submission& s) {
  data e = link(overview_path(s), s.unit.name);
  e.set("administration", s.unit.administration);
  return e;
}

// Year → its editions (document kinds) → the units' documents.
data years_list(const SiteContext& ctx) {
  const Lang lang = ctx.site.lang;
  const auto indicator_years = ctx.index.indicator_years();
  data years{data::type::list};
  for (int year : ctx.index.years()) {
    data y, editions{data::type::list};
    y.set("year", std::to_string(year));
    for (const auto& e : ctx.index.editions()) {
      if (e.year != year) continue;
      data ed, units{data::type::list};
      ed.set("document", e.structure->name + " " + std::to_string(year));
      for (const auto* s : e.submissions) units.push_back(unit_entry(*s));
      ed.set("units", units);
      ed.set("compare", link(compare_index_path(e.kind_slug, year),
                             text(lang, Msg::kUiCompareEdition, {e.structure->name + " " + std::to_string(year)})));
      ed.set("decision", decision_link(ctx, e.kind_slug, year, ""));
      editions.push_back(ed);
    }
    y.set("editions", editions);
    if (std::count(indicator_years.begin(), indicator_years.end(), year))
      y.set("workbook", link(year_workbook_path(year), text(lang, Msg::kUiYearWorkbook, {std::to_string(year)})));
    else
      y.set("workbook", data(false));
    years.push_back(y);
  }
  return years;
}

data units_list(const SiteContext& ctx, const std::string& root) {
  data units{data::type::list};
  for (const auto& u : ctx.index.units()) {
    data entry = link(root + unit_page_path(u.unit->slug), u.unit->name), documents{data::type::list};
    entry.set("administration", u.unit->administration);
    for (const auto* s : u.submissions) documents.push_back(link(root + overview_path(*s), document_title(*s)));
    entry.set("documents", documents);
    units.push_back(entry);
  }
  return units;
}

}  // namespace

Page render_start_page(const SiteContext& ctx) {
  data d;
  d.set("site_title", ctx.site.title);
  d.set("t", labels(ctx.site.lang));
  d.set("years", years_list(ctx));
  d.set("units", units_list(ctx, ""));
  d.set("search_href", search_page_path());
  d.set("indicators_href", ctx.index.indicators().empty() ? data(false) : data(indicators_index_path()));
  return finish(ctx, {"index.html", "start", text(ctx.site.lang, Msg::kUiHome), data{data::type::list}},
                ctx.layouts.render("start", d));
}

// The unit's indicators over its years: one row per indicator (linked to its trend across
// units), one column per year, oldest first; a year without the indicator is empty.
void set_indicator_table(data& d, const SiteContext& ctx, const model::UnitDocuments& unit, const std::string& root) {
  const Lang lang = ctx.site.lang;
  std::set<int> years;
  std::vector<std::pair<const model::IndicatorSeries*, std::map<int, std::string>>> rows;
  for (const auto& series : ctx.index.indicators()) {
    std::map<int, std::string> values;
    for (const auto& use : series.uses)
      if (use.submission->unit.slug == unit.unit->slug && !values.count(use.year)) {
        values[use.year] = value_text(*use.indicator, lang);
        years.insert(use.year);
      }
    if (!values.empty()) rows.emplace_back(&series, std::move(values));
  }
  data head{data::type::list}, body{data::type::list};
  for (int y : years) head.push_back(data("year", std::to_string(y)));
  for (const auto& [series, values] : rows) {
    data row = link(root + indicator_page_path(series->slug), series->name), cells{data::type::list};
    for (int y : years) cells.push_back(data("value", values.count(y) ? values.at(y) : std::string()));
    row.set("cells", cells);
    body.push_back(row);
  }
  d.set("has_indicator_table", data(!rows.empty()));
  d.set("indicator_years", head);
  d.set("indicator_rows", body);
  d.set("indicator_caption", text(lang, Msg::kUiUnitIndicators, {unit.unit->name}));
  d.set("indicator_head", text(lang, Msg::kUiIndicator));
}

Page render_unit_page(const SiteContext& ctx, const model::UnitDocuments& unit) {
  const Lang lang = ctx.site.lang;
  const std::string path = unit_page_path(unit.unit->slug), root = root_of(path);
  std::map<int, data, std::greater<>> by_year;
  for (const auto* s : unit.submissions) {
    data doc = link(root + overview_path(*s), document_title(*s));
    const model::Edition* edition = ctx.index.edition(s->kind_slug, s->year);
    if (edition && edition->submissions.size() > 1)
      doc.set("compare", link(root + compare_index_path(s->kind_slug, s->year),
                              text(lang, Msg::kUiCompareEdition, {document_title(*s)})));
    else
      doc.set("compare", data(false));
    const bool later_exists = std::any_of(unit.submissions.begin(), unit.submissions.end(), [&](const model::Submission* o) {
      return o->kind_slug == s->kind_slug && o->year == s->year + 1;
    });
    add_timeline(doc, *s, later_exists, root, lang);
    // Its state: a draft (only in build --utkast and serve), or the day it was submitted.
    const std::string& deadline = s->structure->deadline;
    doc.set("state", s->draft ? data(deadline.empty() ? text(lang, Msg::kUiDraft) : text(lang, Msg::kUiDraftDeadline, {deadline}))
                     : !s->submitted_on.empty() ? data(text(lang, Msg::kStateSubmittedOn, {s->submitted_on}))
                                                : data(false));
    // The document's other forms: print page, PDF (when made) and tables.
    doc.set("print_href", root + print_page_path(*s));
    doc.set("pdf_href", ctx.with_pdf ? data(root + pdf_path(*s)) : data(false));
    doc.set("workbook_href", has_tables(*s) ? data(root + tables_workbook_path(*s)) : data(false));
    by_year.try_emplace(s->year, data::type::list).first->second.push_back(doc);
  }
  data years{data::type::list};
  for (auto& [year, documents] : by_year) {
    data y;
    y.set("year", std::to_string(year));
    y.set("documents", documents);
    years.push_back(y);
  }
  data d;
  set_indicator_table(d, ctx, unit, root);
  d.set("t", labels(lang));
  d.set("name", unit.unit->name);
  d.set("administration", unit.unit->administration);
  d.set("years", years);
  Frame frame{path, "enhet", unit.unit->name, crumbs_from_home(ctx.site, root)};
  add_crumb(frame.breadcrumbs, unit.unit->name, "");
  return finish(ctx, std::move(frame), ctx.layouts.render("unit", d));
}

}  // namespace kv
