#include "render/html/pages.h"

#include <algorithm>
#include <map>

#include "i18n/messages.h"
#include "render/html/blocks_html.h"
#include "render/pdf/pdf_writer.h"
#include "render/xlsx/indicator_workbooks.h"
#include "render/xlsx/submission_workbook.h"

namespace kv {
namespace {

using kainjow::mustache::data;

// "../" once per folder between the page and the site root.
std::string root_of(const std::string& page_path) {
  std::string root;
  for (char c : page_path)
    if (c == '/') root += "../";
  return root;
}

data labels(Lang lang) {
  data t;
  const std::pair<const char*, Msg> entries[] = {
      {"skip", Msg::kUiSkip},         {"breadcrumb", Msg::kUiBreadcrumb}, {"footer", Msg::kUiFooter},
      {"start_intro", Msg::kUiStartIntro}, {"by_year", Msg::kUiByYear}, {"by_unit", Msg::kUiByUnit}, {"units_caption", Msg::kUiUnitsCaption},
      {"unit", Msg::kUiUnit},         {"administration", Msg::kUiAdministration}, {"report", Msg::kUiReport},
      {"admin_data", Msg::kUiAdminData}, {"contents", Msg::kUiContents}, {"pager", Msg::kUiPager},
      {"previous", Msg::kUiPrevious}, {"downloads", Msg::kUiDownloads}, {"print", Msg::kUiPrintLink}, {"pdf", Msg::kUiPdfLink}, {"workbook", Msg::kUiWorkbookLink}, {"next", Msg::kUiNext},         {"home", Msg::kUiHome}};
  for (const auto& [key, id] : entries) t.set(key, text(lang, id));
  return t;
}

data crumb(const std::string& label, const std::string& href) {
  data c;
  c.set("label", label);
  c.set("href", href);
  c.set("is_link", data(!href.empty()));
  return c;
}

// Wraps a page's content in the base layout.
Page finish(const model::Site& site, const Layouts& layouts, std::string path, const std::string& title,
            const std::string& content, data breadcrumbs) {
  data d;
  d.set("lang", lang_code(site.lang));
  d.set("site_title", site.title);
  d.set("page_title", title);
  d.set("root", root_of(path));
  d.set("t", labels(site.lang));
  d.set("has_breadcrumbs", data(!breadcrumbs.is_empty_list()));
  d.set("breadcrumbs", breadcrumbs);
  d.set("content", content);
  return {std::move(path), layouts.render("base", d)};
}

data base_crumbs(const model::Site& site, const std::string& root) {
  data list{data::type::list};
  list.push_back(crumb(text(site.lang, Msg::kUiHome), root + "index.html"));
  return list;
}

std::string overview_path(const model::Submission& s) { return s.url_path() + "/index.html"; }
std::string question_path(const model::Submission& s, int n) {
  return s.url_path() + "/" + s.structure->part_slug(n) + "/index.html";
}

data link(const std::string& href, const std::string& label) {
  data d;
  d.set("href", href);
  d.set("label", label);
  return d;
}

}  // namespace

std::string document_title(const model::Submission& s) {
  return s.structure->name + " " + std::to_string(s.year);
}

Page render_start_page(const model::Site& site, const Layouts& layouts) {
  data years{data::type::list}, units{data::type::list};
  std::map<int, data, std::greater<>> by_year;
  std::map<std::string, std::vector<const model::Submission*>> by_unit;
  for (const auto& s : site.submissions) {  // sorted: newest year first, then unit
    data entry;
    entry.set("href", overview_path(s));
    entry.set("unit_name", s.unit.name);
    entry.set("administration", s.unit.administration);
    entry.set("document", document_title(s));
    auto [it, fresh] = by_year.try_emplace(s.year, data::type::list);
    it->second.push_back(entry);
    by_unit[s.unit.slug].push_back(&s);
  }
  const auto indicator_years = years_with_indicators(site);
  for (auto& [year, entries] : by_year) {
    data y;
    y.set("year", std::to_string(year));
    if (std::count(indicator_years.begin(), indicator_years.end(), year))
      y.set("workbook", link(year_workbook_path(year), text(site.lang, Msg::kUiYearWorkbook, {std::to_string(year)})));
    else
      y.set("workbook", data(false));
    y.set("entries", entries);
    years.push_back(y);
  }
  for (const auto& [slug, list] : by_unit) {
    data u, entries{data::type::list};
    u.set("name", list.front()->unit.name);
    u.set("administration", list.front()->unit.administration);
    for (const auto* s : list) entries.push_back(link(overview_path(*s), document_title(*s)));
    u.set("entries", entries);
    units.push_back(u);
  }
  data d;
  d.set("site_title", site.title);
  d.set("t", labels(site.lang));
  d.set("years", years);
  d.set("units", units);
  return finish(site, layouts, "index.html", text(site.lang, Msg::kUiHome), layouts.render("start", d),
                data{data::type::list});
}

Page render_overview_page(const model::Site& site, const model::Submission& s, const Layouts& layouts, bool with_pdf) {
  const std::string path = overview_path(s), root = root_of(path);
  data d, admin{data::type::list}, areas{data::type::list};
  for (const auto& a : s.admin) {
    data row;
    row.set("label", a.label);
    row.set("value", a.value);
    if (a.type == "e-post") row.set("href", "mailto:" + a.value);
    else if (a.type == "telefon") row.set("href", "tel:" + a.value);
    else row.set("href", data(false));
    admin.push_back(row);
  }
  for (const auto& area : s.structure->areas) {
    data a, questions{data::type::list};
    a.set("title", area.title);
    for (const auto& q : area.questions) {
      data item = link(s.structure->part_slug(q.number) + "/index.html", "");
      item.set("number", std::to_string(q.number));
      item.set("title", q.title);
      questions.push_back(item);
    }
    a.set("questions", questions);
    areas.push_back(a);
  }
  d.set("t", labels(site.lang));
  d.set("document", document_title(s));
  d.set("unit_name", s.unit.name);
  d.set("administration", s.unit.administration);
  d.set("admin", admin);
  d.set("has_admin", data(!s.admin.empty()));
  d.set("print_href", "utskrift.html");
  if (with_pdf) d.set("pdf_href", pdf_path(s).substr(s.url_path().size() + 1));
  else d.set("pdf_href", data(false));
  d.set("areas", areas);
  d.set("has_intro", data(!s.intro.empty()));
  if (has_tables(s)) d.set("workbook_href", "tabeller.xlsx");
  else d.set("workbook_href", data(false));
  d.set("intro_title", s.structure->intro_title);
  d.set("intro_html", blocks_to_html(s.intro, {site.lang, root, 3, ""}));
  data crumbs = base_crumbs(site, root);
  crumbs.push_back(crumb(document_title(s) + " \xE2\x80\x93 " + s.unit.name, ""));
  return finish(site, layouts, path, s.unit.name + " \xE2\x80\x93 " + document_title(s), layouts.render("overview", d),
                crumbs);
}

Page render_question_page(const model::Site& site, const model::Submission& s, int number, const Layouts& layouts) {
  const std::string path = question_path(s, number), root = root_of(path);
  const model::QuestionSpec* spec = s.structure->find_question(number);
  const model::AreaSpec* area = s.structure->area_of(number);
  const auto all = s.structure->questions();
  data d;
  const std::string question_label = text(site.lang, Msg::kUiQuestion, {s.structure->part_word(site.lang, true), std::to_string(number)});
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i]->number != number) continue;
    if (i > 0)
      d.set("prev", link("../" + s.structure->part_slug(all[i - 1]->number) + "/index.html",
                         std::to_string(all[i - 1]->number) + ". " + all[i - 1]->title));
    else
      d.set("prev", link("../index.html", s.intro.empty() ? text(site.lang, Msg::kUiContents) : s.structure->intro_title));
    if (i + 1 < all.size())
      d.set("next", link("../" + s.structure->part_slug(all[i + 1]->number) + "/index.html",
                         std::to_string(all[i + 1]->number) + ". " + all[i + 1]->title));
  }
  d.set("t", labels(site.lang));
  d.set("document", document_title(s) + " \xE2\x80\x93 " + s.unit.name);
  d.set("area_title", area ? area->title : "");
  d.set("number", std::to_string(number));
  d.set("title", spec ? spec->title : "");
  d.set("answer_html", blocks_to_html(s.answers.at(number).blocks, {site.lang, root, 2, ""}));
  data crumbs = base_crumbs(site, root);
  crumbs.push_back(crumb(document_title(s) + " \xE2\x80\x93 " + s.unit.name, "../index.html"));
  crumbs.push_back(crumb(question_label, ""));
  return finish(site, layouts, path, question_label + ". " + (spec ? spec->title : ""), layouts.render("question", d),
                crumbs);
}

}  // namespace kv
