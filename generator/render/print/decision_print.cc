#include "render/print/decision_print.h"

#include "i18n/lang.h"
#include "render/html/decision_page.h"
#include "render/html/urls.h"
#include "util/escape.h"

namespace kv {

Page render_decision_print_page(const SiteContext& ctx, const model::Decision& decision) {
  const std::string path = decision_print_path(decision.kind_slug, decision.year);
  data d = decision_data(ctx, decision, root_of(path));
  d.set("lang", lang_code(ctx.site.lang));
  d.set("root", root_of(path));
  d.set("header_css", css_string(d.get("title")->string_value()));
  return {path, ctx.layouts.render("decision_print", d)};
}

}  // namespace kv
