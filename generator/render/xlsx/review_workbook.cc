#include "render/xlsx/review_workbook.h"

#include "i18n/messages.h"
#include "render/html/urls.h"
#include "render/xlsx/workbook.h"
#include "util/text.h"
#include "util/time.h"

namespace kv {
namespace {

using xlsx::Cell;
using Kind = xlsx::Column::Kind;

// The score column's rule: the structure's labelled steps as a drop-down, or any whole
// number of its scale; with the scale as help. No rule without a scoring model.
std::optional<xlsx::Validation> score_rule(const model::ScoringSpec& scoring, Lang lang) {
  if (!scoring.defined) return std::nullopt;
  xlsx::Validation v;
  v.min = scoring.min;
  v.max = scoring.max;
  v.title = text(lang, Msg::kXlsxScore);
  std::vector<std::string> steps;
  for (const auto& step : scoring.steps) {
    v.list.push_back(plain_number(step.value, lang));
    steps.push_back(plain_number(step.value, lang) + " " + step.label);
  }
  v.message = steps.empty() ? text(lang, Msg::kXlsxScoreRange, {plain_number(scoring.min, lang), plain_number(scoring.max, lang)})
                            : join(steps, ", ");
  return v;
}

// The answer's page: an address on the published site when it has one, else a file link
// relative to the workbook (jamforelse/<år>/<slag>/), which works from a copy on disk.
Cell page_cell(const model::Submission& s, int number, const std::string& base_url) {
  std::string page = question_path(s, number);
  const std::string folder = page.substr(0, page.size() - std::string("index.html").size());
  if (!base_url.empty()) return Cell::link(base_url + folder);
  return Cell::file_link("../../../" + page, folder);
}

}  // namespace

void write_review_workbook(const model::Edition& edition, Lang lang, const std::string& base_url,
                           const xlsx::Target& target) {
  const model::Structure& st = *edition.structure;
  bool criteria = false;
  for (const auto* q : st.questions()) criteria = criteria || !q->criteria.empty();
  std::vector<xlsx::Column> columns = {
      {text(lang, Msg::kUiUnit), 30, Kind::kWrappedText, {}}, {text(lang, Msg::kXlsxArea), 28, Kind::kWrappedText, {}},
      {text(lang, Msg::kXlsxNumber), 6, Kind::kInteger, {}},  {text(lang, Msg::kXlsxTitle), 40, Kind::kWrappedText, {}}};
  if (criteria) columns.push_back({text(lang, Msg::kXlsxCriteria), 50, Kind::kWrappedText, {}});
  columns.insert(columns.end(), {{text(lang, Msg::kXlsxPage), 40, Kind::kText, {}},
                                 {text(lang, Msg::kXlsxScore), 10, Kind::kDecimal, score_rule(st.scoring, lang)},
                                 {text(lang, Msg::kXlsxStrengths), 45, Kind::kWrappedText, {}},
                                 {text(lang, Msg::kXlsxImprovements), 45, Kind::kWrappedText, {}},
                                 // The key a filled form is read back by: names may change, the unit's folder not.
                                 {text(lang, Msg::kXlsxUnitKey), 24, Kind::kText, {}}});
  std::vector<std::vector<Cell>> rows;
  for (const auto* s : edition.submissions)  // by unit name, then the structure's order
    for (const auto& area : st.areas)
      for (const auto& q : area.questions) {
        std::vector<Cell> row = {Cell::of(s->unit.name), Cell::of(area.title), Cell::of(static_cast<double>(q.number)), Cell::of(q.title)};
        if (criteria) row.push_back(q.criteria.empty() ? Cell::empty() : Cell::of(q.criteria));
        row.insert(row.end(), {page_cell(*s, q.number, base_url), Cell::empty(), Cell::empty(), Cell::empty(), Cell::of(s->unit.slug)});
        rows.push_back(std::move(row));
      }
  const std::string title = st.name + " " + std::to_string(edition.year);
  xlsx::Workbook book(target, lang, start_of_year(edition.year), text(lang, Msg::kXlsxReviewTitle, {title}));
  book.add_sheet(text(lang, Msg::kXlsxSheetReview), columns, rows);
  book.close();
}

}  // namespace kv
