#include "render/xlsx/review_workbook.h"

#include "i18n/messages.h"
#include "render/html/urls.h"
#include "render/xlsx/workbook.h"
#include "util/time.h"

namespace kv {

void write_review_workbook(const model::Edition& edition, Lang lang, const std::string& base_url,
                           const xlsx::Target& target) {
  using xlsx::Cell;
  using Kind = xlsx::Column::Kind;
  const model::Structure& st = *edition.structure;
  std::vector<xlsx::Column> columns = {
      {text(lang, Msg::kUiUnit), 30, Kind::kWrappedText},         {text(lang, Msg::kXlsxArea), 28, Kind::kWrappedText},
      {text(lang, Msg::kXlsxNumber), 6, Kind::kInteger},         {text(lang, Msg::kXlsxTitle), 40, Kind::kWrappedText},
      {text(lang, Msg::kXlsxPage), 40, Kind::kText},              {text(lang, Msg::kXlsxScore), 10, Kind::kDecimal},
      {text(lang, Msg::kXlsxStrengths), 45, Kind::kWrappedText}, {text(lang, Msg::kXlsxImprovements), 45, Kind::kWrappedText}};
  std::vector<std::vector<Cell>> rows;
  for (const auto* s : edition.submissions)  // by unit name, then the structure's order
    for (const auto& area : st.areas)
      for (const auto& q : area.questions) {
        std::string page = question_path(*s, q.number);
        page.erase(page.size() - std::string("index.html").size());  // the folder address
        rows.push_back({Cell::of(s->unit.name), Cell::of(area.title), Cell::of(static_cast<double>(q.number)),
                        Cell::of(q.title), base_url.empty() ? Cell::of(page) : Cell::link(base_url + page),
                        Cell::empty(), Cell::empty(), Cell::empty()});
      }
  const std::string title = st.name + " " + std::to_string(edition.year);
  xlsx::Workbook book(target, lang, start_of_year(edition.year), text(lang, Msg::kXlsxReviewTitle, {title}));
  book.add_sheet(text(lang, Msg::kXlsxSheetReview), columns, rows);
  book.close();
}

}  // namespace kv
