// The reviewers' form for one edition (all units' documents of one kind and year): one row
// per unit × question with its area, number, title and page, and empty columns for the
// score, strengths and areas for improvement that reviewers fill in for their feedback.
// One sheet per reviewer when site.yaml lists them (bedömare:), else one sheet. Its columns
// are model/review_form.h's, which `kvalitet bedomning` reads back.
#pragma once
#include <filesystem>
#include <string>

#include "model/site.h"
#include "model/site_index.h"
#include "render/xlsx/workbook.h"

namespace kv {

// Links go to the published site when site.base_url is set, else to files relative to the
// workbook. Warnings go to target.diagnostics; throws xlsx::Failed on failure.
void write_review_workbook(const model::Edition& edition, const model::Site& site, const xlsx::Target& target);

}  // namespace kv
