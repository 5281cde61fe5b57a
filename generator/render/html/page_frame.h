// What every page shares: the base layout around its content (header with the search
// form, breadcrumbs, footer with the accessibility statement), the site's texts for the
// layouts, and small builders for layout data.
#pragma once
#include <kainjow/mustache.hpp>

#include <string>
#include <vector>

#include "model/site.h"
#include "model/site_index.h"
#include "render/html/layouts.h"

namespace kv {

struct Page {
  std::string path;  // site-relative, e.g. "2018/enhet/kvalitetsutmarkelsen/fraga-01/index.html"
  std::string html;
};

// Everything a page job reads; all of it immutable while pages render in parallel.
struct SiteContext {
  const model::Site& site;
  const model::SiteIndex& index;
  const Layouts& layouts;
  bool with_pdf = false;  // PDFs will be made: link them
};

using kainjow::mustache::data;

// The layouts' texts in the site language, as {{t.key}}.
data labels(Lang lang);
data link(const std::string& href, const std::string& label);
// A breadcrumb trail starting at the start page.
data crumbs_from_home(const model::Site& site, const std::string& root);
void add_crumb(data& crumbs, const std::string& label, const std::string& href);  // href "": current page

struct Frame {
  std::string path;  // site-relative file
  std::string kind;  // <body data-sidtyp>: start, enhet, oversikt, fraga, jamforelse, …
  std::string title;
  data breadcrumbs{data::type::list};
  bool draft = false;  // a page of a draft (status: utkast): marked as one
};

// Wraps a page's content in the base layout; stylesheets: extra theme files the page needs,
// e.g. "sok.css".
Page finish(const SiteContext& ctx, Frame frame, const std::string& content,
            const std::vector<std::string>& stylesheets = {});

// A structure's table of contents: areas with their questions, linked as "fraga-NN/index.html"
// relative to a folder that holds one folder per question.
data structure_contents(const model::Structure& structure);
// The neighbouring questions as {{prev}} and {{next}} links ("../fraga-NN/index.html").
void set_pager(data& d, const model::Structure& structure, int number);

// "Kvalitetsutmärkelsen 2018"
std::string document_title(const model::Submission& s);
// "Fråga 2" / "Avsnitt 4"
std::string part_label(const model::Structure& structure, Lang lang, int number);

}  // namespace kv
