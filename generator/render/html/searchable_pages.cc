#include "render/html/searchable_pages.h"

#include "render/html/blocks_html.h"
#include "render/html/urls.h"

namespace kv {
namespace {

std::string folder_of(const std::string& page_path) {  // ".../fraga-02/index.html" → ".../fraga-02/"
  return page_path.substr(0, page_path.rfind('/') + 1);
}

}  // namespace

std::vector<SearchDoc> searchable_pages(const SiteContext& ctx, const model::Submission& s) {
  const Lang lang = ctx.site.lang;
  std::vector<SearchDoc> docs;
  docs.reserve(searchable_page_count(s));
  // The text is rendered as on the page, so search finds what readers see.
  if (!s.intro.empty())
    docs.push_back({folder_of(overview_path(s)), s.unit.name, s.year, document_title(s), "", s.structure->intro_title,
                    plain_text(blocks_to_html(s.intro, {lang, "", 3, ""}))});
  for (const auto& [number, answer] : s.answers) {
    const model::QuestionSpec* spec = s.structure->find_question(number);
    docs.push_back({folder_of(question_path(s, number)), s.unit.name, s.year, document_title(s),
                    part_label(*s.structure, lang, number), spec ? spec->title : "",
                    plain_text(blocks_to_html(answer.blocks, {lang, "", 2, ""}))});
  }
  return docs;
}

std::vector<std::string> search_threads(const model::Submission& s) {
  std::vector<std::string> threads;
  if (!s.intro.empty()) threads.push_back("inledning");
  for (const auto& [number, answer] : s.answers) {
    const model::QuestionSpec* spec = s.structure->find_question(number);
    const model::PartRef oldest = spec && !spec->earlier.empty() ? spec->earlier.back() : model::PartRef{s.structure->id, number};
    threads.push_back(oldest.structure + '#' + std::to_string(oldest.number));
  }
  return threads;
}

size_t searchable_page_count(const model::Submission& s) { return (s.intro.empty() ? 0 : 1) + s.answers.size(); }

}  // namespace kv
