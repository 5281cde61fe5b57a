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

}  // namespace kv::model
