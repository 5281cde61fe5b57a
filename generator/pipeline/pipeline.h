// The pipeline: load → validate → model → render → write. Commands run it to a given stage.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "i18n/lang.h"
#include "model/audience.h"
#include "model/site.h"
#include "pipeline/command_context.h"
#include "pipeline/page_readability.h"
#include "validate/submission_cache.h"

namespace kv {

// What a build adds to the options every command takes.
struct BuildOptions {
  std::string output_dir = "output";
  std::string pdf_variant;  // non-empty: also make PDFs with WeasyPrint (pdf/a-2b, pdf/ua-1)
  // Who the site is for (model/audience.h). kPreview is serve's: parts, values and the
  // introduction not written yet are warnings, the document is shown with what is there, and
  // the private output folder is never named in a message. kReviewers (`bedomning`) also
  // reads the filled review forms (validate/review_forms.h) and adds the reviewers' pages.
  model::Audience audience = model::Audience::kPublic;
  // --rebuild: build even when nothing has changed since the last build (pipeline/input_stamp.h).
  bool rebuild = false;
  // --enhet: only these units' problems are reported (their drafts in full); empty: all.
  std::vector<std::string> units;
  // serve: the documents its last build read, taken again when unchanged
  // (validate/submission_cache.h); nullptr for every other command.
  SubmissionCache* documents = nullptr;
  // serve: asked now and then during a preview build; true (a newer save is waiting) stops
  // the build, leaving the output as it was (pipeline/preview_build.h). Unset: never.
  std::function<bool()> cancelled{};

  bool preview() const { return audience == model::Audience::kPreview; }
};

// A whole run as given: what serve keeps between rebuilds and tests write.
struct PipelineOptions : CommonOptions, BuildOptions {};

// The outcome of load → validate → model: the typed site and every problem found.
struct Validated {
  Diagnostics diagnostics;
  model::Site site;
  std::filesystem::path templates;
  StructureSet structures{};  // as read from templates/structures
};
// hashes: the inputs as hashed before any was read, for BuildOptions::documents.
Validated validate_content(const CommandContext& context, const BuildOptions& build, const InputHashes* hashes = nullptr);
Validated validate_content(const PipelineOptions& options);  // with make_context(options)

// Validates the content; prints diagnostics to err and a summary. Returns the exit status.
int run_check(const CommandContext& context, const BuildOptions& build, std::ostream& out, std::ostream& err);
int run_check(const PipelineOptions& options, std::ostream& out, std::ostream& err);

// What a build saw besides the site it wrote: what `serve` shows on and beside the pages.
struct BuildSeen {
  Diagnostics diagnostics;  // the site's language and every diagnostic
  std::vector<PageReadability> readability;
  int lix_limit = 0;  // site.yaml's lix_gräns; 0: none
};

// Validates, then renders the site into the output folder atomically. Returns the exit status.
int run_build(const CommandContext& context, const BuildOptions& build, std::ostream& out, std::ostream& err);
int run_build(const PipelineOptions& options, std::ostream& out, std::ostream& err);

}  // namespace kv
