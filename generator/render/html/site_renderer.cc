#include "render/html/site_renderer.h"

#include <cerrno>
#include <algorithm>
#include <deque>
#include <functional>

#include "model/site_index.h"
#include "render/html/changes_page.h"
#include "render/html/pages.h"
#include "render/html/searchable_pages.h"
#include "render/html/urls.h"
#include "render/print/print_page.h"
#include "render/search/search_documents.h"
#include "render/search/search_index.h"
#include "render/theme.h"
#include "render/xlsx/consensus_workbook.h"
#include "render/xlsx/indicator_workbooks.h"
#include "render/xlsx/library_messages.h"
#include "render/xlsx/review_workbook.h"
#include "render/xlsx/submission_workbook.h"
#include "render/html/decision_page.h"
#include "render/print/decision_print.h"
#include "util/parallel.h"
#include "write/output_dir.h"

namespace kv {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kLayouts = {"base",          "start",   "unit",       "overview",  "question",
                                           "compare_index", "compare", "indicators", "indicator", "statement",
                                           "search",        "print",   "review_results", "review_calibration",
                                           "feedback",       "changes", "decision", "decision_print"};

// Images the authors referenced, in bild blocks and in prose, copied under media/ at their
// content-relative path.
void copy_media(const std::vector<model::Block>& blocks, const RenderInputs& inputs, const OutputTree& out) {
  auto copy = [&](const std::string& file) {
    if (!file.empty()) out.copy(inputs.content_root / file, media_path(file));
  };
  model::for_each_block(blocks, [&](const model::Block& block) {
    if (const auto* f = std::get_if<model::Figure>(&block.value)) copy(f->file);
    if (const auto* p = std::get_if<model::Prose>(&block.value))
      for (const auto& file : p->images) copy(file);
  });
}

// The work of a build: pages (rendered, then written) and other files (written directly).
struct Jobs {
  std::vector<std::function<Page()>> pages;
  std::vector<std::function<void()>> files;
  // One report per workbook for its warnings (a cut text, …), merged in this order after
  // the parallel loop, so the output does not depend on scheduling.
  Lang lang = Lang::kSv;
  std::deque<Diagnostics> workbook_reports;

  void file(const fs::path& out, std::string path, std::function<void(const fs::path&)> write) {
    files.push_back([file = out / path, write = std::move(write)] {
      std::error_code ec;
      fs::create_directories(file.parent_path(), ec);
      if (ec) report_write_failure(file.parent_path(), ec.value());
      errno = 0;
      try {
        write(file);
      } catch (const WriteError&) {
        throw;
      } catch (const std::exception&) {
        // A library writer (libxlsxwriter) says only that it failed; the errno its failed
        // call left in this thread says why, and a full disk must be reported as such.
        if (errno == ENOSPC || errno == EDQUOT) report_write_failure(file, errno);
        throw;
      }
    });
  }

  // A workbook is named in messages by its path in the site.
  void workbook(const fs::path& out, const std::string& path, std::function<void(const xlsx::Target&)> write) {
    Diagnostics& diagnostics = workbook_reports.emplace_back(Diagnostics{lang, {}, {}, false});
    file(out, path, [path, &diagnostics, write = std::move(write)](const fs::path& f) { write({f, path, diagnostics}); });
  }
};

// A frozen year's documents are not rendered: the site takes their files from the year's
// package (package/frozen_years.h), so no change to kvalitet can alter them.
void document_jobs(const SiteContext& ctx, const fs::path& out, Jobs& jobs) {
  for (const auto& s : ctx.site.submissions) {
    if (ctx.site.frozen(s.year)) continue;
    jobs.pages.push_back([&] { return render_overview_page(ctx, s); });
    jobs.pages.push_back([&] { return render_print_page(ctx.site, s, ctx.layouts); });
    for (const auto& [number, answer] : s.answers) {
      jobs.pages.push_back([&, n = number] { return render_question_page(ctx, s, n); });
      if (auto earlier = earlier_answer(ctx.index, s, number))
        jobs.pages.push_back([&, n = number, e = *earlier] { return render_changes_page(ctx, s, n, e); });
    }
    if (has_tables(s))
      jobs.workbook(out, tables_workbook_path(s), [&](const xlsx::Target& t) { write_submission_workbook(s, ctx.site.lang, t); });
  }
}

// The search index is made in pieces, one per document, beside the pages; the pieces are
// merged into shards after them. Pages are numbered year by year, oldest first.
struct SearchPlan {
  std::vector<const model::Submission*> documents;
  std::vector<uint32_t> first_doc;  // per document
  std::vector<YearStart> years;
  std::vector<SearchDocument> filters;  // per document
  uint32_t doc_count = 0;
  std::vector<PartialIndex> parts;  // per document, filled by the jobs

