// A prose block's HTML for one page: headings at the page's level with their ids (prefixed
// where several answers share the page), and the placeholders markdown::analyze left for
// links and images filled in with addresses from this page.
#pragma once
#include <string>

#include "model/blocks.h"
#include "render/html/page_links.h"

namespace kv {

struct ProsePlace {
  int min_heading = 2;    // the level of an author's "##"
  std::string id_prefix;  // before each heading's id
  std::string root;       // from the page to the site root, for media/
  const PageLinks& links;
};

std::string prose_html(const model::Prose& prose, const ProsePlace& place);

}  // namespace kv
