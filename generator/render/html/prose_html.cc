#include "render/html/prose_html.h"

#include <algorithm>
#include <cctype>

#include "markdown/markdown.h"
#include "render/html/urls.h"
#include "util/escape.h"

namespace kv {
namespace {

// The number after a placeholder at html[at] and the position of its closing quote.
std::pair<size_t, size_t> placeholder_index(const std::string& html, size_t at) {
  size_t n = 0, i = at;
  for (; i < html.size() && std::isdigit(static_cast<unsigned char>(html[i])); ++i) n = n * 10 + static_cast<size_t>(html[i] - '0');
  return {n, i};
}

bool heading_open_tag(const std::string& html, size_t i) {
  return html.compare(i, 2, "<h") == 0 && i + 3 < html.size() && html[i + 2] >= '1' && html[i + 2] <= '6' &&
         html[i + 3] == '>';
}

}  // namespace

std::string prose_html(const model::Prose& prose, const ProsePlace& place) {
  // Safe to scan as text: raw HTML never passes (markdown.h), and '<' and '"' in an
  // author's text are escaped, so every "<hN>" and placeholder is one cmark wrote.
  const std::string html = markdown::shift_headings(prose.html, place.min_heading);
  std::string out;
  out.reserve(html.size() + html.size() / 8);
  size_t heading = 0;
  size_t kv = html.find("=\"kv");
  for (size_t i = 0; i < html.size(); ++i) {
    if (heading_open_tag(html, i) && heading < prose.headings.size()) {
      out.append(html, i, 3).append(" id=\"").append(html_escape(place.id_prefix + prose.headings[heading++].id)).append("\">");
      i += 3;
    } else if (html.compare(i, markdown::kLinkPlaceholder.size(), markdown::kLinkPlaceholder) == 0) {
      auto [n, end] = placeholder_index(html, i + markdown::kLinkPlaceholder.size());
      if (n < prose.links.size() && place.links.has_target(prose.links[n]))
        out.append("href=\"").append(html_escape(place.links.href(prose.links[n])));
      else
        out.append("class=\"lank-utan-mal");  // its page is not on this site: the text, no link
      i = end - 1;  // the closing quote is copied next
    } else if (html.compare(i, markdown::kImagePlaceholder.size(), markdown::kImagePlaceholder) == 0) {
      auto [n, end] = placeholder_index(html, i + markdown::kImagePlaceholder.size());
      out.append("src=\"").append(html_escape(n < prose.images.size() ? place.root + media_path(prose.images[n]) : ""));
      i = end - 1;
    } else {
      // Up to the next place anything above can start, in one append: this loop runs over
      // every byte of every answer on every page. A heading starts at '<', a placeholder at
      // most four bytes before its '="kv' (href="kvlink:…, src="kvmedia:…).
      size_t next = html.find('<', i + 1);
      if (kv != std::string::npos && kv < i + 1) kv = html.find("=\"kv", i + 1);  // searched once per placeholder
      if (kv != std::string::npos) next = std::min(next, std::max(i + 1, kv - std::min<size_t>(kv, 4)));
      next = std::min(next, html.size());
      out.append(html, i, next - i);
      i = next - 1;
    }
  }
  return out;
}

}  // namespace kv