  explicit SearchPlan(const model::Site& site) {
    for (const auto& s : site.submissions) documents.push_back(&s);
    std::stable_sort(documents.begin(), documents.end(), [](auto* a, auto* b) { return a->year < b->year; });
    for (const auto* s : documents) {
      if (years.empty() || years.back().year != s->year) years.push_back({s->year, doc_count});
      first_doc.push_back(doc_count);
      filters.push_back({doc_count, s->unit.slug, s->kind_slug, search_threads(*s)});
      doc_count += static_cast<uint32_t>(searchable_page_count(*s));
    }
    parts.resize(documents.size());
  }
};

void search_jobs(const SiteContext& ctx, const OutputTree& out, SearchPlan& plan, Jobs& jobs) {
  for (size_t i = 0; i < plan.documents.size(); ++i)
    jobs.files.push_back([&, i] {
      auto docs = searchable_pages(ctx, *plan.documents[i]);
      write_search_fragments(docs, plan.first_doc[i], out);
      plan.parts[i] = index_docs(docs, plan.first_doc[i]);
    });
}

// The reviewers' pages and consensus form of each edition whose forms were read (only by
// `kvalitet bedomning`).
void review_jobs(const SiteContext& ctx, const fs::path& out, Jobs& jobs) {
  if (!model::visibility(ctx.site.audience).review_forms) return;
  for (const auto& r : ctx.site.reviews)
    for (const auto& e : ctx.index.editions()) {
      if (e.kind_slug != r.kind_slug || e.year != r.year) continue;
      jobs.workbook(out, consensus_workbook_path(e.kind_slug, e.year),
                    [&](const xlsx::Target& t) { write_consensus_workbook(e, r, ctx.site, t); });
      jobs.pages.push_back([&] { return render_review_results(ctx, e, r); });
      jobs.pages.push_back([&] { return render_calibration(ctx, e, r); });
      for (const auto* s : e.submissions) jobs.pages.push_back([&, s] { return render_feedback(ctx, e, r, *s); });
    }
}

// The jury's decisions: public, beside the comparisons (not on one unit's own site).
void decision_jobs(const SiteContext& ctx, Jobs& jobs) {
  for (const auto& d : ctx.site.decisions) {
    jobs.pages.push_back([&] { return render_decision_page(ctx, d); });
    jobs.pages.push_back([&] { return render_decision_print_page(ctx, d); });
  }
}

void cross_cutting_jobs(const SiteContext& ctx, const fs::path& out, Jobs& jobs) {
  const model::Site& site = ctx.site;
  jobs.pages.push_back([&] { return render_start_page(ctx); });
  jobs.pages.push_back([&] { return render_statement_page(ctx); });
  for (const auto& unit : ctx.index.units()) jobs.pages.push_back([&] { return render_unit_page(ctx, unit); });
  if (!model::visibility(site.audience).site_wide) return;  // one unit's own pages (build --enhet)
  jobs.pages.push_back([&] { return render_search_page(ctx); });
  for (const auto& e : ctx.index.editions()) {
    if (site.frozen(e.year)) continue;  // jamforelse/<år>/ comes from the package
    jobs.pages.push_back([&] { return render_compare_index(ctx, e); });
    for (const auto* q : e.structure->questions())
      for (int page = 1; page <= compare_page_count(e.submissions.size()); ++page)
        jobs.pages.push_back([&, n = q->number, page] { return render_compare_page(ctx, e, n, page); });
    // Forms for the editions that are scored (bedömning: in the structure), on the reviewers' site.
    if (!model::visibility(site.audience).review_forms || !e.structure->scoring.defined) continue;
    jobs.workbook(out, review_workbook_path(e.kind_slug, e.year),
                  [&](const xlsx::Target& t) { write_review_workbook(e, site, t); });
    for (const auto& reviewer : site.reviewers)  // as coordinators send them: one each
      jobs.workbook(out, reviewer_form_path(e.kind_slug, e.year, reviewer),
                    [&](const xlsx::Target& t) { write_review_workbook(e, site, t, &reviewer); });
  }
  review_jobs(ctx, out, jobs);
  decision_jobs(ctx, jobs);
  if (!ctx.index.indicators().empty()) jobs.pages.push_back([&] { return render_indicator_index(ctx); });
  for (const auto& series : ctx.index.indicators()) {
    jobs.pages.push_back([&] { return render_indicator_page(ctx, series); });
    jobs.workbook(out, trend_workbook_path(series.name),
                  [&](const xlsx::Target& t) { write_trend_workbook(series, site.lang, t); });
  }
  for (int year : ctx.index.indicator_years())
    if (!site.frozen(year)) jobs.workbook(out, year_workbook_path(year), [&, year](const xlsx::Target& t) { write_year_workbook(site, year, t); });
}

}  // namespace

