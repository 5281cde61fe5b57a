// Model blocks → HTML fragments. Every author text is either escaped or passed through
// the safe Markdown renderer; nothing the author writes reaches the page as markup.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "i18n/lang.h"
#include "model/blocks.h"
#include "render/html/page_links.h"

namespace kv {

struct BlockHtmlContext {
  Lang lang = Lang::kSv;
  std::string root;     // relative path from the page to the site root, e.g. "../../../../"
  int min_heading = 2;  // the level of an author's "##"; "#" is raised to it too
  std::string id_prefix;  // makes element ids unique when several parts share one document
  PageLinks links{};      // where prose links lead from this page
};

// A data table in a frame that scrolls sideways when the table is wider than the screen. The
// frame is a region named by the caption that takes keyboard focus, so it can be scrolled
// without a mouse (WCAG 2.1.1). caption_html is escaped text, possibly with inline tags;
// label (plain text) names the region when the caption alone is not distinctive on the page.
void open_table(std::ostream& out, const std::string& css_class, const std::string& caption_html,
                const std::string& label = "");
void close_table(std::ostream& out);

std::string blocks_to_html(const std::vector<model::Block>& blocks, const BlockHtmlContext& context);

// A part's answer; one without blocks (only a draft has one, validate/submission.cc) says
// "not answered yet", on its page and on paper alike.
std::string answer_html(const std::vector<model::Block>& blocks, const BlockHtmlContext& context);

}  // namespace kv
