// The HTML site: start, unit, document, comparison, indicator, search and statement pages,
// the workbooks, the search index, the theme and the images. Pages render in parallel and are written as
// soon as each is done; the whole site's HTML is never held in memory.
#pragma once
#include <functional>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "model/site.h"
#include "model/submission_codec.h"
#include "render/html/target_keys.h"
#include "write/output_tree.h"
#include "write/target_log.h"

namespace kv {

struct RenderInputs {
  std::filesystem::path templates;  // holds layouts/
  std::filesystem::path content_root;
  unsigned threads = 1;
  bool with_pdf = false;  // PDFs will be made: link them
  // The previous build's output folder, or empty: files that come out the same are linked
  // from it (write/output_tree.h).
  std::filesystem::path previous;
  // The declared targets (write/target_log.h): the log to record this build's in, holding
  // the last build's, and the inputs' hashes for the keys. Without a log every target is
  // made and nothing is recorded.
  TargetLog* log = nullptr;
  const InputHashes* input_hashes = nullptr;
  // Set when out is a journal (write/journal.h): files that come out the same stay in
  // previous and are noted here.
  KeptFiles* kept = nullptr;
  // A build's: what to keep of each document for the next build (its stored form and the
  // log's record of it, validate/submission_cache.h), or nullopt; unset: nothing is kept.
  std::function<std::optional<model::StoredDocument>(const model::Submission&)> stored_document{};
  // Asked now and then (serve: a newer save is waiting); true stops the rendering, which
  // then reports nothing and makes nothing more. Unset: never.
  std::function<bool()> cancelled{};
};

// What render_site made, for the command's closing line.
struct SiteCounts {
  int pages = 0;
  int workbooks = 0;
};

// Renders into out (an empty folder). Returns what it made, or nullopt after reporting what
// went wrong (or, reporting nothing, when cancelled); a file that cannot be written throws WriteError (the first one stops the
// rendering).
std::optional<SiteCounts> render_site(const model::Site& site, const RenderInputs& inputs, const std::filesystem::path& out,
                               Diagnostics& diagnostics);

// The pages of one document of site (its overview, print page, parts and changes pages),
// each swapped into out (a site folder being served) as soon as it is made, so a reader sees
// the old page or the new, never a part (write/files.h, swap_in_file). Returns their
// site-relative paths; nullopt, after reporting why, when the layouts cannot be read (or the
// document's year is frozen: its pages come from a package). Throws WriteError.
std::optional<std::vector<std::string>> render_document_pages(const model::Site& site, const model::Submission& document,
                                                              const RenderInputs& inputs, const std::filesystem::path& out,
                                                              Diagnostics& diagnostics);

}  // namespace kv
