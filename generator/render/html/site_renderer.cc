#include "render/html/site_renderer.h"

#include <cerrno>
#include <algorithm>
#include <atomic>
#include <deque>
#include <functional>
#include <set>

#include "model/document_folder.h"
#include "model/site_index.h"
#include "render/html/changes_page.h"
#include "render/html/pages.h"
#include "render/html/searchable_pages.h"
#include "render/html/target_keys.h"
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
#include "util/limits.h"
#include "util/parallel.h"
#include "write/output_dir.h"

namespace kv {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kLayouts = {"base",          "start",   "unit",       "overview",  "question",
                                           "compare_index", "compare", "indicators", "indicator", "statement",
                                           "search",        "print",   "review_results", "review_calibration",
                                           "feedback",       "changes", "decision", "decision_print"};

// Images the authors referenced, in bild blocks and in prose, under media/ at their
// content-relative path.
std::vector<std::string> media_files(const model::Submission& s) {
  std::vector<std::string> files;
  auto collect = [&](const std::vector<model::Block>& blocks) {
    model::for_each_block(blocks, [&](const model::Block& block) {
      if (const auto* f = std::get_if<model::Figure>(&block.value); f && !f->file.empty()) files.push_back(f->file);
      if (const auto* p = std::get_if<model::Prose>(&block.value))
        for (const auto& file : p->images)
          if (!file.empty()) files.push_back(file);
    });
  };
  collect(s.intro);
  for (const auto& [number, answer] : s.answers) collect(answer.blocks);
  return files;
}

// The work of a build: pages (rendered, then written) and other files (written directly),
// each a target with its key (render/html/target_keys.h); "" for one made every time.
struct PageJob {
  std::string key;
  std::function<Page()> make;
};
struct FileJob {
  std::string key;
  std::vector<std::string> paths;  // site-relative: what make writes
  // true: logs paths under key; false: nothing to log (less made than paths, or make
  // logged what it made itself, as the search pieces and stored documents do).
  std::function<bool()> make;
  const Diagnostics* report = nullptr;  // a workbook's: logged only when it has nothing to say
};

struct Jobs {
  const TargetKeys& keys;
  std::vector<PageJob> pages{};
  std::vector<FileJob> files{};
  // One report per workbook for its warnings (a cut text, …), merged in this order after
  // the parallel loop, so the output does not depend on scheduling.
  Lang lang = Lang::kSv;
  std::deque<Diagnostics> workbook_reports{};

  void page(std::string key, std::function<Page()> make) { pages.push_back({std::move(key), std::move(make)}); }

  void file(const fs::path& out, std::string key, std::string path, std::function<void(const fs::path&)> write,
            const Diagnostics* report = nullptr) {
    files.push_back({std::move(key), {path}, [file = out / path, write = std::move(write)] {
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
      return true;
    }, report});
  }

