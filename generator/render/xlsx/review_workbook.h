// The reviewers' form for one edition (all units' documents of one kind and year): one row
// per unit × question with its area, number, title and page, and empty columns for the
// score, strengths and areas for improvement that reviewers fill in for their feedback.
// One sheet per reviewer when site.yaml lists them (bedömare:), else one sheet; and beside
// it each reviewer's own form, with only their sheet (render/html/urls.h,
// reviewer_form_path). Its columns are model/review_form.h's, which `kvalitet bedomning`
// reads back alike from either.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "model/site.h"
#include "model/site_index.h"
#include "render/xlsx/workbook.h"

namespace kv {

// The score column's rule: the structure's labelled steps as a drop-down, or any whole
// number of its scale; with the scale as help. No rule without a scoring model. (Also the
// consensus form's agreed score.)
std::optional<xlsx::Validation> score_rule(const model::ScoringSpec& scoring, Lang lang);
// The answer's page: an address on the published site when it has one, else a file link
// relative to the workbook (jamforelse/<år>/<slag>/), which works from a copy on disk.
xlsx::Cell answer_page_cell(const model::Submission& s, int number, const std::string& base_url);

// Links go to the published site when site.base_url is set, else to files relative to the
// workbook. Warnings go to target.diagnostics; throws xlsx::Failed on failure.
// reviewer: only that reviewer's sheet (one of site.reviewers); nullptr: the whole form.
void write_review_workbook(const model::Edition& edition, const model::Site& site, const xlsx::Target& target,
                           const std::string* reviewer = nullptr);

}  // namespace kv
