// The search page: a form that works as a plain GET form, results built in the browser by
// the theme's sok.js from the index the build wrote (it loads the manifest; sok.js the rest).
#include "i18n/messages.h"
#include "render/html/pages.h"
#include "render/html/urls.h"

namespace kv {

Page render_search_page(const SiteContext& ctx) {
  const Lang lang = ctx.site.lang;
  const std::string path = search_page_path(), root = root_of(path);
  data d, files{data::type::list}, t = labels(lang);
  files.push_back(link(root + search_manifest_path(), ""));
  for (auto [key, id] : {std::pair{"search_title", Msg::kUiSearchTitle}, {"search_field", Msg::kUiSearchField},
                         {"search_button", Msg::kUiSearch}, {"search_noscript", Msg::kUiSearchNoscript},
                         {"search_hits", Msg::kUiSearchHits}, {"search_one_hit", Msg::kUiSearchOneHit},
                         {"search_none", Msg::kUiSearchNone}, {"search_empty", Msg::kUiSearchEmpty},
                         {"search_more", Msg::kUiSearchMore}, {"search_show_more", Msg::kUiSearchShowMore}, {"search_no_index", Msg::kUiSearchNoIndex},
                         {"search_help", Msg::kUiSearchHelp}})
    t.set(key, text(lang, id));
  d.set("t", t);
  d.set("root", root);
  d.set("index_files", files);
  data crumbs = crumbs_from_home(ctx.site, root);
  add_crumb(crumbs, text(lang, Msg::kUiSearch), "");
  return finish(ctx, {path, "sok", text(lang, Msg::kUiSearchTitle), crumbs}, ctx.layouts.render("search", d), {"sok.css"});
}

}  // namespace kv