  // A workbook is named in messages by its path in the site.
  void workbook(const fs::path& out, std::string key, const std::string& path, std::function<void(const xlsx::Target&)> write) {
    Diagnostics& diagnostics = workbook_reports.emplace_back(Diagnostics{lang, {}, {}, false});
    file(out, std::move(key), path, [path, &diagnostics, write = std::move(write)](const fs::path& f) { write({f, path, diagnostics}); },
         &diagnostics);
  }
};

// A frozen year's documents are not rendered: the site takes their files from the year's
// package (package/frozen_years.h), so no change to kvalitet can alter them.
void document_pages(const SiteContext& ctx, const model::Submission& s, Jobs& jobs) {
  const std::string doc = s.url_path(), unit = s.unit.slug;
  jobs.page(jobs.keys.unit(unit, "overview " + doc), [&] { return render_overview_page(ctx, s); });
  jobs.page(jobs.keys.unit(unit, "print " + doc), [&] { return render_print_page(ctx.site, s, ctx.layouts); });
  for (const auto& [number, answer] : s.answers) {
    const std::string n = std::to_string(number);
    jobs.page(jobs.keys.unit(unit, "question " + doc + " " + n), [&, n = number] { return render_question_page(ctx, s, n); });
    if (auto earlier = earlier_answer(ctx.index, s, number))
      jobs.page(jobs.keys.unit(unit, "changes " + doc + " " + n + " " + earlier->doc->url_path()),
                [&, n = number, e = *earlier] { return render_changes_page(ctx, s, n, e); });
  }
}

void document_jobs(const SiteContext& ctx, const fs::path& out, Jobs& jobs) {
  for (const auto& s : ctx.site.submissions) {
    if (ctx.site.frozen(s.year)) continue;
    document_pages(ctx, s, jobs);
    if (has_tables(s))
      jobs.workbook(out, jobs.keys.unit(s.unit.slug, "tables " + s.url_path()), tables_workbook_path(s),
                    [&](const xlsx::Target& t) { write_submission_workbook(s, ctx.site.lang, t); });
  }
}

// The images: copied (or linked from the previous output when the bytes are the same) every
// build, as an image may lie outside its document's unit folder.
void media_jobs(const model::Site& site, const RenderInputs& inputs, const OutputTree& out, Jobs& jobs) {
  std::set<std::string> claimed;  // an image two documents show is copied once
  for (const auto& s : site.submissions) {
    if (site.frozen(s.year)) continue;
    std::vector<std::string> files;
    for (auto& file : media_files(s))
      if (claimed.insert(file).second) files.push_back(std::move(file));
    if (files.empty()) continue;
    jobs.files.push_back({"", {}, [&inputs, &out, files = std::move(files)] {
      for (const auto& file : files) out.copy(inputs.content_root / file, media_path(file));
      return true;
    }, nullptr});
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
  std::vector<std::string> keys;    // per document

  SearchPlan(const model::Site& site, const TargetKeys& target_keys) {
    for (const auto& s : site.submissions) documents.push_back(&s);
    std::stable_sort(documents.begin(), documents.end(), [](auto* a, auto* b) { return a->year < b->year; });
    for (const auto* s : documents) {
      if (years.empty() || years.back().year != s->year) years.push_back({s->year, doc_count});
      first_doc.push_back(doc_count);
      filters.push_back({doc_count, s->unit.slug, s->kind_slug, search_threads(*s)});
      keys.push_back(target_keys.unit(s->unit.slug, "search " + s->url_path() + " " + std::to_string(doc_count)));
      doc_count += static_cast<uint32_t>(searchable_page_count(*s));
    }
    parts.resize(documents.size());
  }

  // The merged index's key: every piece's, and how they are numbered.
  std::string index_key(const TargetKeys& target_keys) const {
    std::string what = "search index " + std::to_string(doc_count);
    for (const auto& key : keys) {
      if (key.empty()) return "";
      what += " " + key;
    }
    for (const auto& y : years) what += " " + std::to_string(y.year) + ":" + std::to_string(y.first_doc);
    return target_keys.site(what);
  }
};

// A document's fragments and its piece, which is kept in the output for the next build.
void search_jobs(const SiteContext& ctx, const OutputTree& out, SearchPlan& plan, TargetLog* log, Jobs& jobs) {
  for (size_t i = 0; i < plan.documents.size(); ++i) {
    const model::Submission& s = *plan.documents[i];
    const std::string piece = search_piece_path(model::document_folder(s));
    std::vector<std::string> paths{piece};
    const size_t count = searchable_page_count(s);
    for (size_t d = 0; d < count; ++d) paths.push_back(search_fragment_path(plan.first_doc[i] + static_cast<uint32_t>(d)));
    jobs.files.push_back({"", {}, [&, log, i, piece, paths, count] {
      const std::string& key = plan.keys[i];
      const bool keyed = log && !key.empty();
      if (const auto* before = keyed ? log->previous(key) : nullptr; before && *before == paths && out.take_over(paths)) {
        std::optional<PartialIndex> taken;
        try {
          taken = PartialIndex::from_bytes(read_own_file(out.previous() / piece, limits::kSearchPieceBytes));
        } catch (const WriteError&) {  // unreadable, a link, too large: made again below
        }
        if (taken) {
          plan.parts[i] = std::move(*taken);
          log->record(key, paths);
          return false;  // logged here
        }
      }
      auto docs = searchable_pages(ctx, *plan.documents[i]);
      write_search_fragments(docs, plan.first_doc[i], out);
      plan.parts[i] = index_docs(docs, plan.first_doc[i]);
      if (!keyed) return false;
      out.write(piece, plan.parts[i].bytes());
      if (docs.size() == count) log->record(key, paths);
      return false;  // logged here
    }, nullptr});
  }
}

// Each document as read, kept for the next build to take instead of reading it again, and
// the log's record of it (what it was read from). Taken over with its record while its key
// (its unit's folder, the site's inputs) holds.
void stored_document_jobs(const model::Site& site, const RenderInputs& inputs, const OutputTree& out, TargetLog* log,
                          Jobs& jobs) {
  if (!inputs.stored_document || !log) return;
  for (const auto& s : site.submissions) {
    const std::string folder = model::document_folder(s), path = stored_document_path(folder);
    std::string key = jobs.keys.unit(s.unit.slug, "stored " + s.url_path());
    jobs.files.push_back({"", {}, [&inputs, &out, &s, log, key = std::move(key), folder, path] {
      const std::vector<std::string> paths{path};
      const auto* before = key.empty() ? nullptr : log->previous(key);
      const auto* record = log->previous_document(folder);
      if (before && *before == paths && record && out.take_over(paths)) {
        log->record(key, paths);
        log->record_document(folder, *record);
        return false;  // logged here
      }
      auto stored = inputs.stored_document(s);
      if (!stored) return false;
      out.write(path, stored->bytes);
      log->record(key, paths);
      log->record_document(folder, std::move(stored->record));
      return false;
    }, nullptr});
  }
}

// The reviewers' pages and consensus form of each edition whose forms were read (only by
// `kvalitet bedomning`).
void review_jobs(const SiteContext& ctx, const fs::path& out, Jobs& jobs) {
  if (!model::visibility(ctx.site.audience).review_forms) return;
  for (const auto& r : ctx.site.reviews)
    for (const auto& e : ctx.index.editions()) {
      if (e.kind_slug != r.kind_slug || e.year != r.year) continue;
      const std::string edition = e.kind_slug + " " + std::to_string(e.year);
      jobs.workbook(out, jobs.keys.site("consensus " + edition), consensus_workbook_path(e.kind_slug, e.year),
                    [&](const xlsx::Target& t) { write_consensus_workbook(e, r, ctx.site, t); });
      jobs.page(jobs.keys.site("review results " + edition), [&] { return render_review_results(ctx, e, r); });
      jobs.page(jobs.keys.site("calibration " + edition), [&] { return render_calibration(ctx, e, r); });
      for (const auto* s : e.submissions)
        jobs.page(jobs.keys.site("feedback " + s->url_path()), [&, s] { return render_feedback(ctx, e, r, *s); });
    }
}

// The jury's decisions: public, beside the comparisons (not on one unit's own site).
void decision_jobs(const SiteContext& ctx, Jobs& jobs) {
  for (const auto& d : ctx.site.decisions) {
    const std::string edition = d.kind_slug + " " + std::to_string(d.year);
    jobs.page(jobs.keys.site("decision " + edition), [&] { return render_decision_page(ctx, d); });
    jobs.page(jobs.keys.site("decision print " + edition), [&] { return render_decision_print_page(ctx, d); });
  }
}

void cross_cutting_jobs(const SiteContext& ctx, const fs::path& out, Jobs& jobs) {
  const model::Site& site = ctx.site;
  jobs.page(jobs.keys.site("start"), [&] { return render_start_page(ctx); });
  jobs.page(jobs.keys.site("statement"), [&] { return render_statement_page(ctx); });
  for (const auto& unit : ctx.index.units())
    jobs.page(jobs.keys.unit(unit.unit->slug, "unit " + unit.unit->slug), [&] { return render_unit_page(ctx, unit); });
  if (!model::visibility(site.audience).site_wide) return;  // one unit's own pages (build --enhet)
  jobs.page(jobs.keys.site("search page"), [&] { return render_search_page(ctx); });
  for (const auto& e : ctx.index.editions()) {
    if (site.frozen(e.year)) continue;  // jamforelse/<år>/ comes from the package
    const std::string edition = e.kind_slug + " " + std::to_string(e.year);
    jobs.page(jobs.keys.documents(e.submissions, "compare index " + edition), [&] { return render_compare_index(ctx, e); });
    for (int page = 1; page <= compare_page_count(e.submissions.size()); ++page) {
      // A comparison page shows the answers of its units only.
      const size_t first = static_cast<size_t>(page - 1) * kCompareUnitsPerPage;
      const std::vector<const model::Submission*> shown(
          e.submissions.begin() + static_cast<long>(std::min(first, e.submissions.size())),
          e.submissions.begin() + static_cast<long>(std::min(first + kCompareUnitsPerPage, e.submissions.size())));
      for (const auto* q : e.structure->questions())
        jobs.page(jobs.keys.documents(shown, "compare " + edition + " " + std::to_string(q->number) + " " + std::to_string(page)),
                  [&, n = q->number, page] { return render_compare_page(ctx, e, n, page); });
    }
    // Forms for the editions that are scored (bedömning: in the structure), on the reviewers' site.
    if (!model::visibility(site.audience).review_forms || !e.structure->scoring.defined) continue;
    jobs.workbook(out, jobs.keys.site("review workbook " + edition), review_workbook_path(e.kind_slug, e.year),
                  [&](const xlsx::Target& t) { write_review_workbook(e, site, t); });
    for (const auto& reviewer : site.reviewers)  // as coordinators send them: one each
      jobs.workbook(out, jobs.keys.site("reviewer form " + edition + " " + reviewer), reviewer_form_path(e.kind_slug, e.year, reviewer),
                    [&](const xlsx::Target& t) { write_review_workbook(e, site, t, &reviewer); });
  }
  review_jobs(ctx, out, jobs);
  decision_jobs(ctx, jobs);
  if (!ctx.index.indicators().empty()) jobs.page(jobs.keys.site("indicators"), [&] { return render_indicator_index(ctx); });
  for (const auto& series : ctx.index.indicators()) {
    jobs.page(jobs.keys.site("indicator " + series.slug), [&] { return render_indicator_page(ctx, series); });
    jobs.workbook(out, jobs.keys.site("trend " + series.slug), trend_workbook_path(series.name),
                  [&](const xlsx::Target& t) { write_trend_workbook(series, site.lang, t); });
  }
  for (int year : ctx.index.indicator_years())
    if (!site.frozen(year))
      jobs.workbook(out, jobs.keys.site("year " + std::to_string(year)), year_workbook_path(year),
                    [&, year](const xlsx::Target& t) { write_year_workbook(site, year, t); });
}

}  // namespace

std::optional<std::vector<std::string>> render_document_pages(const model::Site& site, const model::Submission& document,
                                                              const RenderInputs& inputs, const fs::path& out,
                                                              Diagnostics& diagnostics) {
  auto layouts = Layouts::load(theme_layout_dirs(site.theme_chain, inputs.templates / "layouts"), kLayouts, diagnostics);
  if (!layouts || site.frozen(document.year)) return std::nullopt;
  const model::SiteIndex index(site);
  const SiteContext ctx{site, index, *layouts, inputs.with_pdf};
  const TargetKeys keys(nullptr, site, index, inputs.with_pdf);
  Jobs jobs{keys};
  document_pages(ctx, document, jobs);
  std::vector<std::string> paths(jobs.pages.size());
  parallel_for(jobs.pages.size(), inputs.threads, [&](size_t i) {
    Page page = jobs.pages[i].make();
    swap_in_file(out / page.path, page.html);
    paths[i] = std::move(page.path);
  });
  return paths;
}

std::optional<SiteCounts> render_site(const model::Site& site, const RenderInputs& inputs, const fs::path& out,
                               Diagnostics& diagnostics) {
  auto layouts = Layouts::load(theme_layout_dirs(site.theme_chain, inputs.templates / "layouts"), kLayouts, diagnostics);
  if (!layouts) return std::nullopt;
  const OutputTree tree(out, inputs.previous, inputs.kept);
  copy_theme_assets(site.theme_chain, tree, assets_dir());
  const model::SiteIndex index(site);
  const SiteContext ctx{site, index, *layouts, inputs.with_pdf};

  const TargetKeys keys(inputs.log ? inputs.input_hashes : nullptr, site, index, inputs.with_pdf);
  TargetLog* log = inputs.log;
  Jobs jobs{keys};
  jobs.lang = diagnostics.lang;
  SearchPlan search(site, keys);
  const bool site_wide = model::visibility(site.audience).site_wide;
  if (site_wide) search_jobs(ctx, tree, search, log, jobs);
  cross_cutting_jobs(ctx, out, jobs);
  document_jobs(ctx, out, jobs);
  media_jobs(site, inputs, tree, jobs);
  stored_document_jobs(site, inputs, tree, log, jobs);
  // A target whose key the last build logged is taken over from its output, not made again.
  auto taken_over = [&](const std::string& key) {
    const auto* before = log && !key.empty() ? log->previous(key) : nullptr;
    if (!before || !tree.take_over(*before)) return false;
    log->record(key, *before);
    return true;
  };
  // The first failure (a WriteError: full disk, no permission, …) stops the loop and is
  // rethrown here; write_output_dir turns it into the build's one error.
  const xlsx::LibraryMessagesHidden quiet_libxlsxwriter;  // made and ended with no other thread running
  // Files first, the last added first: images, workbooks, then the search pieces, beside the pages.
  const size_t files = jobs.files.size();
  std::atomic<bool> stopped{false};
  parallel_for(files + jobs.pages.size(), inputs.threads, [&](size_t i) {
    if (inputs.cancelled && i % 16 == 0 && inputs.cancelled()) stopped = true;
    if (stopped) return;
    if (i < files) {
      const FileJob& job = jobs.files[files - 1 - i];
      if (taken_over(job.key)) return;
      if (job.make() && log && (!job.report || job.report->list.items().empty())) log->record(job.key, job.paths);
    } else {
      const PageJob& job = jobs.pages[i - files];
      if (taken_over(job.key)) return;
      Page page = job.make();
      tree.write(page.path, page.html);
      if (log) log->record(job.key, {page.path});
    }
  });
  if (stopped || (inputs.cancelled && inputs.cancelled())) return std::nullopt;
  if (site_wide) {
    const std::string key = search.index_key(keys);
    if (!taken_over(key)) {
      auto paths = write_search_index(search.parts, search.years, search.doc_count, tree);
      if (log) log->record(key, std::move(paths));
    }
    write_search_documents(search.filters, tree);
  }
  for (const Diagnostics& r : jobs.workbook_reports) diagnostics.list.append(r.list);
  return SiteCounts{static_cast<int>(jobs.pages.size()), static_cast<int>(jobs.workbook_reports.size())};
}

}  // namespace kv
