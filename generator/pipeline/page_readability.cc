#include "pipeline/page_readability.h"

#include "i18n/messages.h"
#include "model/readability.h"
#include "render/html/urls.h"
#include "validate/readability.h"

namespace kv {

std::vector<PageReadability> page_readability(const model::Site& site, Lang lang) {
  std::vector<PageReadability> pages;
  for (const auto& s : site.submissions)
    for (const auto& part : model::document_readability(s)) {
      const int lix = part.text.lix();
      pages.push_back({part.number == 0 ? overview_path(s) : question_path(s, part.number),
                       part.number == 0 ? text(lang, Msg::kLixIntro)
                                        : text(lang, Msg::kUiQuestion, {s.structure->part_word(lang), std::to_string(part.number)}),
                       lix, lix_band_name(lix, lang)});
    }
  return pages;
}

}  // namespace kv
