// The cross-cutting indicator workbooks: all units' indicators of one year (one row per
// unit × indicator), and one indicator across units and years (its trend). Indicators are
// the same indicator when their names give the same slug.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "model/site.h"
#include "model/site_index.h"
#include "render/xlsx/workbook.h"

namespace kv {

using model::indicator_slug;
// Their paths: year_workbook_path and trend_workbook_path (render/html/urls.h).

// Both give warnings to target.diagnostics and throw xlsx::Failed on failure.
void write_year_workbook(const model::Site& site, int year, const xlsx::Target& target);
// The series comes from model::SiteIndex, which has already gathered every use of it.
void write_trend_workbook(const model::IndicatorSeries& series, Lang lang, const xlsx::Target& target);

}  // namespace kv
