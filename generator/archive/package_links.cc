#include "archive/package_links.h"

#include <vector>

#include "util/escape.h"
#include "util/url.h"

namespace kv {
namespace {

// A scheme ("https:", "mailto:") before any '/', '?' or '#'.
bool has_scheme(std::string_view ref) {
  for (char c : ref) {
    if (c == ':') return true;
    if (c == '/' || c == '?' || c == '#') return false;
  }
  return false;
}

// Attribute values are written escaped; a path part never holds '&', a query may ("&amp;").
std::string unescaped(std::string_view value) {
  std::string out;
  for (size_t i = 0; i < value.size(); ++i) {
    if (value.compare(i, 5, "&amp;") == 0) {
      out += '&';
      i += 4;
    } else {
      out += value[i];
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> site_path_of(std::string_view page_path, std::string_view reference) {
  const std::string ref = unescaped(reference);
  if (ref.empty() || ref[0] == '#' || ref[0] == '/' || ref[0] == '?' || has_scheme(ref)) return std::nullopt;
  const std::string path = percent_decode(ref.substr(0, ref.find_first_of("?#")));
  std::vector<std::string> parts;
  const std::string_view dir = page_path.substr(0, page_path.rfind('/') == std::string_view::npos ? 0 : page_path.rfind('/') + 1);
  std::string joined = std::string(dir) + path;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t end = joined.find('/', start);
    if (end == std::string::npos) end = joined.size();
    const std::string part = joined.substr(start, end - start);
    if (part == "..") {
      if (parts.empty()) return std::nullopt;  // out of the site
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  const bool folder = path.empty() || path.back() == '/' || joined.back() == '/' || path == "." || path == "..";
  if (folder && !out.empty()) out += '/';
  return out;
}

std::string package_links(std::string_view html, std::string_view page_path,
                          const std::function<bool(const std::string&)>& in_package, std::string_view base) {
  std::string out;
  out.reserve(html.size());
  size_t at = 0;
  while (at < html.size()) {
    size_t found = std::string_view::npos, value = 0;
    for (std::string_view name : {" href=\"", " src=\"", " action=\""}) {
      size_t f = html.find(name, at);
      if (f < found) {
        found = f;
        value = f + name.size();
      }
    }
    if (found == std::string_view::npos) break;
    const size_t end = html.find('"', value);
    if (end == std::string_view::npos) break;
    out.append(html.substr(at, value - at));
    const std::string_view ref = html.substr(value, end - value);
    const auto path = site_path_of(page_path, ref);
    const std::string file = path ? (path->empty() || path->back() == '/' ? *path + "index.html" : *path) : "";
    if (path && !in_package(file)) {
      const size_t rest = ref.find_first_of("?#");
      out.append(html_escape(base));
      out.append(percent_encode_path(*path));
      if (rest != std::string_view::npos) out.append(ref.substr(rest));
    } else {
      out.append(ref);
    }
    at = end;
  }
  out.append(html.substr(at));
  return out;
}

}  // namespace kv
