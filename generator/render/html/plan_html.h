// HTML for the data block of an action plan: consecutive åtgärd blocks form one table with
// the original's four columns. On a narrow screen each row becomes a card whose cells are
// labelled (themes/default: table.atgarder), so the plan reads on a phone without scrolling.
#pragma once
#include <ostream>
#include <vector>

#include "model/plan_blocks.h"
#include "render/html/blocks_html.h"

namespace kv {

// first: the number of the list's first action among its part's actions (ids kv-atgard-K,
// which later documents link to).
void write_actions(std::ostream& out, const BlockHtmlContext& ctx, const std::vector<const model::ActionItem*>& list,
                   int first = 1);

}  // namespace kv
