// CommonMark + GitHub extensions (tables, strikethrough, autolink, tagfilter) via cmark-gfm.
// Raw HTML is never passed through: cmark-gfm's safe mode replaces it, and the tagfilter
// extension is on as a second guard.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kv::markdown {

struct Location {
  int line = 0;  // 1-based within the Markdown text
  int col = 0;
};

// HTML for a block of Markdown. Headings are shifted so that an author's "##" becomes
// min_heading ("#" too): a page's own title is h1, so answers start at h2.
std::string to_html(std::string_view text, int min_heading = 2);

// Plain text of the Markdown (for search, comparisons and tests).
std::string to_plain_text(std::string_view text);

// Where the text contains raw HTML, which the site will not show.
std::vector<Location> find_raw_html(std::string_view text);

}  // namespace kv::markdown
