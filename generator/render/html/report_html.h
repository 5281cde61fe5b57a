// HTML for the data blocks of an annual activity report: the goal hierarchy, indicator
// tables with their charts, activities, principles, Agenda 2030 and complaints. Called by
// the block writer; every author text is escaped or goes through the safe Markdown renderer.
#pragma once
#include <ostream>
#include <vector>

#include "model/blocks.h"
#include "render/html/blocks_html.h"
#include "render/svg/bar_chart.h"

namespace kv {

// Numbers chart ids within one page.
struct ChartCounter {
  int next = 0;
};

void write_report_block(std::ostream& out, const BlockHtmlContext& ctx, ChartCounter& charts, const model::KfGoal& g);
void write_report_block(std::ostream& out, const BlockHtmlContext& ctx, ChartCounter& charts, const model::Indicator& i);
void write_report_block(std::ostream& out, const BlockHtmlContext& ctx, ChartCounter& charts, const model::BoardGoal& g);
void write_report_block(std::ostream& out, const BlockHtmlContext& ctx, ChartCounter& charts, const model::UnitGoal& g);
void write_report_block(std::ostream& out, const BlockHtmlContext& ctx, ChartCounter& charts, const model::Principles& p);
void write_report_block(std::ostream& out, const BlockHtmlContext& ctx, ChartCounter& charts, const model::Agenda2030& a);
void write_report_block(std::ostream& out, const BlockHtmlContext& ctx, ChartCounter& charts, const model::Complaints& c);
// A chart in its frame, with an id unique within the page (ctx.id_prefix + counter).
void write_chart(std::ostream& out, const BlockHtmlContext& ctx, ChartCounter& charts, svg::BarChart c);

// Consecutive activities form one table.
void write_activities(std::ostream& out, const BlockHtmlContext& ctx, const std::vector<const model::Activity*>& list);

// The charts of an indicator (outcome vs previous year and targets; women vs men when
// given; per sub-unit when given), exposed for tests.
std::vector<svg::BarChart> indicator_charts(const model::Indicator& indicator, Lang lang);

}  // namespace kv
