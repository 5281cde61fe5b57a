// Comparison across units: for each edition (all units' documents of one kind and year) an
// index of its questions, and per question every unit's answer in sequence.
#include <algorithm>

#include "i18n/messages.h"
#include "render/html/decision_page.h"
#include "render/html/blocks_html.h"
#include "render/html/requirements_html.h"
#include "render/html/pages.h"
#include "render/html/urls.h"

namespace kv {
namespace {

std::string edition_title(const model::Edition& e) { return e.structure->name + " " + std::to_string(e.year); }

data edition_crumbs(const SiteContext& ctx, const model::Edition& e, const std::string& root, bool link_index) {
  data crumbs = crumbs_from_home(ctx.site, root);
  add_crumb(crumbs, text(ctx.site.lang, Msg::kUiCompareIndexTitle, {edition_title(e)}),
            link_index ? root + compare_index_path(e.kind_slug, e.year) : "");
  return crumbs;
}

// The corresponding question in this kind's other years' editions, with its own number and
// title (model::corresponding_part: declared, never guessed from the number).
data other_editions(const SiteContext& ctx, const model::Edition& e, int number, const std::string& root) {
  const Lang lang = ctx.site.lang;
  data links{data::type::list};
  for (const auto& other : ctx.index.editions()) {
    if (other.kind_slug != e.kind_slug || other.year == e.year) continue;
    const int n = model::corresponding_part(*e.structure, number, *other.structure);
    if (n == 0) continue;
    links.push_back(link(root + compare_page_path(*other.structure, other.kind_slug, other.year, n),
                         text(lang, Msg::kUiOtherEditionPart, {std::to_string(other.year), part_label(*other.structure, lang, n),
                                                               other.structure->find_question(n)->title})));
  }
  return links;
}

std::string answer_id(const model::Submission& s) { return "enhet-" + s.unit.slug; }

data unit_answer(const SiteContext& ctx, const model::Submission& s, int number, const std::string& path) {
  const std::string root = root_of(path), id = answer_id(s), id_prefix = s.unit.slug + "-";
  data a;
  a.set("id", id);
  a.set("unit_slug", s.unit.slug);  // ?visa= takes the unit ids search takes
  a.set("unit_name", s.unit.name);
  a.set("administration", s.unit.administration);
  a.set("href", root + question_path(s, number));
  auto it = s.answers.find(number);
  const model::QuestionSpec* spec = s.structure->find_question(number);
  a.set("requirements", it != s.answers.end() && spec ? requirements_data(*spec, it->second, ctx.site.lang, model::visibility(ctx.site.audience)) : data(false));
  if (it != s.answers.end())
    // Headings start at h3 under the unit's h2; ids are prefixed so units cannot collide.
    a.set("answer_html", blocks_to_html(it->second.blocks, {ctx.site.lang, root, 3, id_prefix,
                                                            PageLinks::compare_page(ctx.site, s, number, path, id, id_prefix)}));
  else
    a.set("answer_html", data(false));
  return a;
}

// Every unit of the edition, linked to its answer: on this page an anchor, else on its page.
data unit_list(const model::Edition& e, int number, int page, const std::string& root) {
  data units{data::type::list};
  for (size_t i = 0; i < e.submissions.size(); ++i) {
    const int on = compare_page_of(i);
    const std::string where = on == page ? "" : root + compare_page_path(*e.structure, e.kind_slug, e.year, number, on);
    units.push_back(link(where + "#" + answer_id(*e.submissions[i]), e.submissions[i]->unit.name));
  }
  return units;
}

// The pages of a comparison split over several: their numbers, the current one unlinked, and
// which units this one holds ([first, end) of the edition's units).
void set_page_list(data& d, const model::Edition& e, int number, int page, size_t first, size_t end,
                   const std::string& root, Lang lang) {
  const int count = compare_page_count(e.submissions.size());
  if (count <= 1) return;
  data pages{data::type::list};
  for (int k = 1; k <= count; ++k) {
    data p = link(root + compare_page_path(*e.structure, e.kind_slug, e.year, number, k), std::to_string(k));
    p.set("current", data(k == page));
    pages.push_back(p);
  }
  d.set("unit_pages", pages);
  d.set("has_unit_pages", data(true));
  d.set("unit_range", text(lang, Msg::kUiCompareRange, {std::to_string(first + 1), std::to_string(end),
                                                         std::to_string(e.submissions.size())}));
}

}  // namespace

Page render_compare_index(const SiteContext& ctx, const model::Edition& e) {
  const Lang lang = ctx.site.lang;
  const std::string path = compare_index_path(e.kind_slug, e.year), root = root_of(path);
  const model::Structure& st = *e.structure;
  data d, units{data::type::list};
  for (const auto* s : e.submissions) {
    data u = link(root + overview_path(*s), s->unit.name);
    u.set("administration", s->unit.administration);
    units.push_back(u);
  }
  const std::string title = text(lang, Msg::kUiCompareIndexTitle, {edition_title(e)});
  d.set("t", labels(lang));
  d.set("title", title);
  d.set("intro", text(lang, Msg::kUiCompareIndexIntro, {st.part_word(lang, false), st.part_word(lang, false)}));
  d.set("units", units);
  d.set("areas", structure_contents(st));
  d.set("decision", decision_link(ctx, e.kind_slug, e.year, root));
  for (const auto& r : ctx.site.reviews)  // only in a site built by `kvalitet bedomning`
    if (r.kind_slug == e.kind_slug && r.year == e.year)
      d.set("review_results", link(root + review_results_path(e.kind_slug, e.year), text(lang, Msg::kUiReviewResultsLink)));
  data drafts{data::type::list};
  if (model::visibility(ctx.site.audience).drafts_listed)
    for (const auto& n : ctx.site.drafts_left_out)
      if (n.kind_slug == e.kind_slug && n.year == e.year) drafts.push_back(data(n.unit_name.empty() ? n.unit_slug : n.unit_name));
  d.set("has_drafts", data(!drafts.is_empty_list()));
  d.set("drafts", drafts);
  d.set("drafts_title", text(lang, Msg::kUiDraftsTitle));
  data reviewer_workbooks{data::type::list};
  if (model::visibility(ctx.site.audience).review_forms && st.scoring.defined) {
    d.set("review_workbook", link(file_name(review_workbook_path(e.kind_slug, e.year)), text(lang, Msg::kUiReviewWorkbook, {e.structure->part_plural(lang)})));
    for (const auto& reviewer : ctx.site.reviewers)
      reviewer_workbooks.push_back(link(file_name(reviewer_form_path(e.kind_slug, e.year, reviewer)), text(lang, Msg::kUiReviewerWorkbook, {reviewer})));
  }
  d.set("has_reviewer_workbooks", data(!reviewer_workbooks.is_empty_list()));
  d.set("reviewer_workbooks", reviewer_workbooks);
  d.set("reviewer_workbooks_intro", text(lang, Msg::kUiReviewerWorkbooks));
  return finish(ctx, {path, "jamforelse-index", title, edition_crumbs(ctx, e, root, false)}, ctx.layouts.render("compare_index", d));
}

Page render_compare_page(const SiteContext& ctx, const model::Edition& e, int number, int page) {
  const Lang lang = ctx.site.lang;
  const model::Structure& st = *e.structure;
  const std::string path = compare_page_path(st, e.kind_slug, e.year, number, page), root = root_of(path);
  const model::QuestionSpec* spec = st.find_question(number);
  const model::AreaSpec* area = st.area_of(number);
  const std::string label = part_label(st, lang, number);
  data d, answers{data::type::list};
  const size_t first = static_cast<size_t>(page - 1) * kCompareUnitsPerPage;
  const size_t end = std::min(e.submissions.size(), first + kCompareUnitsPerPage);
  for (size_t i = first; i < end; ++i) answers.push_back(unit_answer(ctx, *e.submissions[i], number, path));
  d.set("units", unit_list(e, number, page, root));
  set_page_list(d, e, number, page, first, end, root, lang);
  set_pager(d, st, number);
  d.set("t", labels(lang));
  d.set("root", root);
  d.set("document", edition_title(e));
  d.set("area_title", area ? area->title : "");
  d.set("number", e.structure->label(number));
  d.set("title", spec ? spec->title : "");
  d.set("answers", answers);
  data others = other_editions(ctx, e, number, root);
  d.set("has_other_years", data(!others.is_empty_list()));
  d.set("other_years", others);
  data crumbs = edition_crumbs(ctx, e, root, true);
  add_crumb(crumbs, label, "");
  std::string title = text(lang, Msg::kUiCompareTitle, {label, spec ? spec->title : ""});
  if (compare_page_count(e.submissions.size()) > 1) title += " (" + text(lang, Msg::kUiComparePage, {std::to_string(page)}) + ")";
  return finish(ctx, {path, "jamforelse", title, crumbs},
                ctx.layouts.render("compare", d));
}

}  // namespace kv