std::optional<SiteCounts> render_site(const model::Site& site, const RenderInputs& inputs, const fs::path& out,
                               Diagnostics& diagnostics) {
  auto layouts = Layouts::load(theme_layout_dirs(site.theme_chain, inputs.templates / "layouts"), kLayouts, diagnostics);
  if (!layouts) return std::nullopt;
  const OutputTree tree(out, inputs.previous);
  copy_theme_assets(site.theme_chain, tree, assets_dir());
  const model::SiteIndex index(site);
  const SiteContext ctx{site, index, *layouts, inputs.with_pdf};

  Jobs jobs;
  jobs.lang = diagnostics.lang;
  SearchPlan search(site);
  const bool site_wide = model::visibility(site.audience).site_wide;
  if (site_wide) search_jobs(ctx, tree, search, jobs);
  cross_cutting_jobs(ctx, out, jobs);
  document_jobs(ctx, out, jobs);
  for (const auto& s : site.submissions) {
    if (site.frozen(s.year)) continue;
    copy_media(s.intro, inputs, tree);
    for (const auto& [number, answer] : s.answers) copy_media(answer.blocks, inputs, tree);
  }
  // The first failure (a WriteError: full disk, no permission, …) stops the loop and is
  // rethrown here; write_output_dir turns it into the build's one error.
  const xlsx::LibraryMessagesHidden quiet_libxlsxwriter;  // made and ended with no other thread running
  // Files first, the last added first: workbooks, then the search pieces, beside the pages.
  const size_t files = jobs.files.size();
  parallel_for(files + jobs.pages.size(), inputs.threads, [&](size_t i) {
    if (i < files) {
      jobs.files[files - 1 - i]();
    } else {
      Page page = jobs.pages[i - files]();
      tree.write(page.path, page.html);
    }
  });
  if (site_wide) {
    write_search_index(search.parts, search.years, search.doc_count, tree);
    write_search_documents(search.filters, tree);
  }
  for (const Diagnostics& r : jobs.workbook_reports) diagnostics.list.append(r.list);
  return SiteCounts{static_cast<int>(jobs.pages.size()), static_cast<int>(jobs.workbook_reports.size())};
}

}  // namespace kv
