// The links of a page in an archive package. A link to a file the package holds stays
// relative, so the package works offline from any folder; every other link into the site
// (another year, the search, the start page) leads to the site's public address, where the
// published site keeps it (the addresses never move, see render/html/urls.h).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace kv {

// The site-relative path a reference on the page at page_path leads to, without its query or
// fragment and with %XX decoded ("../../2018/x/" from "2024/a/b/index.html" → "2018/x/");
// nullopt for an absolute address (https:, mailto:, /…), a fragment only, or one that climbs
// out of the site.
std::optional<std::string> site_path_of(std::string_view page_path, std::string_view reference);

// html with the href, src and action attributes that lead to a site path in_package does not
// hold rewritten to base + that path (+ its query and fragment). in_package gets the file a
// folder address serves ("x/" → "x/index.html"). base ends in '/'.
std::string package_links(std::string_view html, std::string_view page_path,
                          const std::function<bool(const std::string&)>& in_package, std::string_view base);

}  // namespace kv
