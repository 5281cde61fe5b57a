#include "pipeline/pipeline.h"

#include "package/frozen_years.h"
#include "render/pdf/pdf_writer.h"

#include <thread>

#include "pipeline/input_stamp.h"
#include "pipeline/resources.h"
#include "pipeline/summary.h"
#include "diag/json_line.h"
#include "diag/diagnostics.h"
#include "load/content_names.h"
#include "util/escape.h"
#include "util/text.h"
#include "render/html/site_renderer.h"
#include "validate/answer_warnings.h"
#include "validate/readability.h"
#include "validate/review_forms.h"
#include "validate/site.h"
#include "validate/structure_file.h"
#include "validate/theme_file.h"
#include "validate/year_thread.h"
#include "write/leftovers.h"
#include "write/output_dir.h"
#include "write/output_place.h"
#include "write/output_tree.h"

namespace kv {
namespace {

namespace fs = std::filesystem;

}  // namespace

Validated validate_content(const PipelineOptions& options) {
  SiteOptions site_options{options.content_root, options.lang, std::max(1u, options.threads)};
  // The site's language decides the language of every message, so read it first.
  Diagnostics probe;
  Lang lang = read_site_settings(site_options, probe).lang;

  Validated v{Diagnostics{lang, {}, {}, options.preview}, {}, {}};
  std::error_code ec;
  if (!fs::is_directory(options.content_root, ec)) {
    v.report.error({options.content_root.generic_string(), 0, 0}, v.report.t(Msg::kContentDirMissing),
                   v.report.t(Msg::kContentDirMissingHint));
    return v;
  }
  v.site = read_site_settings(site_options, v.report);
  auto templates = find_resource_dir("templates", options.templates_dir, options.executable);
  if (!templates) {
    v.report.error({options.templates_dir.empty() ? "templates" : options.templates_dir, 0, 0},
                   v.report.t(Msg::kTemplatesNotFound), v.report.t(Msg::kTemplatesNotFoundHint));
    return v;
  }
  v.templates = *templates;
  const auto themes = find_resource_dir("themes", options.themes_dir, options.executable);
  if (auto theme = read_theme(themes.value_or("themes"), v.site.theme, options.content_root / kSiteFile, v.report))
    v.site.theme_chain = std::move(*theme);
  BrokenStructures broken;
  StructureSet structures = read_structures(*templates / "structures", v.report, &broken);
  read_submissions(site_options, structures, v.site, v.report, broken);
  thread_years(v.site, v.report);
  if (options.reviews) read_review_forms(options.content_root, v.site, v.report);
  check_readability(v.site, v.report);
  check_frozen_years(v.site.frozen_years, options.content_root, v.report);
  v.report.diags.sort();
  attach_warnings(v.site, v.report, options.content_root.generic_string());
  return v;
}

void print_diagnostics(const Diagnostics& report, const PipelineOptions& options, std::ostream& out, std::ostream& err) {
  const auto& items = report.diags.items();
  if (options.json_diagnostics) {  // every one: a program reads them, not a person
    for (auto severity : {Severity::kError, Severity::kWarning})
      for (const auto& d : items)
        if (d.severity == severity) out << diagnostic_json(d) << '\n';
    if (!items.empty()) err << format_summary(report.diags, report.lang) << '\n';
    return;
  }
  const size_t limit = options.max_messages == 0 ? items.size() : std::min(items.size(), options.max_messages);
  size_t printed = 0;
  for (auto severity : {Severity::kError, Severity::kWarning})
    for (const auto& d : items)
      if (d.severity == severity && printed < limit) {
        err << format_diagnostic(d, !options.hide_source_lines);
        ++printed;
      }
  if (printed < items.size())
    err << report.t(Msg::kMoreDiagnostics, {group_digits(items.size() - printed)}) << " \xE2\x80\x94 "
        << report.t(Msg::kMoreDiagnosticsHint) << '\n';
  if (!items.empty()) err << format_summary(report.diags, report.lang) << '\n';
}

int run_check(const PipelineOptions& options, std::ostream& out, std::ostream& err) {
  Validated v = validate_content(options);
  print_diagnostics(v.report, options, out, err);
  if (v.report.diags.has_errors()) return 1;
  if (options.quiet) return 0;
  // Plain language (språklagen 11 §): each document's LIX, for people, not for --format json.
  if (!options.json_diagnostics) out << readability_summary(v.site, v.report.lang);
  if (v.report.diags.items().empty())
    (options.json_diagnostics ? err : out) << v.report.t(Msg::kNoProblems, {std::to_string(v.site.submissions.size())}) << '\n';
  return 0;
}

namespace {

// The stamp of this build's inputs (pipeline/input_stamp.h); empty for serve's previews, which
// always build, and when templates or themes are missing (validation reports that).
InputStamp stamp_for(const PipelineOptions& options) {
  if (options.preview || options.reviews) return {};  // a site with reviewers' pages is never "unchanged"
  auto templates = find_resource_dir("templates", options.templates_dir, options.executable);
  auto themes = find_resource_dir("themes", options.themes_dir, options.executable);
  return templates && themes ? input_stamp(options, *templates, *themes) : InputStamp();
}

// When nothing changed since the last complete build: its diagnostics again and one line.
bool report_unchanged(const PipelineOptions& options, const InputStamp& stamp, std::ostream& out, std::ostream& err) {
  if (stamp.empty() || options.rebuild) return false;
  auto diags = unchanged_build(options.output_dir, stamp);
  if (!diags) return false;
  Diagnostics probe;
  SiteOptions site_options{options.content_root, options.lang, 1};
  Diagnostics report{read_site_settings(site_options, probe).lang, {}, {}};
  report.diags = std::move(*diags);
  print_diagnostics(report, options, out, err);
  if (!options.quiet)
    (options.json_diagnostics ? err : out) << report.t(Msg::kBuildUpToDate, {terminal_text(options.output_dir)}) << '\n';
  return true;
}

}  // namespace

int run_build(const PipelineOptions& options, std::ostream& out, std::ostream& err, BuildSeen* seen) {
  // Before anything else, so that a killed build's output is back even if this one fails.
  tidy_leftovers(options.output_dir);
  // Taken before any input is read: a file saved during the build makes the next one build.
  const InputStamp stamp = stamp_for(options);
  if (report_unchanged(options, stamp, out, err)) return 0;
  Validated v = validate_content(options);
  check_output_place(options.output_dir, options.content_root, v.report);
  print_diagnostics(v.report, options, out, err);
  if (seen) {
    seen->report.lang = v.report.lang;
    seen->report.diags.append(v.report.diags);
    seen->readability = page_readability(v.site, v.report.lang);
    seen->lix_limit = v.site.lix_limit;
    seen->base_url = v.site.base_url;
  }
  if (v.report.diags.has_errors()) {
    if (!options.preview) err << v.report.t(Msg::kBuildAborted, {terminal_text(options.output_dir)}) << '\n';
    return 1;
  }
  Diagnostics report{v.report.lang, {}, {}};
  RenderInputs inputs{v.templates, options.content_root,
                      std::max(1u, options.threads), !options.pdf_variant.empty(), {}};
  std::error_code ec;
  if (fs::is_regular_file(fs::path(options.output_dir) / kOutputMarker, ec)) inputs.previous = options.output_dir;
  BuildCounts counts;
  std::ostream* progress = options.show_progress && !options.quiet && !options.json_diagnostics ? &err : nullptr;
  auto written = write_output_dir(fs::path(options.output_dir), report, [&](const fs::path& staging) {
    auto rendered = render_site(v.site, inputs, staging, report);
    if (!rendered) return std::optional<int>();
    counts.pages = rendered->pages + place_frozen_years(v.site.frozen_years, options.content_root, OutputTree(staging, inputs.previous));
    counts.workbooks = rendered->workbooks;
    // PDFs are made from the staged print pages; a failure leaves the previous output as it was.
    if (inputs.with_pdf) {
      PdfOutcome pdfs = write_pdfs(v.site, staging, options.pdf_variant, inputs.threads, report, progress, inputs.previous);
      if (!pdfs.ok) return std::optional<int>();
      counts.pdf_pages = std::move(pdfs.page_counts);
    }
    if (!stamp.empty()) {
      DiagnosticList all = v.report.diags;
      all.append(report.diags);
      write_file(staging / kInputStampFile, stamp_file_text(stamp, all));
    }
    return std::optional<int>(counts.pages);
  });
  print_diagnostics(report, options, out, err);
  if (seen) seen->report.diags.append(report.diags);
  if (!written) {
    if (!options.preview) err << report.t(Msg::kBuildAborted, {terminal_text(options.output_dir)}) << '\n';
    return 1;
  }
  if (!options.quiet && !options.preview) (options.json_diagnostics ? err : out) << build_summary(report.lang, options.output_dir, counts) << '\n';
  return 0;
}

}  // namespace kv
