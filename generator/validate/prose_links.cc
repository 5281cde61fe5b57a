#include "validate/prose_links.h"


#include "util/text.h"
#include "util/url.h"

namespace kv {
namespace {

namespace fs = std::filesystem;

// A path relative to the content folder, or "" when it leads outside.
std::string content_relative(const fs::path& path, const ContentRoot& root) {
  fs::path normal = path.lexically_normal();
  if (!normal.has_filename() && normal.has_parent_path()) normal = normal.parent_path();  // "a/b/" → "a/b"
  const fs::path relative = normal.lexically_relative(root.path.lexically_normal());
  if (relative.empty() || *relative.begin() == "..") return "";
  return relative.generic_string();
}

model::Link read_path_link(const std::string& url, const SourcePos& at, const BlockContext& context, Diagnostics& diagnostics) {
  model::Link link;
  link.url = url;
  link.source = at.path;
  link.line = at.line;
  link.col = at.col;
  const size_t hash = url.find('#');
  link.fragment = hash == std::string::npos ? "" : percent_decode(std::string_view(url).substr(hash + 1));
  const std::string path = percent_decode(std::string_view(url).substr(0, hash));
  if (path.empty()) {  // "#rubrik": a heading of this file
    link.file = content_relative(fs::path(context.path), *context.content);
    return link;
  }
  if (!fs::path(path).is_absolute()) link.file = content_relative(context.directory / path, *context.content);
  if (link.file.empty()) diagnostics.error(at, diagnostics.t(Msg::kLinkOutside, {url}), diagnostics.t(Msg::kLinkTargetHint));
  return link;
}

}  // namespace

LinkKind classify_link(std::string_view url) {
  if (!markdown::is_remote_url(url)) return LinkKind::kPath;
  const std::string scheme = fold_case(url.substr(0, url.find(':')));
  if (scheme == "https" || scheme == "mailto") return LinkKind::kExternal;
  if (scheme == "http") return LinkKind::kHttp;
  return LinkKind::kRefused;  // javascript:, file:, data:, //host, …
}

bool check_link_kind(const std::string& url, const SourcePos& at, Diagnostics& diagnostics) {
  switch (classify_link(url)) {
    case LinkKind::kHttp:
      diagnostics.error(at, diagnostics.t(Msg::kLinkHttp, {url}), diagnostics.t(Msg::kLinkHttpHint, {"https" + url.substr(4)}));
      return false;
    case LinkKind::kRefused:
      diagnostics.error(at, diagnostics.t(Msg::kLinkScheme, {url}), diagnostics.t(Msg::kLinkSchemeHint));
      return false;
    default:
      return true;
  }
}

std::vector<model::Link> read_links(const std::vector<markdown::Link>& links, int line_offset,
                                    const BlockContext& context, Diagnostics& diagnostics) {
  std::vector<model::Link> out;
  for (const auto& written : links) {
    const SourcePos at{context.path, line_offset + written.at.line, written.at.col};
    model::Link link;  // one per link, also a refused one: link i is the HTML's "kvlink:i"
    if (check_link_kind(written.url, at, diagnostics)) {
      if (classify_link(written.url) == LinkKind::kExternal) link.external = written.url;
      else link = read_path_link(written.url, at, context, diagnostics);
    }
    out.push_back(std::move(link));
  }
  return out;
}

namespace {

// Data blocks nest a few levels at most (groups → rows → values) and hold far fewer values
// than this; but an alias can make a node its own child ("&a [*a]") or repeat a list of
// lists of lists, so the walk stops at a depth and a number of nodes no block reaches.
constexpr int kMaxDataDepth = 16;
constexpr long kMaxDataNodes = 100000;

void check_data_texts(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics, int depth, long& budget) {
  if (depth > kMaxDataDepth || --budget < 0) return;
  if (node.IsMap()) {
    for (const auto& entry : node) check_data_texts(entry.second, origin, diagnostics, depth + 1, budget);
  } else if (node.IsSequence()) {
    for (const auto& item : node) check_data_texts(item, origin, diagnostics, depth + 1, budget);
  } else if (node.IsScalar()) {
    const std::string& value = node.Scalar();
    // Most texts have nothing a link, an image or a table starts with: skip the parse.
    if (value.find_first_of("[<|@") == std::string::npos && value.find("www.") == std::string::npos &&
        value.find("://") == std::string::npos)
      return;
    const SourcePos at = position(node, origin);
    const markdown::Analysis found = markdown::inspect(value);
    for (const auto& link : found.links)
      if (check_link_kind(link.url, at, diagnostics) && classify_link(link.url) == LinkKind::kPath)
        diagnostics.error(at, diagnostics.t(Msg::kLinkInDataText, {link.url}), diagnostics.t(Msg::kLinkInDataTextHint));
    for (const auto& image : found.images)  // one from an address is reported with the value (map_reader)
      if (!markdown::is_remote_url(image.url))
        diagnostics.error(at, diagnostics.t(Msg::kImageInDataText, {image.url}), diagnostics.t(Msg::kImageInDataTextHint));
    for (const auto& row : found.uneven_rows)
      diagnostics.error(at, diagnostics.t(Msg::kTableRowCells, {std::to_string(row.cells), std::to_string(row.header_cells)}),
                   diagnostics.t(Msg::kTableRowCellsHint));
  }
}

}  // namespace

void check_data_texts(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics) {
  long budget = kMaxDataNodes;
  check_data_texts(node, origin, diagnostics, 0, budget);
}

}  // namespace kv
