#include "render/html/decision_page.h"

#include "i18n/messages.h"
#include "render/format.h"
#include "render/html/urls.h"

namespace kv {
namespace {

// "Kvalitetsutmärkelsen 2018": the edition's structure name and year.
std::string edition_title(const SiteContext& ctx, const model::Decision& decision) {
  const model::Edition* e = ctx.index.edition(decision.kind_slug, decision.year);
  const std::string name = e && e->structure ? e->structure->name : decision.kind_slug;
  return name + " " + std::to_string(decision.year);
}

data award_list(const SiteContext& ctx, const model::Decision& decision, const std::vector<model::Award>& awards,
                const std::string& id_prefix, const std::string& root) {
  const Lang lang = ctx.site.lang;
  const model::Edition* e = ctx.index.edition(decision.kind_slug, decision.year);
  data list{data::type::list};
  for (const auto& a : awards) {
    const model::Submission* doc = nullptr;
    if (e)
      for (const auto* s : e->submissions)
        if (s->unit.slug == a.unit_slug) doc = s;
    data d;
    d.set("id", id_prefix + a.unit_slug);
    d.set("unit_name", a.unit_name);
    d.set("administration", doc ? doc->unit.administration : std::string());
    d.set("motivation_heading", text(lang, Msg::kUiDecisionMotivation));
    data paragraphs{data::type::list};
    for (const auto& p : a.motivation) paragraphs.push_back(data(p));
    d.set("motivation", paragraphs);
    d.set("href", doc ? root + overview_path(*doc) : std::string());
    d.set("read_label", text(lang, Msg::kUiDecisionReadSubmission, {a.unit_name}));
    list.push_back(d);
  }
  return list;
}

}  // namespace

data decision_data(const SiteContext& ctx, const model::Decision& decision, const std::string& root) {
  const Lang lang = ctx.site.lang;
  const std::string edition = edition_title(ctx, decision);
  data d;
  d.set("title", text(lang, Msg::kUiDecisionTitle, {edition}));
  d.set("intro", text(lang, Msg::kUiDecisionIntro, {edition}));
  d.set("date", decision.date.empty() ? data(false) : data(text(lang, Msg::kUiDecisionDate, {format_date(decision.date, lang)})));
  data groups{data::type::list};
  auto group = [&](const std::vector<model::Award>& awards, Msg heading, const std::string& id) {
    if (awards.empty()) return;
    data g;
    g.set("id", id);
    g.set("heading", text(lang, heading));
    g.set("awards", award_list(ctx, decision, awards, id + "-", root));
    groups.push_back(g);
  };
  group(decision.winners, Msg::kUiDecisionWinners, "vinnare");
  group(decision.mentions, Msg::kUiDecisionMentions, "hedersomnamnanden");
  d.set("groups", groups);
  return d;
}

data decision_link(const SiteContext& ctx, const std::string& kind_slug, int year, const std::string& root) {
  if (!model::visibility(ctx.site.audience).site_wide) return data(false);
  for (const auto& d : ctx.site.decisions)
    if (d.kind_slug == kind_slug && d.year == year)
      return link(root + decision_path(kind_slug, year), text(ctx.site.lang, Msg::kUiDecisionLink, {edition_title(ctx, d)}));
  return data(false);
}

Page render_decision_page(const SiteContext& ctx, const model::Decision& decision) {
  const std::string path = decision_path(decision.kind_slug, decision.year), root = root_of(path);
  data d = decision_data(ctx, decision, root);
  d.set("print", link(file_name(decision_print_path(decision.kind_slug, decision.year)), text(ctx.site.lang, Msg::kUiDecisionPrint)));
  const std::string title = text(ctx.site.lang, Msg::kUiDecisionTitle, {edition_title(ctx, decision)});
  data crumbs = crumbs_from_home(ctx.site, root);
  add_crumb(crumbs, title, "");
  return finish(ctx, {path, "beslut", title, crumbs}, ctx.layouts.render("decision", d));
}

}  // namespace kv
