// The jury's decision on an edition (model/decision.h): a public page and its print page.
#pragma once
#include "model/decision.h"
#include "render/html/page_frame.h"

namespace kv {

// The edition's title ("Kvalitetsutmärkelsen 2018") and the decision's texts and awards, each
// award linked (relative to root) to the unit's submission: what both pages show.
data decision_data(const SiteContext& ctx, const model::Decision& decision, const std::string& root);

// The link to the edition's decision page from another page (root: to the site root), or
// false when the jury has not decided or the site has no such page (one unit's own site).
data decision_link(const SiteContext& ctx, const std::string& kind_slug, int year, const std::string& root);

Page render_decision_page(const SiteContext& ctx, const model::Decision& decision);

}  // namespace kv
