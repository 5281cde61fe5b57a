#include "pipeline/page_readability.h"

#include "i18n/messages.h"
#include "model/readability.h"
#include "render/html/urls.h"
#include "util/parallel.h"
#include "validate/readability.h"

namespace kv {

std::vector<PageReadability> page_readability(const model::Submission& s, Lang lang) {
  std::vector<PageReadability> pages;
  for (const auto& part : model::document_readability(s)) {
    const int lix = part.text.lix();
    pages.push_back({part.number == 0 ? overview_path(s) : question_path(s, part.number),
                     part.number == 0 ? text(lang, Msg::kLixIntro)
                                      : text(lang, Msg::kUiQuestion, {s.structure->part_word(lang), std::to_string(part.number)}),
                     lix, lix_band_name(lix, lang)});
  }
  return pages;
}

std::vector<PageReadability> page_readability(const model::Site& site, Lang lang, unsigned threads) {
  std::vector<std::vector<PageReadability>> by_document(site.submissions.size());
  parallel_for(site.submissions.size(), threads, [&](size_t i) { by_document[i] = page_readability(site.submissions[i], lang); });
  std::vector<PageReadability> pages;  // in the site's order, whatever the threads did first
  for (auto& document : by_document)
    for (auto& page : document) pages.push_back(std::move(page));
  return pages;
}

}  // namespace kv
