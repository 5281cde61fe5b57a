// An author's SVG is copied to the site as it is, and a browser that opens it directly runs
// its scripts on the site's origin and fetches what it names. Only inert drawings pass:
// no script element, no event-handler attribute, no javascript: URL, no foreignObject and
// no reference to anything outside the file (http:, https:, //, file:, data: is fine).
#pragma once
#include <string_view>

namespace kv {

// True when the SVG text holds none of the above (compared case-insensitively).
bool svg_is_inert(std::string_view svg);

}  // namespace kv
