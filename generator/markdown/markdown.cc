#include "markdown/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <mutex>

#include "markdown/source_text.h"
#include "markdown/table_rows.h"
#include "util/text.h"

namespace kv::markdown {
namespace {

constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;

void register_extensions() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

struct Document {
  cmark_parser* parser = nullptr;
  cmark_node* root = nullptr;
  ~Document() {
    if (root) cmark_node_free(root);
    if (parser) cmark_parser_free(parser);
  }
};

std::unique_ptr<Document> parse(std::string_view text) {
  register_extensions();
  auto doc = std::make_unique<Document>();
  doc->parser = cmark_parser_new(kOptions);
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(doc->parser, ext);
  }
  cmark_parser_feed(doc->parser, text.data(), text.size());
  doc->root = cmark_parser_finish(doc->parser);
  return doc;
}

std::string take(char* s) {
  std::string out = s ? s : "";
  std::free(s);
  return out;
}

// An author's "##" becomes min_heading, deeper levels keep their distance; "#" is raised.
void set_heading_levels(cmark_node* root, int min_heading) {
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING) {
      int level = cmark_node_get_heading_level(node) + (min_heading - 2);
      cmark_node_set_heading_level(node, std::clamp(level, min_heading, 6));
    }
  }
  cmark_iter_free(it);
}

std::string render_html(const Document& doc) {
  return take(cmark_render_html(doc.root, kOptions, cmark_parser_get_syntax_extensions(doc.parser)));
}

// The text of an inline node's content (an image's description, a heading's words).
std::string inline_text(cmark_node* node) {
  std::string out;
  cmark_iter* it = cmark_iter_new(node);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER || n == node) continue;
    const cmark_node_type type = cmark_node_get_type(n);
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) out += cmark_node_get_literal(n);
    else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) out += ' ';
  }
  cmark_iter_free(it);
  return out;
}

// The source text an autolink was made from ("https://x.se", "a@b.se", "www.x.se"), or ""
// for a link written with brackets.
std::string autolink_text(cmark_node* link, const std::string& url) {
  cmark_node* child = cmark_node_first_child(link);
  if (!child || cmark_node_next(child) || cmark_node_get_type(child) != CMARK_NODE_TEXT) return "";
  const std::string text = cmark_node_get_literal(child);
  return url == text || url == "mailto:" + text || url == "http://" + text ? text : "";
}

// Collects raw HTML, images, links and headings of a parsed document, in document order.
// With placeholders, every link's and image's address becomes the placeholder that names it.
void collect(cmark_node* root, std::string_view text, Analysis& out, bool placeholders) {
  InlineFinder finder(text);
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(it);
    const cmark_node_type type = cmark_node_get_type(node);
    const int line = cmark_node_get_start_line(node), col = cmark_node_get_start_column(node);
    if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE) out.raw_html.push_back({line, col});
    if (type == CMARK_NODE_HEADING) out.headings.push_back({inline_text(node), cmark_node_get_heading_level(node), {line, col}});
    if (type == CMARK_NODE_IMAGE) {
      const char* url = cmark_node_get_url(node);
      out.images.push_back({url ? url : "", finder.find(line, col, "!["), inline_text(node)});
      if (placeholders) cmark_node_set_url(node, ("kvmedia:" + std::to_string(out.images.size() - 1)).c_str());
    }
    if (type == CMARK_NODE_LINK) {
      const char* raw = cmark_node_get_url(node);
      std::string url = raw ? raw : "";
      const std::string autolink = autolink_text(node, url);
      // The autolink extension makes "www.x.se" a link to http://www.x.se; the author wrote
      // no scheme, and the site links only to https: addresses.
      if (!autolink.empty() && starts_with(autolink, "www.") && url == "http://" + autolink) url = "https://" + autolink;
      out.links.push_back({url, finder.find(line, col, autolink.empty() ? "[" : autolink)});
      if (placeholders) cmark_node_set_url(node, ("kvlink:" + std::to_string(out.links.size() - 1)).c_str());
    }
  }
  cmark_iter_free(it);
}

}  // namespace

