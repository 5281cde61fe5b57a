// The sheets of an annual report's workbook: Indikatorer, Delenheter, Aktiviteter,
// Enhetsmål, Synpunkter och klagomål. Also the indicator columns the cross-cutting
// workbooks share.
#pragma once
#include <vector>

#include "model/site.h"
#include "render/xlsx/workbook.h"

namespace kv {

// Adds the report sheets the submission has data for; none for an award submission.
void add_report_sheets(xlsx::Workbook& book, const model::Submission& s, Lang lang);
bool has_report_tables(const model::Submission& s);

// The columns describing one indicator's figures, and one indicator's cells for them:
// Indikator, Mått, Periodens utfall, män, kvinnor, VB, Årsmål, KF:s årsmål, Period, Riktning.
std::vector<xlsx::Column> indicator_columns(Lang lang);
// with_target false: an index figure (AMI), which has only its value and year.
std::vector<xlsx::Cell> indicator_cells(const model::Indicator& i, Lang lang, bool with_target = true);

}  // namespace kv
