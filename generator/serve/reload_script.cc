#include "serve/reload_script.h"

#include <algorithm>
#include <cctype>

namespace kv::serve {

std::string reload_script(std::uint64_t generation) {
  // On "reload" the stream is closed first, so the page being left does not reconnect.
  return "<script>/* kvalitet serve */(function(){var k=new EventSource(\"" + std::string(kEventsPath) +
         "?sedan=" + std::to_string(generation) +
         "\");k.addEventListener(\"reload\",function(){k.close();location.reload();});})();</script>\n";
}

namespace {

// The offset of the last "</body" (any case), or npos.
size_t last_body_end(std::string_view html) {
  constexpr std::string_view tag = "</body";
  for (size_t at = html.size() >= tag.size() ? html.size() - tag.size() + 1 : 0; at-- > 0;) {
    bool match = std::equal(tag.begin(), tag.end(), html.begin() + static_cast<std::ptrdiff_t>(at),
                            [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
    if (match) return at;
  }
  return std::string_view::npos;
}

}  // namespace

std::string inject_at_body_end(std::string_view html, std::string_view extra) {
  const size_t at = last_body_end(html);
  std::string out;
  out.reserve(html.size() + extra.size());
  if (at == std::string_view::npos) return out.append(html).append(extra);
  return out.append(html.substr(0, at)).append(extra).append(html.substr(at));
}

std::string inject_after_body_start(std::string_view html, std::string_view extra) {
  constexpr std::string_view tag = "<body";
  size_t at = std::string_view::npos;
  for (size_t i = 0; i + tag.size() <= html.size(); ++i) {
    const bool match = std::equal(tag.begin(), tag.end(), html.begin() + static_cast<std::ptrdiff_t>(i),
                                  [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
    // "<body" and not "<bodyx": the name ends at a space, '/' or '>'.
    const char next = i + tag.size() < html.size() ? html[i + tag.size()] : '\0';
    if (match && (next == '>' || next == '/' || std::isspace(static_cast<unsigned char>(next)))) {
      at = html.find('>', i);
      break;
    }
  }
  std::string out;
  out.reserve(html.size() + extra.size());
  if (at == std::string_view::npos) return out.append(extra).append(html);
  return out.append(html.substr(0, at + 1)).append(extra).append(html.substr(at + 1));
}

std::string inject_reload_script(std::string_view html, std::uint64_t generation) {
  return inject_at_body_end(html, reload_script(generation));
}

}  // namespace kv::serve
