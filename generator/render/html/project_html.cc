#include "render/html/project_html.h"

#include "i18n/messages.h"
#include "i18n/numbers.h"
#include "markdown/markdown.h"
#include "util/escape.h"

namespace kv {
namespace {

std::string esc(const std::string& s) { return html_escape(s); }

struct Columns {
  bool period = false, funding = false, goal = false, result = false;
  bool all_funded = true;
  long long total = 0;
};

Columns columns_of(const std::vector<const model::Project*>& list) {
  Columns c;
  for (const auto* p : list) {
    c.period |= !p->period.empty();
    c.funding |= p->funding.has_value();
    c.goal |= !p->goal.empty();
    c.result |= !p->result.empty();
    if (p->funding) c.total += *p->funding;
    else c.all_funded = false;
  }
  return c;
}

std::string kronor(long long value, Lang lang) { return format_number(static_cast<double>(value), lang) + " kr"; }

void write_row(std::ostream& out, const model::Project& p, const Columns& c, Lang lang) {
  out << "<tr><th scope=\"row\">" << esc(p.name) << "</th>";
  if (c.period) out << "<td>" << esc(p.period) << "</td>";
  if (c.funding) out << "<td class=\"tal\">" << (p.funding ? esc(kronor(*p.funding, lang)) : "") << "</td>";
  if (c.goal) out << "<td>" << markdown::to_html(p.goal, 4) << "</td>";
  if (c.result) out << "<td>" << markdown::to_html(p.result, 4) << "</td>";
  out << "</tr>\n";
}

}  // namespace

void write_projects(std::ostream& out, const BlockHtmlContext& ctx, const std::vector<const model::Project*>& list) {
  const Lang lang = ctx.lang;
  const Columns c = columns_of(list);
  if (!c.period && !c.funding && !c.goal && !c.result) {
    out << "<ul class=\"projekt\">\n";
    for (const auto* p : list) out << "<li>" << esc(p->name) << "</li>\n";
    out << "</ul>\n";
    return;
  }
  open_table(out, "projekt", esc(text(lang, Msg::kUiProjectsCaption)));
  out << "<thead><tr><th scope=\"col\">" << esc(text(lang, Msg::kUiProjectName)) << "</th>";
  if (c.period) out << "<th scope=\"col\">" << esc(text(lang, Msg::kUiProjectPeriod)) << "</th>";
  if (c.funding) out << "<th scope=\"col\" class=\"tal\">" << esc(text(lang, Msg::kUiProjectFunding)) << "</th>";
  if (c.goal) out << "<th scope=\"col\">" << esc(text(lang, Msg::kUiProjectGoal)) << "</th>";
  if (c.result) out << "<th scope=\"col\">" << esc(text(lang, Msg::kUiProjectResult)) << "</th>";
  out << "</tr></thead>\n<tbody>\n";
  for (const auto* p : list) write_row(out, *p, c, lang);
  out << "</tbody>\n";
  if (c.funding && c.all_funded) {
    out << "<tfoot><tr><th scope=\"row\">" << esc(text(lang, Msg::kUiProjectTotal)) << "</th>";
    if (c.period) out << "<td></td>";
    out << "<td class=\"tal\">" << esc(kronor(c.total, lang)) << "</td>";
    if (c.goal) out << "<td></td>";
    if (c.result) out << "<td></td>";
    out << "</tr></tfoot>\n";
  }
  close_table(out);
}

}  // namespace kv