std::string to_html(std::string_view text, int min_heading) {
  auto doc = parse(text);
  set_heading_levels(doc->root, min_heading);
  return render_html(*doc);
}

Analysis analyze(std::string_view text) {
  auto doc = parse(text);
  Analysis out;
  collect(doc->root, text, out, true);
  out.uneven_rows = uneven_table_rows(doc->root, text);
  set_heading_levels(doc->root, 2);
  out.html = render_html(*doc);
  return out;
}

Analysis inspect(std::string_view text) {
  auto doc = parse(text);
  Analysis out;
  collect(doc->root, text, out, false);
  out.uneven_rows = uneven_table_rows(doc->root, text);
  return out;
}

std::string shift_headings(std::string_view html, int min_heading) {
  if (min_heading == 2) return std::string(html);
  // Safe to do on text: raw HTML never passes (safe mode) and '<' in text is "&lt;", so
  // every "<hN" and "</hN" is a heading tag cmark wrote.
  std::string out;
  out.reserve(html.size());
  for (size_t i = 0; i < html.size(); ++i) {
    out += html[i];
    if (html[i] != '<') continue;
    size_t k = i + 1 + (i + 1 < html.size() && html[i + 1] == '/');
    if (k + 1 < html.size() && html[k] == 'h' && html[k + 1] >= '1' && html[k + 1] <= '6') {
      int level = std::clamp(html[k + 1] - '0' + (min_heading - 2), min_heading, 6);
      out.append(html.substr(i + 1, k - i));  // "h" or "/h"
      out += static_cast<char>('0' + level);
      i = k + 1;
    }
  }
  return out;
}

std::string to_plain_text(std::string_view text) {
  auto doc = parse(text);
  std::string plain = take(cmark_render_plaintext(doc->root, kOptions, 0));
  // cmark-gfm's plain-text renderer writes U+FFFE and U+FFFF as the single bytes FE and FF
  // (utf8proc's legacy encoding; found by fuzz_markdown). Neither byte occurs in UTF-8, so
  // putting the three-byte forms back is exact.
  std::string out;
  out.reserve(plain.size());
  for (char c : plain) {
    if (c == '\xFE') out += "\xEF\xBF\xBE";
    else if (c == '\xFF') out += "\xEF\xBF\xBF";
    else out += c;
  }
  return out;
}

bool is_remote_url(std::string_view url) {
  if (url.substr(0, 2) == "//" || url.substr(0, 2) == "\\\\") return true;
  size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  return std::all_of(url.begin(), url.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  });
}

std::vector<Image> find_images(std::string_view text) {
  auto doc = parse(text);
  Analysis found;
  collect(doc->root, text, found, false);
  return found.images;
}

// Cells of a GFM delimiter row ("|---|:--:|", pipes at the ends optional), or 0 when the
// line is not one.
static size_t delimiter_cells(std::string_view line) {
  size_t cells = 0, dashes = 0;
  bool in_cell = false, any_pipe = false;
  for (char c : line) {
    if (c == '|') {
      any_pipe = true;
      if (in_cell) {
        if (dashes == 0) return 0;
        ++cells;
      }
      in_cell = false;
      dashes = 0;
    } else if (c == '-' || c == ':') {
      in_cell = true;
      dashes += c == '-';
    } else if (c != ' ' && c != '\t' && c != '\r') {
      return 0;
    }
  }
  if (in_cell) {
    if (dashes == 0) return 0;
    ++cells;
  }
  return any_pipe ? cells : 0;
}

TableWidth widest_table(std::string_view text) {
  TableWidth widest;
  int line = 0;
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ++line;
    size_t cells = delimiter_cells(text.substr(start, end - start));
    if (cells > widest.columns) widest = {cells, line};
    start = end + 1;
  }
  return widest;
}

}  // namespace kv::markdown
