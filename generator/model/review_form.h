// The review form's columns (bedomning.xlsx), one schema for the writer
// (render/xlsx/review_workbook.cc) and the reader of filled forms (validate/review_forms.cc):
// what each column holds and its header. Columns are found by header when read back, so a
// reviewer may hide or move columns; the key columns (unit id, number) are what rows are
// matched by — names and titles may change, folders and numbers do not.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "i18n/lang.h"

namespace kv::model {

enum class ReviewColumn { kUnit, kArea, kNumber, kTitle, kCriteria, kPage, kScore, kStrengths, kImprovements, kUnitKey };

// The columns in the order they are written; criteria only when a question has kriterier:.
std::vector<ReviewColumn> review_columns(bool with_criteria);
std::string review_header(ReviewColumn column, Lang lang);
// The columns a filled form must have to be read back.
const std::vector<ReviewColumn>& review_key_columns();
// The column a header names, in either language (a form written in English may be read by
// a Swedish site); case and surrounding spaces do not matter.
std::optional<ReviewColumn> review_column_named(const std::string& header);

// The sheet of a form made without a list of reviewers; its reviewer is named by the file.
std::string review_default_sheet(Lang lang);

}  // namespace kv::model
