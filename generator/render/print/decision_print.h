// The print page of the jury's decision: the same texts as its page, laid out for A4 like a
// document's print page (running header, page numbers), for the city's announcement.
#pragma once
#include "model/decision.h"
#include "render/html/page_frame.h"

namespace kv {

Page render_decision_print_page(const SiteContext& ctx, const model::Decision& decision);

}  // namespace kv
