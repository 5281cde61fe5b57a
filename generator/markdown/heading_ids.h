// Ids of the headings authors write, so that a link can lead to one ("fraga-16.md#malen").
// An id is the heading's text as a slug: lower case, å and ä as a, ö as o, é as e, every
// other run of characters but a–z and 0–9 as one '-' ("Mål 2018 – uppföljning" →
// "mal-2018-uppfoljning"; "rubrik" when nothing is left). Ids are unique within a file
// (a repeated heading gets -2, -3, …) and never one the page layouts use themselves, so a
// heading "Innehåll" cannot take the main content's id.
#pragma once
#include <set>
#include <string>
#include <string_view>

namespace kv::markdown {

std::string heading_slug(std::string_view heading_text);

// True for ids of the layouts (templates/layouts/*.mustache, tested) and of the charts
// ("diagram-3", "diagram-3-t").
bool reserved_id(std::string_view id);

// Hands out the ids of one file's headings, in document order.
class HeadingIds {
 public:
  std::string add(const std::string& slug);

 private:
  std::set<std::string> taken_;
};

}  // namespace kv::markdown
