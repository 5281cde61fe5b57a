#include "model/review_form.h"

#include "i18n/messages.h"
#include "util/text.h"

namespace kv::model {
namespace {

Msg header_message(ReviewColumn c) {
  switch (c) {
    case ReviewColumn::kUnit: return Msg::kUiUnit;
    case ReviewColumn::kArea: return Msg::kXlsxArea;
    case ReviewColumn::kNumber: return Msg::kXlsxNumber;
    case ReviewColumn::kTitle: return Msg::kXlsxTitle;
    case ReviewColumn::kCriteria: return Msg::kXlsxCriteria;
    case ReviewColumn::kPage: return Msg::kXlsxPage;
    case ReviewColumn::kScore: return Msg::kXlsxScore;
    case ReviewColumn::kStrengths: return Msg::kXlsxStrengths;
    case ReviewColumn::kImprovements: return Msg::kXlsxImprovements;
    case ReviewColumn::kUnitKey: return Msg::kXlsxUnitKey;
  }
  return Msg::kXlsxTitle;
}

}  // namespace

std::vector<ReviewColumn> review_columns(bool with_criteria) {
  using C = ReviewColumn;
  std::vector<C> columns = {C::kUnit, C::kArea, C::kNumber, C::kTitle};
  if (with_criteria) columns.push_back(C::kCriteria);
  columns.insert(columns.end(), {C::kPage, C::kScore, C::kStrengths, C::kImprovements, C::kUnitKey});
  return columns;
}

std::string review_header(ReviewColumn column, Lang lang) { return text(lang, header_message(column)); }

const std::vector<ReviewColumn>& review_key_columns() {
  static const std::vector<ReviewColumn> keys = {ReviewColumn::kUnitKey, ReviewColumn::kNumber, ReviewColumn::kScore,
                                                 ReviewColumn::kStrengths, ReviewColumn::kImprovements};
  return keys;
}

std::optional<ReviewColumn> review_column_named(const std::string& header) {
  const std::string wanted = fold_case(trim(header));
  for (ReviewColumn c : review_columns(true))
    for (Lang lang : {Lang::kSv, Lang::kEn})
      if (fold_case(review_header(c, lang)) == wanted) return c;
  return std::nullopt;
}

std::string review_default_sheet(Lang lang) { return text(lang, Msg::kXlsxSheetReview); }

std::vector<std::string> review_points(const std::string& text) {
  std::vector<std::string> points;
  for (auto line : split_lines(text)) {
    line = trim(line);
    while (!line.empty() && (line.front() == '-' || line.front() == '*')) line = trim(line.substr(1));
    if (starts_with(line, "\xE2\x80\xA2")) line = trim(line.substr(3));  // •
    if (!line.empty()) points.emplace_back(line);
  }
  return points;
}

std::string reviewer_slug(const std::string& name) {
  std::string slug = ascii_slug(name, "bedomare");
  if (slug.size() > 60) {  // a file name of manageable length, cut at a word where there is one
    const size_t cut = slug.rfind('-', 60);
    slug = slug.substr(0, cut == std::string::npos || cut == 0 ? 60 : cut);
  }
  return slug;
}

namespace {

Msg consensus_message(ConsensusColumn c) {
  using C = ConsensusColumn;
  switch (c) {
    case C::kUnit: return Msg::kUiUnit;
    case C::kArea: return Msg::kXlsxArea;
    case C::kNumber: return Msg::kXlsxNumber;
    case C::kTitle: return Msg::kXlsxTitle;
    case C::kPage: return Msg::kXlsxPage;
    case C::kReviewerScores: return Msg::kXlsxReviewerScore;
    case C::kMean: return Msg::kUiReviewMean;
    case C::kSpread: return Msg::kUiReviewSpread;
    case C::kReviewerStrengths: return Msg::kXlsxReviewerStrengths;
    case C::kReviewerImprovements: return Msg::kXlsxReviewerImprovements;
    case C::kAgreedScore: return Msg::kXlsxAgreedScore;
    case C::kAgreedStrengths: return Msg::kXlsxAgreedStrengths;
    case C::kAgreedImprovements: return Msg::kXlsxAgreedImprovements;
    case C::kUnitKey: return Msg::kXlsxUnitKey;
  }
  return Msg::kXlsxTitle;
}

}  // namespace

std::vector<ConsensusColumn> consensus_columns() {
  using C = ConsensusColumn;
  return {C::kUnit, C::kArea, C::kNumber, C::kTitle, C::kPage, C::kReviewerScores, C::kMean, C::kSpread,
          C::kReviewerStrengths, C::kReviewerImprovements, C::kAgreedScore, C::kAgreedStrengths, C::kAgreedImprovements,
          C::kUnitKey};
}

std::string consensus_header(ConsensusColumn column, Lang lang) {
  return column == ConsensusColumn::kReviewerScores ? std::string() : text(lang, consensus_message(column));
}

std::string reviewer_score_header(const std::string& reviewer, Lang lang) { return text(lang, Msg::kXlsxReviewerScore, {reviewer}); }

const std::vector<ConsensusColumn>& consensus_key_columns() {
  static const std::vector<ConsensusColumn> keys = {ConsensusColumn::kUnitKey, ConsensusColumn::kNumber, ConsensusColumn::kAgreedScore,
                                                    ConsensusColumn::kAgreedStrengths, ConsensusColumn::kAgreedImprovements};
  return keys;
}

std::optional<ConsensusColumn> consensus_column_named(const std::string& header) {
  const std::string wanted = fold_case(trim(header));
  for (ConsensusColumn c : consensus_columns())
    for (Lang lang : {Lang::kSv, Lang::kEn})
      if (c != ConsensusColumn::kReviewerScores && fold_case(consensus_header(c, lang)) == wanted) return c;
  return std::nullopt;
}

std::string consensus_sheet(Lang lang) { return text(lang, Msg::kXlsxSheetConsensus); }

}  // namespace kv::model
