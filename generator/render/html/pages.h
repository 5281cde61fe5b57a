// Page views: one function per page kind; each returns the page's site-relative file path
// and its full HTML. Addresses are in render/html/urls.h.
#pragma once
#include "render/html/page_frame.h"

namespace kv {

// Browsing: the start page (by year and by unit) and one page per unit.
Page render_start_page(const SiteContext& ctx);
Page render_unit_page(const SiteContext& ctx, const model::UnitDocuments& unit);

// A document: its overview and one page per question or section.
Page render_overview_page(const SiteContext& ctx, const model::Submission& s);
Page render_question_page(const SiteContext& ctx, const model::Submission& s, int number);

// Comparison: per edition (kind × year) an index, and per question every unit's answer.
Page render_compare_index(const SiteContext& ctx, const model::Edition& edition);
// page: 1 … compare_page_count(edition.submissions.size()).
Page render_compare_page(const SiteContext& ctx, const model::Edition& edition, int number, int page);

// Indicators across units and years.
Page render_indicator_index(const SiteContext& ctx);
Page render_indicator_page(const SiteContext& ctx, const model::IndicatorSeries& series);

// The reviewers' pages of an edition (only from `kvalitet bedomning`): the result list, the
// calibration page, and the feedback report of one of its units.
Page render_review_results(const SiteContext& ctx, const model::Edition& edition, const model::ReviewedEdition& reviewed);
Page render_calibration(const SiteContext& ctx, const model::Edition& edition, const model::ReviewedEdition& reviewed);
Page render_feedback(const SiteContext& ctx, const model::Edition& edition, const model::ReviewedEdition& reviewed,
                     const model::Submission& unit);

Page render_statement_page(const SiteContext& ctx);  // tillgänglighetsredogörelse
Page render_search_page(const SiteContext& ctx);

}  // namespace kv
