// Comparison across units: for each edition (all units' documents of one kind and year) an
// index of its questions, and per question every unit's answer in sequence.
#include "i18n/messages.h"
#include "render/html/blocks_html.h"
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

// The same question in this kind's other years' editions.
data other_editions(const SiteContext& ctx, const model::Edition& e, int number, const std::string& root) {
  data links{data::type::list};
  for (const auto& other : ctx.index.editions())
    if (other.kind_slug == e.kind_slug && other.year != e.year && other.structure->find_question(number))
      links.push_back(link(root + compare_page_path(*other.structure, other.kind_slug, other.year, number),
                           std::to_string(other.year)));
  return links;
}

data unit_answer(const SiteContext& ctx, const model::Submission& s, int number, const std::string& path) {
  const std::string root = root_of(path), id = "enhet-" + s.unit.slug, id_prefix = s.unit.slug + "-";
  data a;
  a.set("id", id);
  a.set("unit_name", s.unit.name);
  a.set("administration", s.unit.administration);
  a.set("href", root + question_path(s, number));
  auto it = s.answers.find(number);
  if (it != s.answers.end())
    // Headings start at h3 under the unit's h2; ids are prefixed so units cannot collide.
    a.set("answer_html", blocks_to_html(it->second.blocks, {ctx.site.lang, root, 3, id_prefix,
                                                            PageLinks::compare_page(ctx.site, s, number, path, id, id_prefix)}));
  else
    a.set("answer_html", data(false));
  return a;
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
  d.set("review_workbook", link("bedomning.xlsx", text(lang, Msg::kUiReviewWorkbook)));
  return finish(ctx, {path, "jamforelse-index", title, edition_crumbs(ctx, e, root, false)}, ctx.layouts.render("compare_index", d));
}

Page render_compare_page(const SiteContext& ctx, const model::Edition& e, int number) {
  const Lang lang = ctx.site.lang;
  const model::Structure& st = *e.structure;
  const std::string path = compare_page_path(st, e.kind_slug, e.year, number), root = root_of(path);
  const model::QuestionSpec* spec = st.find_question(number);
  const model::AreaSpec* area = st.area_of(number);
  const std::string label = part_label(st, lang, number);
  data d, answers{data::type::list};
  for (const auto* s : e.submissions) answers.push_back(unit_answer(ctx, *s, number, path));
  set_pager(d, st, number);
  d.set("t", labels(lang));
  d.set("document", edition_title(e));
  d.set("area_title", area ? area->title : "");
  d.set("number", std::to_string(number));
  d.set("title", spec ? spec->title : "");
  d.set("answers", answers);
  data others = other_editions(ctx, e, number, root);
  d.set("has_other_years", data(!others.is_empty_list()));
  d.set("other_years", others);
  data crumbs = edition_crumbs(ctx, e, root, true);
  add_crumb(crumbs, label, "");
  return finish(ctx, {path, "jamforelse", text(lang, Msg::kUiCompareTitle, {label, spec ? spec->title : ""}), crumbs},
                ctx.layouts.render("compare", d));
}

}  // namespace kv
