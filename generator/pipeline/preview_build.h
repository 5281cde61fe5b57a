// serve's build: a draft preview (BuildOptions::preview) that keeps working around errors.
// A document whose own files have errors is left out by validation (validate/site.h); the
// preview renders every other document all the same, so that one broken answer does not
// hide the whole site, and says which documents have errors so that their pages can show
// them. Only when an error lies outside every unit's folder (site.yaml, a structure, a
// theme, the archive packages) — or the site cannot be rendered — is nothing written.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/document_preview.h"
#include "pipeline/pipeline.h"

namespace kv {

// A unit or document folder with errors in (or directly under) it.
struct PreviewProblemPlace {
  std::string unit;  // the unit's folder name
  int year = 0;      // 0: the unit's own files (enhet.yaml), not one document's
  std::string kind;  // the document's kind folder; "" with year 0
  // The document was read whole and is on the site: its errors come from checks across
  // documents (a link to a page that does not exist). false: it was left out.
  bool rendered = false;
};

struct PreviewOutcome {
  BuildSeen seen;        // every diagnostic of the build, validation's and rendering's
  bool written = false;  // the output folder holds this build
  bool cancelled = false;  // stopped by BuildOptions::cancelled: nothing was written or decided
  std::vector<PreviewProblemPlace> places;  // where the errors are, in folder order
  // What was read, once written: for showing the next save of one document at once.
  std::shared_ptr<PreviewModel> model;
};

// Validates as a preview, then renders into build.output_dir what can be shown. Prints
// nothing: the caller decides what the terminal gets.
PreviewOutcome run_preview_build(const CommandContext& context, const BuildOptions& build);
PreviewOutcome run_preview_build(const PipelineOptions& options);

// Where a diagnostic's file lies, for the preview: in a unit's folder (year 0) or one of its
// documents; nullopt when it lies outside every unit (site.yaml, the templates, _arkiv/).
std::optional<PreviewProblemPlace> preview_place(const std::filesystem::path& content_root, const std::string& path);

}  // namespace kv
