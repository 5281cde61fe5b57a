#include "render/html/page_links.h"

#include "render/html/urls.h"

namespace kv {
namespace {

const model::Submission* find_document(const model::Site& site, const std::string& url_path) {
  for (const auto& s : site.submissions)
    if (s.url_path() == url_path) return &s;
  return nullptr;
}

}  // namespace

PageLinks PageLinks::site_page(const model::Site& site, const std::string& page_path) {
  PageLinks p;
  p.site_ = &site;
  p.page_path_ = page_path;
  p.root_ = root_of(page_path);
  return p;
}

PageLinks PageLinks::print_page(const model::Site& site, const model::Submission& document, const std::string& page_path) {
  PageLinks p = site_page(site, page_path);
  p.kind_ = Kind::kPrint;
  p.document_ = &document;
  // The print page becomes a PDF that is read away from the site: with the published address
  // known (site.yaml adress:), a link elsewhere is absolute, as in the reviewers' workbooks.
  if (!site.base_url.empty()) p.root_ = site.base_url;
  return p;
}

PageLinks PageLinks::compare_page(const model::Site& site, const model::Submission& document, int part,
                                  const std::string& page_path, const std::string& answer_id, const std::string& id_prefix) {
  PageLinks p = site_page(site, page_path);
  p.kind_ = Kind::kCompare;
  p.document_ = &document;
  p.part_ = part;
  p.answer_id_ = answer_id;
  p.id_prefix_ = id_prefix;
  return p;
}

// The anchor of the target on this page ("#del-16-malen"), or "" when it is not on it.
std::string PageLinks::within_page(const model::Submission& target, const model::Link& link) const {
  if (&target != document_) return "";
  if (kind_ == Kind::kPrint && (link.introduction || link.part > 0)) {
    // The print page's ids: part n's section "del-NN" and its headings "del-NN-<id>".
    const std::string section = link.introduction ? intro_anchor() : print_anchor(link.part);
    return "#" + section + (link.anchor.empty() ? "" : "-" + link.anchor);
  }
  if (kind_ == Kind::kCompare && !link.introduction && link.part == part_)
    return "#" + (link.anchor.empty() ? answer_id_ : id_prefix_ + link.anchor);
  return "";
}

bool PageLinks::has_target(const model::Link& link) const {
  return !link.external.empty() || (site_ && find_document(*site_, link.document));
}

std::string PageLinks::href(const model::Link& link) const {
  if (!link.external.empty()) return link.external;
  const model::Submission* target = site_ ? find_document(*site_, link.document) : nullptr;
  if (!target) return "#";
  if (std::string anchor = within_page(*target, link); !anchor.empty()) return anchor;
  const std::string path = link.part > 0 ? question_path(*target, link.part) : overview_path(*target);
  const std::string fragment = !link.anchor.empty() ? link.anchor : link.introduction ? intro_anchor() : "";
  if (path == page_path_ && !fragment.empty()) return "#" + fragment;
  return root_ + path + (fragment.empty() ? "" : "#" + fragment);
}

}  // namespace kv
