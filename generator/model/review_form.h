// The review form's columns (bedomning.xlsx) and the consensus form's (konsensus.xlsx), one
// schema for the writers (render/xlsx/review_workbook.cc, consensus_workbook.cc) and the
// reader of filled forms (validate/review_forms.cc): what each column holds and its header.
// Columns are found by header when read back, so a reviewer may hide or move columns; the
// key columns (unit id, number) are what rows are matched by — names and titles may change,
// folders and numbers do not.
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

// A reviewer's text (strengths, improvements) as its points: one per line, trimmed, list
// markers ("-", "*", "•") dropped, empty lines left out.
std::vector<std::string> review_points(const std::string& text);

// A reviewer's own form is named after them (render/html/urls.h, reviewer_form_path): the
// name folded to a–z, 0–9 and '-' (util/text.h, ascii_slug: "Åsa Öberg" → "asa-oberg"), at
// most 60 characters. Two reviewers with one slug are an error in site.yaml.
std::string reviewer_slug(const std::string& name);

// The consensus form: per unit × question the reviewers' scores (one column each), their
// mean and spread, their texts merged, and empty columns for what the panel agrees.
enum class ConsensusColumn {
  kUnit, kArea, kNumber, kTitle, kPage,
  kReviewerScores,  // one column per reviewer, headed reviewer_score_header()
  kMean, kSpread, kReviewerStrengths, kReviewerImprovements,
  kAgreedScore, kAgreedStrengths, kAgreedImprovements, kUnitKey
};
std::vector<ConsensusColumn> consensus_columns();
std::string consensus_header(ConsensusColumn column, Lang lang);  // kReviewerScores: ""
std::string reviewer_score_header(const std::string& reviewer, Lang lang);  // "Poäng: Anna"
// The columns a filled consensus form must have to be read back.
const std::vector<ConsensusColumn>& consensus_key_columns();
// The column a header names, in either language; never kReviewerScores.
std::optional<ConsensusColumn> consensus_column_named(const std::string& header);
std::string consensus_sheet(Lang lang);

}  // namespace kv::model
