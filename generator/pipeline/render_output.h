// Rendering a validated site into an output folder, for every command that makes one (build,
// pdf, bedomning and serve's preview): the pages and workbooks, the frozen years' packages,
// then what the command adds in the staging folder (PDFs, the input stamp), all through the
// one safe writer (write/output_dir.h), so a failure leaves the previous output as it was.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>

#include "model/audience.h"
#include "pipeline/pipeline.h"
#include "pipeline/summary.h"
#include "render/html/target_keys.h"
#include "write/journal.h"
#include "write/target_log.h"

namespace kv {

// What the command adds once the site is staged: staging is the folder being filled,
// previous the earlier output it may take unchanged files from ("" when none). Returns false
// (after reporting why) to fail the build.
using FinishStaging = std::function<bool(const std::filesystem::path& staging, const std::filesystem::path& previous,
                                         BuildCounts& counts)>;

// Renders v's site into out for audience; links the PDFs when with_pdf. Returns the counts
// once out has been replaced, nullopt when anything failed (reported in diagnostics).
// targets: the build log and the inputs' hashes, for a build that makes only what changed
// (render/html/site_renderer.h); without them every target is made.
// documents: a build's, whose stored form of each document is kept for the next build.
// listed: the output listed ahead for the journal (write/journal.h), or nullptr.
struct Targets {
  TargetLog* log = nullptr;
  const InputHashes* inputs = nullptr;
  const SubmissionCache* documents = nullptr;
  std::future<OutputListing>* listed = nullptr;
};
// Whether a build writes through a journal into its output in place (write/journal.h) rather
// than staging a new folder: it has the last build's log (so the output is kvalitet's and
// complete) and makes no PDFs (they are made from a whole staged site).
bool writes_in_place(const TargetLog* log, bool with_pdf);

// cancelled: RenderInputs::cancelled.
std::optional<BuildCounts> render_output(const Validated& v, const CommandContext& context, const std::filesystem::path& out,
                                         model::Audience audience, bool with_pdf, Diagnostics& diagnostics,
                                         const FinishStaging& finish = {}, Targets targets = {},
                                         const std::function<bool()>& cancelled = {});

}  // namespace kv
