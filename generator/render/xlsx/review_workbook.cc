#include "render/xlsx/review_workbook.h"

#include "i18n/messages.h"
#include "i18n/numbers.h"
#include "model/review_form.h"
#include "render/html/urls.h"
#include "render/xlsx/workbook.h"
#include "util/text.h"
#include "util/time.h"

namespace kv {

using xlsx::Cell;
using Kind = xlsx::Column::Kind;

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

Cell answer_page_cell(const model::Submission& s, int number, const std::string& base_url) {
  std::string page = question_path(s, number);
  const std::string folder = page.substr(0, page.size() - std::string("index.html").size());
  if (!base_url.empty()) return Cell::link(base_url + folder);
  return Cell::file_link("../../../" + page, folder);
}

namespace {

xlsx::Column column_of(model::ReviewColumn c, const model::ScoringSpec& scoring, Lang lang) {
  using C = model::ReviewColumn;
  const std::string header = model::review_header(c, lang);
  switch (c) {
    case C::kUnit: return {header, 30, Kind::kWrappedText, {}};
    case C::kArea: return {header, 28, Kind::kWrappedText, {}};
    case C::kNumber: return {header, 6, Kind::kInteger, {}};
    case C::kTitle: return {header, 40, Kind::kWrappedText, {}};
    case C::kCriteria: return {header, 50, Kind::kWrappedText, {}};
    case C::kPage: return {header, 40, Kind::kText, {}};
    case C::kScore: return {header, 10, Kind::kDecimal, score_rule(scoring, lang)};
    case C::kStrengths: return {header, 45, Kind::kWrappedText, {}};
    case C::kImprovements: return {header, 45, Kind::kWrappedText, {}};
    case C::kUnitKey: return {header, 24, Kind::kText, {}};
  }
  return {header, 20, Kind::kText, {}};
}

Cell cell_of(model::ReviewColumn c, const model::Submission& s, const model::AreaSpec& area, const model::QuestionSpec& q,
             const std::string& base_url) {
  using C = model::ReviewColumn;
  switch (c) {
    case C::kUnit: return Cell::of(s.unit.name);
    case C::kArea: return Cell::of(area.title);
    case C::kNumber: return parse_integer(q.label) ? Cell::of(static_cast<double>(*parse_integer(q.label))) : Cell::of(q.label);
    case C::kTitle: return Cell::of(q.title);
    case C::kCriteria: return q.criteria.empty() ? Cell::empty() : Cell::of(q.criteria);
    case C::kPage: return answer_page_cell(s, q.number, base_url);
    case C::kUnitKey: return Cell::of(s.unit.slug);  // names may change, the unit's folder not
    case C::kScore:
    case C::kStrengths:
    case C::kImprovements: return Cell::empty();  // the reviewer's
  }
  return Cell::empty();
}

}  // namespace

void write_review_workbook(const model::Edition& edition, const model::Site& site, const xlsx::Target& target,
                           const std::string* reviewer) {
  const model::Structure& st = *edition.structure;
  const Lang lang = site.lang;
  bool criteria = false;
  for (const auto* q : st.questions()) criteria = criteria || !q->criteria.empty();
  const std::vector<model::ReviewColumn> schema = model::review_columns(criteria);
  std::vector<xlsx::Column> columns;
  for (auto c : schema) columns.push_back(column_of(c, st.scoring, lang));
  std::vector<std::vector<Cell>> rows;
  for (const auto* s : edition.submissions)  // by unit name, then the structure's order
    for (const auto& area : st.areas)
      for (const auto& q : area.questions) {
        std::vector<Cell> row;
        for (auto c : schema) row.push_back(cell_of(c, *s, area, q, site.base_url));
        rows.push_back(std::move(row));
      }
  const std::string title = st.name + " " + std::to_string(edition.year);
  xlsx::Workbook book(target, lang, start_of_year(edition.year), text(lang, Msg::kXlsxReviewTitle, {title}));
  if (reviewer) book.add_sheet(*reviewer, columns, rows);
  else if (site.reviewers.empty()) book.add_sheet(model::review_default_sheet(lang), columns, rows);
  else
    for (const auto& name : site.reviewers) book.add_sheet(name, columns, rows);
  book.close();
}

}  // namespace kv
