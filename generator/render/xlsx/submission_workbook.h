// The Excel workbook of one submission's tables, one sheet per kind, one row per figure,
// numbers stored as numbers: economy, survey and index figures (award); indicators,
// sub-units, activities, unit goals and complaints (report).
#pragma once
#include <filesystem>
#include <string>

#include "model/site.h"
#include "render/xlsx/workbook.h"

namespace kv {

// True when the submission has any table to export.
bool has_tables(const model::Submission& s);

// Writes the workbook; warnings go to target.diagnostics; throws xlsx::Failed on failure.
void write_submission_workbook(const model::Submission& s, Lang lang, const xlsx::Target& target);

}  // namespace kv
