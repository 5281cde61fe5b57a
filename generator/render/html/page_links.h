// Where prose links lead from the page they are shown on. The same answer is shown on its
// question page, on the comparison page of its question and on its document's print page,
// each at another depth and with other element ids. So a link to another part of the same
// document is an anchor within the print page; a link to a heading of the same answer is an
// anchor within the comparison page; anything else is the target's own site page, by a path
// relative to this page (ending in index.html, so the site works from file://).
#pragma once
#include <string>

#include "model/site.h"

namespace kv {

class PageLinks {
 public:
  PageLinks() = default;  // without a site every link within it is "#" (plain text for search; tests)

  // A page that shows one part or introduction of a document: question and overview pages.
  static PageLinks site_page(const model::Site& site, const std::string& page_path);
  // The print page of document; links elsewhere are absolute when the site's address is known.
  static PageLinks print_page(const model::Site& site, const model::Submission& document, const std::string& page_path);
  // document's answer to `part` on a comparison page, in the section answer_id, its headings'
  // ids prefixed with id_prefix.
  static PageLinks compare_page(const model::Site& site, const model::Submission& document, int part,
                                const std::string& page_path, const std::string& answer_id, const std::string& id_prefix);

  // The link's address from this page (not yet escaped for HTML).
  std::string href(const model::Link& link) const;
  // Whether the link leads to a page of this site: not to a draft left out, nor (in a build
  // of one unit) to another unit's document.
  bool has_target(const model::Link& link) const;

 private:
  enum class Kind { kSite, kPrint, kCompare };
  std::string within_page(const model::Submission& target, const model::Link& link) const;

  Kind kind_ = Kind::kSite;
  const model::Site* site_ = nullptr;
  std::string page_path_, root_;
  const model::Submission* document_ = nullptr;  // print and comparison: the document shown
  int part_ = 0;                                  // comparison: the part shown
  std::string answer_id_, id_prefix_;             // comparison
};

}  // namespace kv
