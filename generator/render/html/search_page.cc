// The search page: a form that works as a plain GET form, results built in the browser by
// the theme's sok.js from the index the build wrote (it loads the manifest; sok.js the rest).
#include <map>

#include "i18n/messages.h"
#include "render/html/pages.h"
#include "render/html/urls.h"

namespace kv {
namespace {

data option(const std::string& value, const std::string& label) {
  data o;
  o.set("value", value);
  o.set("label", label);
  return o;
}

data select(const char* name, const std::string& label, const std::string& all, data options) {
  data s;
  s.set("name", name);
  s.set("label", label);
  s.set("all", all);
  s.set("options", options);
  return s;
}

// The filters' choices: every year (newest first), unit (by name) and document kind (by the
// name of its newest edition), as the address gives them (ar=, enhet=, slag=).
data filters(const SiteContext& ctx) {
  const Lang lang = ctx.site.lang;
  data years{data::type::list}, units{data::type::list}, kinds{data::type::list};
  for (int year : ctx.index.years()) years.push_back(option(std::to_string(year), std::to_string(year)));
  std::multimap<std::string, std::string> by_name;  // unit name → slug
  for (const auto& u : ctx.index.units()) by_name.emplace(u.unit->name, u.unit->slug);
  for (const auto& [name, slug] : by_name) units.push_back(option(slug, name));
  std::map<std::string, std::string> kind_names;  // editions are newest first: the first name wins
  for (const auto& e : ctx.index.editions()) kind_names.emplace(e.kind_slug, e.structure->name);
  for (const auto& [slug, name] : kind_names) kinds.push_back(option(slug, name));
  data selects{data::type::list};
  selects.push_back(select("ar", text(lang, Msg::kUiSearchYear), text(lang, Msg::kUiSearchAllYears), years));
  selects.push_back(select("enhet", text(lang, Msg::kUiSearchUnit), text(lang, Msg::kUiSearchAllUnits), units));
  selects.push_back(select("slag", text(lang, Msg::kUiSearchKind), text(lang, Msg::kUiSearchAllKinds), kinds));
  data f;
  f.set("selects", selects);
  return f;
}

}  // namespace

Page render_search_page(const SiteContext& ctx) {
  const Lang lang = ctx.site.lang;
  const std::string path = search_page_path(), root = root_of(path);
  data d, files{data::type::list}, t = labels(lang);
  files.push_back(link(root + search_manifest_path(), ""));
  files.push_back(link(root + search_documents_path(), ""));
  for (auto [key, id] : {std::pair{"search_title", Msg::kUiSearchTitle}, {"search_field", Msg::kUiSearchField},
                         {"search_button", Msg::kUiSearch}, {"search_noscript", Msg::kUiSearchNoscript},
                         {"search_hits", Msg::kUiSearchHits}, {"search_one_hit", Msg::kUiSearchOneHit},
                         {"search_none", Msg::kUiSearchNone}, {"search_empty", Msg::kUiSearchEmpty},
                         {"search_more", Msg::kUiSearchMore}, {"search_show_more", Msg::kUiSearchShowMore}, {"search_no_index", Msg::kUiSearchNoIndex},
                         {"search_help", Msg::kUiSearchHelp}, {"search_narrow", Msg::kUiSearchNarrow},
                         {"search_other_years", Msg::kUiSearchOtherYears}})
    t.set(key, text(lang, id));
  d.set("t", t);
  d.set("root", root);
  d.set("index_files", files);
  if (!ctx.site.submissions.empty()) d.set("filters", filters(ctx));
  data crumbs = crumbs_from_home(ctx.site, root);
  add_crumb(crumbs, text(lang, Msg::kUiSearch), "");
  return finish(ctx, {path, "sok", text(lang, Msg::kUiSearchTitle), crumbs}, ctx.layouts.render("search", d), {"sok.css"});
}

}  // namespace kv
