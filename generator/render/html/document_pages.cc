// A document's pages: its overview (administrative data, downloads, contents, introduction)
// and one page per question or section, each linking the same part elsewhere.
#include "i18n/messages.h"
#include "render/html/requirements_html.h"
#include "render/html/blocks_html.h"
#include "render/html/changes_page.h"
#include "render/html/pages.h"
#include "render/html/urls.h"
#include "render/xlsx/submission_workbook.h"
#include "util/escape.h"

namespace kv {
namespace {

data admin_rows(const model::Submission& s) {
  data admin{data::type::list};
  for (const auto& a : s.admin) {
    data row;
    row.set("label", a.label);
    row.set("value", a.value);
    if (a.type == "e-post") row.set("href", "mailto:" + a.value);
    else if (a.type == "telefon") row.set("href", "tel:" + a.value);
    else if (a.type == "url") row.set("href", a.value);  // http(s) only: checked when read
    else row.set("href", data(false));
    admin.push_back(row);
  }
  return admin;
}

// Breadcrumbs down to a document: start page › unit › document.
data document_crumbs(const SiteContext& ctx, const model::Submission& s, const std::string& root, bool link_document) {
  data crumbs = crumbs_from_home(ctx.site, root);
  add_crumb(crumbs, s.unit.name, root + unit_page_path(s.unit.slug));
  add_crumb(crumbs, document_title(s), link_document ? root + overview_path(s) : "");
  return crumbs;
}

// Same part elsewhere: every unit's answer in this edition, and this unit's other years.
data compare_links(const SiteContext& ctx, const model::Submission& s, int number, const std::string& root) {
  const Lang lang = ctx.site.lang;
  const std::string part = part_label(*s.structure, lang, number);
  data links{data::type::list};
  const std::string lower = text(lang, Msg::kUiQuestion, {s.structure->part_word(lang, false), s.structure->label(number)});
  // The comparison from its start (page 1, the list of every unit), not this unit's answer.
  links.push_back(link(root + compare_page_path(*s.structure, s.kind_slug, s.year, number),
                       text(lang, Msg::kUiCompareAll, {lower, document_title(s)})));
  // Other years' corresponding part, which may have another number and title (editions
  // change shape): always named with its own.
  for (const auto* other : ctx.index.other_years(s)) {
    const int n = model::corresponding_part(*s.structure, number, *other->structure);
    if (n == 0 || !other->answers.count(n)) continue;
    links.push_back(link(root + question_path(*other, n),
                         text(lang, Msg::kUiSameInYear, {part_label(*other->structure, lang, n), other->structure->find_question(n)->title,
                                                          document_title(*other)})));
  }
  if (auto earlier = earlier_answer(ctx.index, s, number))
    links.push_back(link(root + changes_path(s, number), text(lang, Msg::kUiChangesLink, {std::to_string(earlier->doc->year)})));
  return links;
}

}  // namespace

Page render_overview_page(const SiteContext& ctx, const model::Submission& s) {
  const Lang lang = ctx.site.lang;
  const std::string path = overview_path(s), root = root_of(path);
  data d;
  d.set("t", labels(lang));
  d.set("document", document_title(s));
  d.set("unit_name", s.unit.name);
  d.set("administration", s.unit.administration);
  d.set("admin", admin_rows(s));
  d.set("has_admin", data(!s.admin.empty()));
  d.set("print_href", file_name(print_page_path(s)));
  if (ctx.with_pdf) d.set("pdf_href", file_name(pdf_path(s)));
  else d.set("pdf_href", data(false));
  d.set("workbook_href", has_tables(s) ? data(file_name(tables_workbook_path(s))) : data(false));
  d.set("areas", structure_contents(*s.structure));
  d.set("has_intro", data(!s.intro.empty()));
  d.set("intro_title", s.structure->intro_title);
  d.set("intro_html", blocks_to_html(s.intro, {lang, root, 3, "", PageLinks::site_page(ctx.site, path)}));
  data others{data::type::list};
  for (const auto* other : ctx.index.other_years(s)) others.push_back(link(root + overview_path(*other), document_title(*other)));
  d.set("has_other_years", data(!others.is_empty_list()));
  d.set("other_years", others);
  d.set("compare", link(root + compare_index_path(s.kind_slug, s.year), text(lang, Msg::kUiCompareEdition, {document_title(s)})));
  return finish(ctx, {path, "oversikt", s.unit.name + " \xE2\x80\x93 " + document_title(s), document_crumbs(ctx, s, root, false), s.draft},
                ctx.layouts.render("overview", d));
}

Page render_question_page(const SiteContext& ctx, const model::Submission& s, int number) {
  const Lang lang = ctx.site.lang;
  const std::string path = question_path(s, number), root = root_of(path);
  const model::QuestionSpec* spec = s.structure->find_question(number);
  const model::AreaSpec* area = s.structure->area_of(number);
  const std::string label = part_label(*s.structure, lang, number);
  data d;
  set_pager(d, *s.structure, number);
  if (!d.get("prev"))  // the first question goes back to the overview
    d.set("prev", link("../index.html", s.intro.empty() ? text(lang, Msg::kUiContents) : s.structure->intro_title));
  d.set("t", labels(lang));
  d.set("document", document_title(s) + " \xE2\x80\x93 " + s.unit.name);
  d.set("area_title", area ? area->title : "");
  d.set("number", s.structure->label(number));
  d.set("title", spec ? spec->title : "");
  const auto& blocks = s.answers.at(number).blocks;
  d.set("answer_html", answer_html(blocks, {lang, root, 2, "", PageLinks::site_page(ctx.site, path)}));
  d.set("compare", compare_links(ctx, s, number, root));
  d.set("requirements", spec ? requirements_data(*spec, s.answers.at(number), lang, model::visibility(ctx.site.audience)) : data(false));
  data crumbs = document_crumbs(ctx, s, root, true);
  add_crumb(crumbs, label, "");
  return finish(ctx, {path, "fraga", label + ". " + (spec ? spec->title : ""), crumbs, s.draft}, ctx.layouts.render("question", d));
}

}  // namespace kv
