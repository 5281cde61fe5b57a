#include "render/html/plan_html.h"

#include "i18n/messages.h"
#include "markdown/markdown.h"
#include "model/block_ids.h"
#include "render/format.h"
#include "render/html/urls.h"
#include "util/escape.h"

namespace kv {
namespace {

std::string esc(const std::string& s) { return html_escape(s); }

const char* status_class(model::ActionStatus s) {
  switch (s) {
    case model::ActionStatus::kNotStarted: return "ej-paborjad";
    case model::ActionStatus::kInProgress: return "pagar";
    case model::ActionStatus::kDone: return "klar";
    case model::ActionStatus::kDelayed: return "forsenad";
    case model::ActionStatus::kNone: break;
  }
  return "";
}

void write_date(std::ostream& out, Msg label, const std::optional<model::PlanDate>& date, Lang lang) {
  if (!date) return;
  out << "<span class=\"atgard-datum\">" << esc(text(lang, label)) << " <time datetime=\"" << date->iso() << "\">"
      << esc(plan_date_text(*date, lang)) << "</time></span>";
}

void write_when(std::ostream& out, const model::ActionItem& a, Lang lang) {
  out << "<td data-etikett=\"" << esc(text(lang, Msg::kUiActionWhen)) << "\">";
  if (!a.when.empty()) out << "<p>" << esc(a.when) << "</p>";
  write_date(out, Msg::kUiActionStart, a.start, lang);
  write_date(out, Msg::kUiActionEnd, a.end, lang);
  if (a.status != model::ActionStatus::kNone)
    out << "<span class=\"atgard-status status-" << status_class(a.status) << "\">" << esc(action_status_text(a.status, lang))
        << "</span>";
  out << "</td>";
}

// "Följs upp i: Verksamhetsberättelse 2008, avsnitt 3": the later pages that link here.
void write_references(std::ostream& out, const model::ActionItem& a, const BlockHtmlContext& ctx) {
  if (a.referred_from.empty()) return;
  out << "<p class=\"trad\" data-ej-sok><span class=\"etikett\">" << esc(text(ctx.lang, Msg::kUiThreadFollowedUpIn)) << ":</span> ";
  for (size_t i = 0; i < a.referred_from.size(); ++i) {
    const auto& r = a.referred_from[i];
    const std::string page = r.part > 0 ? question_path(*r.doc, r.part) : overview_path(*r.doc);
    std::string label = r.doc->structure->name + " " + std::to_string(r.doc->year);
    if (r.part > 0) label += ", " + r.doc->structure->part_word(ctx.lang) + " " + std::to_string(r.part);
    out << (i ? ", " : "") << "<a href=\"" << esc(ctx.root + page) << "\">" << esc(label) << "</a>";
  }
  out << "</p>";
}

void write_row(std::ostream& out, const model::ActionItem& a, int number, const BlockHtmlContext& ctx) {
  const Lang lang = ctx.lang;
  out << "<tr id=\"" << esc(ctx.id_prefix + model::block_id(model::Numbered::kAction, number)) << "\"><th scope=\"row\" data-etikett=\"" << esc(text(lang, Msg::kUiActionProblem)) << "\">" << esc(a.problem)
      << "</th>\n<td data-etikett=\"" << esc(text(lang, Msg::kUiActionProcess)) << "\">" << markdown::to_html(a.action, 4);
  if (!a.follow_up.empty())
    out << "<div class=\"atgard-uppfoljning\"><p class=\"etikett\">" << esc(text(lang, Msg::kUiActionFollowUp)) << "</p>"
        << markdown::to_html(a.follow_up, 4) << "</div>";
  write_references(out, a, ctx);
  out << "</td>\n";
  write_when(out, a, lang);
  out << "\n<td data-etikett=\"" << esc(text(lang, Msg::kUiActionResponsible)) << "\"><ul class=\"ansvariga\">";
  for (const auto& role : a.responsible) out << "<li>" << esc(role) << "</li>";
  out << "</ul></td></tr>\n";
}

}  // namespace

void write_actions(std::ostream& out, const BlockHtmlContext& ctx, const std::vector<const model::ActionItem*>& list,
                   int first) {
  const Lang lang = ctx.lang;
  open_table(out, "atgarder", esc(text(lang, Msg::kUiActionsCaption)));
  out << "<thead><tr>";
  for (Msg m : {Msg::kUiActionProblem, Msg::kUiActionProcess, Msg::kUiActionWhen, Msg::kUiActionResponsible})
    out << "<th scope=\"col\">" << esc(text(lang, m)) << "</th>";
  out << "</tr></thead>\n<tbody>\n";
  for (const auto* a : list) write_row(out, *a, first++, ctx);
  out << "</tbody>\n";
  close_table(out);
}

}  // namespace kv
