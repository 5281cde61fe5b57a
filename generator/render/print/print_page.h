// The print page of a submission or report: one HTML document laid out for A4 with CSS
// Paged Media (cover, table of contents with page numbers, running header and footer, one
// area per new page). WeasyPrint turns it into the PDF; browsers print it as well.
#pragma once
#include <string>

#include "model/site.h"
#include "render/html/layouts.h"
#include "render/html/pages.h"
#include "render/html/urls.h"  // print_anchor, print_page_path

namespace kv {

Page render_print_page(const model::Site& site, const model::Submission& s, const Layouts& layouts);

// The structure's footer pattern as a CSS content value: "Sida {sida} av {sidor}" →
// "Sida " counter(page) " av " counter(pages). Quotes and backslashes are escaped.
std::string footer_css(const std::string& pattern);

// CSS raising the print page's small texts (tables, captions, header, footer) to a font-size
// floor set by the structure; "" when there is none.
std::string font_floor_css(double points);

}  // namespace kv
