#include "render/html/page_frame.h"

#include "i18n/messages.h"
#include "render/html/urls.h"

namespace kv {

data labels(Lang lang) {
  static const std::pair<const char*, Msg> kEntries[] = {
      {"skip", Msg::kUiSkip},
      {"timeline_goals", Msg::kUiTimelineGoals},
      {"timeline_unit_goals", Msg::kUiTimelineUnitGoals},
      {"timeline_indicators", Msg::kUiTimelineIndicators},
      {"timeline_actions", Msg::kUiTimelineActions},
      {"breadcrumb", Msg::kUiBreadcrumb},
      {"footer", Msg::kUiFooter},
      {"footer_links", Msg::kUiFooterLinks},
      {"statement", Msg::kUiStatement},
      {"search", Msg::kUiSearch},
      {"search_label", Msg::kUiSearchLabel},
      {"start_intro", Msg::kUiStartIntro},
      {"by_year", Msg::kUiByYear},
      {"by_unit", Msg::kUiByUnit},
      {"units_caption", Msg::kUiUnitsCaption},
      {"unit", Msg::kUiUnit},
      {"administration", Msg::kUiAdministration},
      {"report", Msg::kUiReport},
      {"draft", Msg::kUiDraft},
      {"draft_banner", Msg::kUiDraftBanner},
      {"admin_data", Msg::kUiAdminData},
      {"contents", Msg::kUiContents},
      {"pager", Msg::kUiPager},
      {"previous", Msg::kUiPrevious},
      {"downloads", Msg::kUiDownloads},
      {"print", Msg::kUiPrintLink},
      {"pdf", Msg::kUiPdfLink},
      {"workbook", Msg::kUiWorkbookLink},
      {"next", Msg::kUiNext},
      {"home", Msg::kUiHome},
      {"compare", Msg::kUiCompare},
      {"other_years", Msg::kUiOtherYears},
      {"years", Msg::kUiYears},
      {"units_in_edition", Msg::kUiUnitsInEdition},
      {"indicators", Msg::kUiIndicators},
      {"browse", Msg::kUiBrowse},
      {"unit_answers", Msg::kUiUnitAnswers},
      {"side_by_side", Msg::kUiSideBySide},
      {"side_by_side_hint", Msg::kUiSideBySideHint},
      {"side_by_side_on", Msg::kUiSideBySideOn},
      {"compare_pages", Msg::kUiComparePages},
      {"open_in_document", Msg::kUiOpenInDocument},
      {"no_answer", Msg::kUiNoAnswer},
      {"documents", Msg::kUiDocuments},
      {"year", Msg::kUiYear},
  };
  data t;
  for (const auto& [key, id] : kEntries) t.set(key, text(lang, id));
  return t;
}

data link(const std::string& href, const std::string& label) {
  data d;
  d.set("href", href);
  d.set("label", label);
  return d;
}

void add_crumb(data& crumbs, const std::string& label, const std::string& href) {
  data c = link(href, label);
  c.set("is_link", data(!href.empty()));
  crumbs.push_back(c);
}

data crumbs_from_home(const model::Site& site, const std::string& root) {
  data list{data::type::list};
  add_crumb(list, text(site.lang, Msg::kUiHome), root + "index.html");
  return list;
}

Page finish(const SiteContext& ctx, Frame frame, const std::string& content,
            const std::vector<std::string>& stylesheets) {
  const std::string root = root_of(frame.path);
  data d;
  d.set("lang", lang_code(ctx.site.lang));
  d.set("site_title", ctx.site.title);
  d.set("page_title", frame.title);
  d.set("page_kind", frame.kind);
  d.set("root", root);
  d.set("search_href", root + search_page_path());
  d.set("statement_href", root + statement_path());
  d.set("indicators_href", ctx.index.indicators().empty() ? data(false) : data(root + indicators_index_path()));
  d.set("t", labels(ctx.site.lang));
  d.set("has_breadcrumbs", data(!frame.breadcrumbs.is_empty_list()));
  d.set("breadcrumbs", frame.breadcrumbs);
  data sheets{data::type::list};
  for (const auto& sheet : stylesheets) sheets.push_back(data(root + asset_path(sheet)));
  d.set("stylesheets", sheets);
  d.set("content", content);
  d.set("draft", data(frame.draft));
  return {std::move(frame.path), ctx.layouts.render("base", d)};
}

data structure_contents(const model::Structure& structure) {
  data areas{data::type::list};
  for (const auto& area : structure.areas) {
    data a, questions{data::type::list};
    a.set("title", area.title);
    for (const auto& q : area.questions) {
      data item = link(structure.part_slug(q.number) + "/index.html", "");
      item.set("number", q.label);
      item.set("title", q.title);
      questions.push_back(item);
    }
    a.set("questions", questions);
    areas.push_back(a);
  }
  return areas;
}

void set_pager(data& d, const model::Structure& structure, int number) {
  const auto all = structure.questions();
  auto neighbour = [&](const model::QuestionSpec* q) {
    return link("../" + structure.part_slug(q->number) + "/index.html", q->label + ". " + q->title);
  };
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i]->number != number) continue;
    if (i > 0) d.set("prev", neighbour(all[i - 1]));
    if (i + 1 < all.size()) d.set("next", neighbour(all[i + 1]));
  }
}

std::string document_title(const model::Submission& s) { return s.structure->name + " " + std::to_string(s.year); }

std::string part_label(const model::Structure& structure, Lang lang, int number) {
  return text(lang, Msg::kUiQuestion, {structure.part_word(lang, true), structure.label(number)});
}

}  // namespace kv
