// The reviewers' form for one edition (all units' documents of one kind and year): one row
// per unit × question with its area, number, title and page, and empty columns for the
// score, strengths and areas for improvement that reviewers fill in for their feedback.
#pragma once
#include <filesystem>
#include <string>

#include "model/site.h"
#include "model/site_index.h"
#include "render/xlsx/workbook.h"

namespace kv {

// base_url: the published site's address ("https://…/"); empty writes site-relative paths
// as text, since a downloaded workbook cannot follow relative links. Warnings go to
// target.report; throws xlsx::Failed on failure.
void write_review_workbook(const model::Edition& edition, Lang lang, const std::string& base_url,
                           const xlsx::Target& target);

}  // namespace kv
