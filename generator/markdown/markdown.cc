#include "markdown/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <mutex>

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

}  // namespace

std::string to_html(std::string_view text, int min_heading) {
  auto doc = parse(text);
  cmark_iter* it = cmark_iter_new(doc->root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING) {
      // An author's "##" becomes min_heading, deeper levels keep their distance.
      int level = cmark_node_get_heading_level(node) + (min_heading - 2);
      cmark_node_set_heading_level(node, std::clamp(level, min_heading, 6));
    }
  }
  cmark_iter_free(it);
  return take(cmark_render_html(doc->root, kOptions, cmark_parser_get_syntax_extensions(doc->parser)));
}

std::string to_plain_text(std::string_view text) {
  auto doc = parse(text);
  return take(cmark_render_plaintext(doc->root, kOptions, 0));
}

std::vector<Location> find_raw_html(std::string_view text) {
  auto doc = parse(text);
  std::vector<Location> found;
  cmark_iter* it = cmark_iter_new(doc->root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(it);
    cmark_node_type type = cmark_node_get_type(node);
    if (ev == CMARK_EVENT_ENTER && (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE))
      found.push_back({cmark_node_get_start_line(node), cmark_node_get_start_column(node)});
  }
  cmark_iter_free(it);
  return found;
}

}  // namespace kv::markdown
