// Page views: the data each layout receives. One function per page kind; each returns the
// page's site-relative file path and its full HTML.
#pragma once
#include <string>

#include "model/site.h"
#include "render/html/layouts.h"

namespace kv {

struct Page {
  std::string path;  // site-relative, e.g. "2018/enhet/kvalitetsutmarkelsen/fraga-01/index.html"
  std::string html;
};

Page render_start_page(const model::Site& site, const Layouts& layouts);
Page render_overview_page(const model::Site& site, const model::Submission& s, const Layouts& layouts, bool with_pdf);
Page render_question_page(const model::Site& site, const model::Submission& s, int number, const Layouts& layouts);

// "Kvalitetsutmärkelsen 2018"
std::string document_title(const model::Submission& s);

}  // namespace kv
