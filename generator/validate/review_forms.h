// Reading back the reviewers' filled forms (`kvalitet bedomning`): every .xlsx under
// content/_bedomning/<år>/<slag>/ is one or more reviewers' scores for that edition. Each
// sheet with the form's columns (model/review_form.h) is one reviewer: named by the sheet
// when site.yaml lists reviewers (bedömare:), by the file otherwise. Problems are reported
// with file, sheet and cell (line = row, column = column), all in one run.
#pragma once
#include <filesystem>
#include <vector>

#include "diag/diagnostics.h"
#include "model/site.h"

namespace kv {

// Reads the forms into site.reviews (by kind, then year). A missing folder or one without
// any form is an error: the command was asked to read them.
void read_review_forms(const std::filesystem::path& content_root, model::Site& site, Diagnostics& diagnostics);

}  // namespace kv
