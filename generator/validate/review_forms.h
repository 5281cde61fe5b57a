// Reading back the reviewers' filled forms (`kvalitet bedomning`): every .xlsx under
// content/_bedomning/<år>/<slag>/ is one or more reviewers' scores for that edition, however
// the forms went out — the whole workbook to everyone, each filling their own sheet, or each
// reviewer's own file. Each sheet with the form's columns (model/review_form.h) is one
// reviewer: named by the sheet when site.yaml lists reviewers (bedömare:), by the file
// otherwise. A sheet with no score and no text is nobody's answer (one warning per file
// naming such sheets); the same reviewer filled in two places is an error naming both,
// unless the answers are the same (a warning). konsensus.xlsx there (kConsensusFile) is the
// consensus form, never a reviewer's: what the reviewers agreed per unit and question.
// Every cell of every file is checked and each problem reported with file, sheet and cell
// (line = row, column = column), all in one run.
#pragma once
#include <filesystem>
#include <vector>

#include "diag/diagnostics.h"
#include "model/site.h"

namespace kv {

// Reads the forms into site.reviews (by kind, then year). No folder: nothing to read (the
// reviewers' site is built without scores); a folder without any filled form is an error.
void read_review_forms(const std::filesystem::path& content_root, model::Site& site, Diagnostics& diagnostics);

}  // namespace kv
