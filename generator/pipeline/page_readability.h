// The readability (LIX) of each page that shows running text an author wrote: a part's page,
// or a document's overview page for its introduction. `serve` shows it on the page.
#pragma once
#include <string>
#include <vector>

#include "i18n/lang.h"
#include "model/site.h"

namespace kv {

struct PageReadability {
  std::string page;  // site-relative, e.g. "2018/enhet/kvalitetsutmarkelsen/fraga-07/index.html"
  std::string part;  // "fråga 7" or "inledningen"
  int lix = 0;
  std::string band;  // "medelsvår"
};

// In the site's order: documents, then introduction and parts. Documents are measured on up
// to threads threads (serve does it on every save, for every document).
std::vector<PageReadability> page_readability(const model::Site& site, Lang lang, unsigned threads = 1);
// One document's, in the same order.
std::vector<PageReadability> page_readability(const model::Submission& s, Lang lang);

}  // namespace kv
