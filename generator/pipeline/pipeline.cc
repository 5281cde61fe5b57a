#include "pipeline/pipeline.h"

#include "package/frozen_years.h"
#include "render/pdf/pdf_writer.h"

#include <future>
#include <thread>

#include "pipeline/build_scope.h"
#include "pipeline/input_stamp.h"
#include "pipeline/render_output.h"
#include "pipeline/summary.h"
#include "diag/print_diagnostics.h"
#include "diag/diagnostics.h"
#include "load/content_names.h"
#include "util/escape.h"
#include "util/limits.h"
#include "util/text.h"
#include "validate/answer_warnings.h"
#include "validate/decisions.h"
#include "validate/readability.h"
#include "validate/review_forms.h"
#include "validate/site.h"
#include "validate/structure_file.h"
#include "validate/theme_file.h"
#include "validate/year_thread.h"
#include "write/leftovers.h"
#include "write/output_dir.h"
#include "write/output_place.h"
#include "render/html/urls.h"
#include "write/files.h"

namespace kv {
namespace {

namespace fs = std::filesystem;

}  // namespace

Validated validate_content(const CommandContext& context, const BuildOptions& build, const InputHashes* hashes) {
  const CommonOptions& options = context.options;
  Validated v{Diagnostics{context.lang, {}, {}, build.preview()}, {}, {}};
  if (!context.content_exists) {
    v.diagnostics.error({options.content_root.generic_string(), 0, 0}, v.diagnostics.t(Msg::kContentDirMissing),
                   v.diagnostics.t(Msg::kContentDirMissingHint));
    return v;
  }
  v.site = context.settings;
  v.diagnostics.list.append(context.settings_problems);
  if (!context.templates_or_report(v.diagnostics)) return v;
  v.templates = *context.templates;
  if (auto theme = read_theme(context.themes.value_or("themes"), v.site.theme, options.content_root / kSiteFile, v.diagnostics))
    v.site.theme_chain = std::move(*theme);
  v.site.audience = build.audience;
  SiteOptions site_options{options.content_root, options.lang, context.threads(), model::visibility(build.audience).drafts,
                           build.units, build.documents, hashes, &build.cancelled};
  BrokenStructures broken;
  v.structures = read_structures(v.templates / "structures", v.diagnostics, &broken);
  read_submissions(site_options, v.structures, v.site, v.diagnostics, broken);
  thread_years(v.site, v.diagnostics);
  read_decisions(options.content_root, v.site, v.diagnostics);
  if (build.audience == model::Audience::kReviewers) read_review_forms(options.content_root, v.site, v.diagnostics);
  check_readability(v.site, v.diagnostics);
  check_frozen_years(v.site.frozen_years, options.content_root, v.diagnostics);
  v.diagnostics.list.sort();
  if (!build.units.empty()) {
    only_units(build.units, options.content_root, v.diagnostics);
    keep_units(build.units, v.site);
  }
  attach_warnings(v.site, v.diagnostics, options.content_root.generic_string());
  return v;
}

Validated validate_content(const PipelineOptions& options) { return validate_content(make_context(options), options); }

int run_check(const CommandContext& context, const BuildOptions& build, std::ostream& out, std::ostream& err) {
  const OutputStyle& style = context.options.style;
  Validated v = validate_content(context, build);
  print_diagnostics(v.diagnostics, style, out, err);
  print_drafts_left_out(v.site.drafts_left_out, v.diagnostics, style, out, err);
  if (v.diagnostics.list.has_errors()) return 1;
  if (style.quiet) return 0;
  // Plain language (språklagen 11 §): each document's LIX, for people, not for --format json.
  if (!style.json) out << readability_summary(v.site, v.diagnostics.lang);
  print_document_states(v.site, v.diagnostics, people_stream(style, out, err));
  if (v.diagnostics.list.items().empty())
    people_stream(style, out, err) << v.diagnostics.t(Msg::kNoProblems, {std::to_string(v.site.submissions.size())}) << '\n';
  return 0;
}

int run_check(const PipelineOptions& options, std::ostream& out, std::ostream& err) {
  return run_check(make_context(options), options, out, err);
}

namespace {

// The stamp of this build's inputs (pipeline/input_stamp.h); empty for serve's previews, which
// always build, and when templates or themes are missing (validation reports that).
InputStamp stamp_for(const CommandContext& context, const BuildOptions& build) {
  // serve always builds; a site with reviewers' pages is never "unchanged".
  if (build.audience == model::Audience::kPreview || build.audience == model::Audience::kReviewers) return {};
  return context.templates && context.themes ? input_stamp(context, build) : InputStamp();
}

// When nothing changed since the last complete build: its diagnostics again and one line.
bool report_unchanged(const CommandContext& context, const BuildOptions& build, const InputStamp& stamp, std::ostream& out,
                      std::ostream& err) {
  if (stamp.empty() || build.rebuild) return false;
  auto report = unchanged_build(build.output_dir, stamp);
  if (!report) return false;
  Diagnostics diagnostics = context.diagnostics();
  diagnostics.list = std::move(report->diagnostics);
  const OutputStyle& style = context.options.style;
  print_diagnostics(diagnostics, style, out, err);
  print_drafts_left_out(report->drafts_left_out, diagnostics, style, out, err);
  if (!style.quiet) people_stream(style, out, err) << diagnostics.t(Msg::kBuildUpToDate, {terminal_text(build.output_dir)}) << '\n';
  return true;
}

// A build's memory of documents: what the last build stored in the output, as its log
// records it (only a folder kvalitet made has a log).
SubmissionCache stored_documents(const fs::path& output_dir, const TargetLog& log) {
  StoredDocuments stored;
  stored.record = [&log](const std::string& folder) -> std::optional<std::string> {
    const std::string* record = log.previous_document(folder);
    return record ? std::optional<std::string>(*record) : std::nullopt;
  };
  stored.bytes = [output_dir](const std::string& folder) -> std::optional<std::string> {
    // Not a link (it would lead out of the output) and not larger than any document stored.
    try {
      return read_own_file(output_dir / stored_document_path(folder), limits::kStoredDocumentBytes);
    } catch (const WriteError&) {  // missing, unreadable, a link, too large: the document is read again
      return std::nullopt;
    }
  };
  return SubmissionCache(std::move(stored));
}

}  // namespace

int run_build(const CommandContext& context, const BuildOptions& build, std::ostream& out, std::ostream& err) {
  const OutputStyle& style = context.options.style;
  const fs::path content_root = context.options.content_root;
  // Before anything else, so that a killed build's output is back even if this one fails.
  tidy_leftovers(build.output_dir);
  // Taken before any input is read: a file saved during the build makes the next one build.
  const InputStamp stamp = stamp_for(context, build);
  if (report_unchanged(context, build, stamp, out, err)) return 0;
  // The build log: what the last build made from which inputs, so that only what changed is
  // made again (write/target_log.h); --rebuild makes everything.
  TargetLog log;
  if (!build.rebuild && !stamp.empty()) read_target_log(build.output_dir, log);
  // The journal lists the output (write/journal.h): that runs beside the validation.
  std::future<OutputListing> listed;
  if (writes_in_place(&log, !build.pdf_variant.empty()) && context.threads() > 1)
    listed = std::async(std::launch::async, [dir = fs::path(build.output_dir)] { return list_output(dir); });
  // Documents whose folders are unchanged are taken as the last build stored them.
  SubmissionCache documents = stored_documents(build.output_dir, log);
  const bool storing = !stamp.empty() && !build.documents;  // a caller's own memory comes first
  BuildOptions reading = build;
  if (storing) reading.documents = &documents;
  Validated v = validate_content(context, reading, stamp.empty() ? nullptr : &stamp.hashes);
  check_output_place(build.output_dir, content_root, v.diagnostics);
  if (!build.preview()) check_output_audience(build.output_dir, build.audience, v.diagnostics);
  print_diagnostics(v.diagnostics, style, out, err);
  print_drafts_left_out(v.site.drafts_left_out, v.diagnostics, style, out, err);
  if (v.diagnostics.list.has_errors()) {
    if (!build.preview() && !style.quiet) err << v.diagnostics.t(Msg::kBuildAborted, {terminal_text(build.output_dir)}) << '\n';
    return 1;
  }
  Diagnostics diagnostics = context.diagnostics();
  std::ostream* progress = style.show_progress && !style.quiet && !style.json ? &err : nullptr;
  const bool with_pdf = !build.pdf_variant.empty();
  auto written = render_output(v, context, build.output_dir, build.audience, with_pdf, diagnostics,
                               [&](const fs::path& staging, const fs::path& previous, BuildCounts& counts) {
    // PDFs are made from the staged print pages; a failure leaves the previous output as it was.
    if (with_pdf) {
      PdfOutcome pdfs = write_pdfs(v.site, staging, build.pdf_variant, context.threads(), diagnostics, progress, previous);
      if (!pdfs.ok) return false;
      counts.pdf_pages = std::move(pdfs.page_counts);
      counts.pdf_titles = std::move(pdfs.titles);
    }
    if (!stamp.empty()) {
      BuildReport report{v.diagnostics.list, v.site.drafts_left_out};
      report.diagnostics.append(diagnostics.list);
      write_file(staging / kInputStampFile, stamp_file_text(stamp, report, log.text()));
    }
    return true;
  }, stamp.empty() ? Targets{} : Targets{&log, &stamp.hashes, storing ? &documents : nullptr, &listed});
  print_diagnostics(diagnostics, style, out, err);
  if (!written) {
    if (!build.preview() && !style.quiet) err << diagnostics.t(Msg::kBuildAborted, {terminal_text(build.output_dir)}) << '\n';
    return 1;
  }
  if (!style.quiet && !build.preview()) people_stream(style, out, err) << build_summary(diagnostics.lang, build.output_dir, *written) << '\n';
  return 0;
}

int run_build(const PipelineOptions& options, std::ostream& out, std::ostream& err) {
  return run_build(make_context(options), options, out, err);
}

}  // namespace kv
