// HTML for the projekt blocks of a development narrative. Consecutive projects form one
// list: names only (as the 2007–2012 narrative lists them) become a bulleted list; projects
// with a period, funding, goal or result become a table with those columns and, when every
// project gives its funding, a total row.
#pragma once
#include <ostream>
#include <vector>

#include "model/project_block.h"
#include "render/html/blocks_html.h"

namespace kv {

void write_projects(std::ostream& out, const BlockHtmlContext& ctx, const std::vector<const model::Project*>& list);

}  // namespace kv
