// The searchable documents of one year: every question or section page and every overview
// with an introduction, as plain text with the facts a search result shows.
#pragma once
#include <vector>

#include "render/html/page_frame.h"
#include "render/search/search_index.h"

namespace kv {

std::vector<SearchDoc> search_docs(const SiteContext& ctx, int year);

}  // namespace kv
