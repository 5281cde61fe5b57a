#include "render/xlsx/consensus_workbook.h"

#include "i18n/messages.h"
#include "model/review_form.h"
#include "model/review_scores.h"
#include "render/xlsx/review_workbook.h"
#include "util/text.h"
#include "util/time.h"

namespace kv {
namespace {

using xlsx::Cell;
using Kind = xlsx::Column::Kind;
using C = model::ConsensusColumn;

xlsx::Column column_of(C c, const model::ScoringSpec& scoring, Lang lang) {
  const std::string header = model::consensus_header(c, lang);
  switch (c) {
    case C::kUnit: return {header, 30, Kind::kWrappedText, {}};
    case C::kArea: return {header, 24, Kind::kWrappedText, {}};
    case C::kNumber: return {header, 6, Kind::kInteger, {}};
    case C::kTitle: return {header, 36, Kind::kWrappedText, {}};
    case C::kPage: return {header, 30, Kind::kText, {}};
    case C::kReviewerScores: return {header, 12, Kind::kDecimal, {}};
    case C::kMean: return {header, 9, Kind::kDecimal, {}};
    case C::kSpread: return {header, 10, Kind::kDecimal, {}};
    case C::kReviewerStrengths: return {header, 45, Kind::kWrappedText, {}};
    case C::kReviewerImprovements: return {header, 45, Kind::kWrappedText, {}};
    case C::kAgreedScore: return {header, 12, Kind::kDecimal, score_rule(scoring, lang)};
    case C::kAgreedStrengths: return {header, 45, Kind::kWrappedText, {}};
    case C::kAgreedImprovements: return {header, 45, Kind::kWrappedText, {}};
    case C::kUnitKey: return {header, 24, Kind::kText, {}};
  }
  return {header, 20, Kind::kText, {}};
}

Cell text_cell(const std::string& text) { return text.empty() ? Cell::empty() : Cell::of(text); }

// One column per reviewer's score, headed by their name, where the form has kReviewerScores.
std::vector<xlsx::Column> columns_of(const std::vector<std::string>& reviewers, const model::ScoringSpec& scoring, Lang lang) {
  std::vector<xlsx::Column> columns;
  for (C c : model::consensus_columns()) {
    if (c != C::kReviewerScores) {
      columns.push_back(column_of(c, scoring, lang));
      continue;
    }
    for (const auto& reviewer : reviewers) {
      columns.push_back(column_of(c, scoring, lang));
      columns.back().header = model::reviewer_score_header(reviewer, lang);
    }
  }
  return columns;
}

// The reviewers' scores of one answer, one cell each in the reviewers' order (empty where a
// reviewer gave none).
void push_reviewer_scores(const model::QuestionResult& q, const std::vector<std::string>& reviewers, std::vector<Cell>& row) {
  for (const auto& reviewer : reviewers) {
    std::optional<double> score;
    for (const auto* e : q.entries)
      if (e->reviewer == reviewer) score = e->score;
    row.push_back(Cell::of(score));
  }
}

// One cell of a row other than the reviewers' scores. The agreed columns carry what a
// konsensus.xlsx read back agreed already, so the work goes on where it stopped.
Cell cell_of(C c, const model::Submission& s, const model::AreaResult& area, const model::QuestionResult& q,
             const std::string& base_url) {
  const model::QuestionSpec& spec = *q.spec;
  switch (c) {
    case C::kUnit: return Cell::of(s.unit.name);
    case C::kArea: return Cell::of(area.spec->title);
    case C::kNumber: return parse_integer(spec.label) ? Cell::of(static_cast<double>(*parse_integer(spec.label))) : Cell::of(spec.label);
    case C::kTitle: return Cell::of(spec.title);
    case C::kPage: return answer_page_cell(s, spec.number, base_url);
    case C::kMean: return Cell::of(q.mean);
    case C::kSpread: return q.entries.empty() ? Cell::empty() : Cell::of(q.spread);
    case C::kReviewerStrengths: return text_cell(points_by_reviewer(q.entries, &model::ReviewEntry::strengths));
    case C::kReviewerImprovements: return text_cell(points_by_reviewer(q.entries, &model::ReviewEntry::improvements));
    case C::kAgreedScore: return q.agreed ? Cell::of(q.agreed->score) : Cell::empty();
    case C::kAgreedStrengths: return q.agreed ? text_cell(q.agreed->strengths) : Cell::empty();
    case C::kAgreedImprovements: return q.agreed ? text_cell(q.agreed->improvements) : Cell::empty();
    case C::kUnitKey: return Cell::of(s.unit.slug);  // names may change, the unit's folder not
    case C::kReviewerScores: break;
  }
  return Cell::empty();
}

}  // namespace

std::string points_by_reviewer(const std::vector<const model::ReviewEntry*>& entries, std::string model::ReviewEntry::*field) {
  std::vector<std::string> lines;
  for (const auto* e : entries)
    for (const auto& point : model::review_points(e->*field)) lines.push_back(e->reviewer + ": " + point);
  return join(lines, "\n");
}

void write_consensus_workbook(const model::Edition& edition, const model::ReviewedEdition& review, const model::Site& site,
                              const xlsx::Target& target) {
  const model::Structure& st = *edition.structure;
  const Lang lang = site.lang;
  std::vector<std::vector<Cell>> rows;
  for (const auto* s : edition.submissions) {  // by unit name, then the structure's order
    const model::UnitResult result = model::unit_result(st, review, s->unit.slug);
    for (const auto& area : result.areas)
      for (const auto& q : area.questions) {
        std::vector<Cell>& row = rows.emplace_back();
        for (C c : model::consensus_columns())
          if (c == C::kReviewerScores) push_reviewer_scores(q, review.reviewers, row);
          else row.push_back(cell_of(c, *s, area, q, site.base_url));
      }
  }
  const std::string title = st.name + " " + std::to_string(edition.year);
  xlsx::Workbook book(target, lang, start_of_year(edition.year), text(lang, Msg::kXlsxConsensusTitle, {title}));
  book.add_sheet(model::consensus_sheet(lang), columns_of(review.reviewers, st.scoring, lang), rows);
  book.close();
}

}  // namespace kv
