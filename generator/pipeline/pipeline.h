// The pipeline: load → validate → model → render → write. Commands run it to a given stage.
#pragma once
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "diag/diagnostics.h"
#include "i18n/lang.h"
#include "load/limits.h"
#include "model/site.h"
#include "pipeline/page_readability.h"

namespace kv {

struct PipelineOptions {
  std::filesystem::path content_root = "content";
  std::filesystem::path executable;
  std::string templates_dir;  // empty: search
  std::string themes_dir;     // empty: search
  std::string output_dir = "output";
  std::optional<Lang> lang;
  unsigned threads = 0;
  bool hide_source_lines = false;
  size_t max_messages = limits::kPrintedDiagnostics;  // diagnostics printed; 0: all
  std::string pdf_variant;  // non-empty: also make PDFs with WeasyPrint (pdf/a-2b, pdf/ua-1)
  // --format json: the diagnostics as JSON lines (diag/json_line.h) on out and nothing else
  // there; the summary and other lines for people go to err.
  bool json_diagnostics = false;
  // --quiet: only errors and warnings; no progress line, no summary, no readability table.
  bool quiet = false;
  // Redraw a progress line on err during long steps (the PDFs); main sets it when err is a
  // terminal, so logs and tests never get carriage returns.
  bool show_progress = false;
  // serve's draft preview: parts, values and the introduction not written yet are warnings,
  // and the document is shown with what is there (diag/diagnostics.h); the private output folder
  // is never named in a message.
  bool preview = false;
  // --rebuild: build even when nothing has changed since the last build (pipeline/input_stamp.h).
  bool rebuild = false;
  // `bedomning`: also read the filled review forms (validate/review_forms.h) and add the
  // reviewers' pages; every other build leaves them out.
  bool reviews = false;
};

// The outcome of load → validate → model: the typed site and every problem found.
struct Validated {
  Diagnostics report;
  model::Site site;
  std::filesystem::path templates;
};
Validated validate_content(const PipelineOptions& options);

// Validates the content; prints diagnostics to err and a summary. Returns the exit status.
int run_check(const PipelineOptions& options, std::ostream& out, std::ostream& err);

// What a build saw besides the site it wrote: what `serve` shows on and beside the pages.
struct BuildSeen {
  Diagnostics report;  // the site's language and every diagnostic
  std::vector<PageReadability> readability;
  int lix_limit = 0;  // site.yaml's lix_gräns; 0: none
  std::string base_url;  // site.yaml's adress:; "" when not given
};

// Prints the diagnostics, at most options.max_messages of them (0: all): errors first, so a
// flood of warnings cannot hide the error that stops the build; then how many were left out.
// With --format json: all of them as JSON lines on out, the summary on err.
void print_diagnostics(const Diagnostics& report, const PipelineOptions& options, std::ostream& out, std::ostream& err);

// Validates, then renders the site into the output folder atomically. Returns the exit status.
// seen, when given, receives what the build saw.
int run_build(const PipelineOptions& options, std::ostream& out, std::ostream& err, BuildSeen* seen = nullptr);

}  // namespace kv
