// serve's first answer to a save (issue 32): when everything that changed lies in one
// document's folder, that document is read again and its own pages are swapped into the
// served folder at once, before the whole preview build (pipeline/preview_build.h) that
// follows and brings every other page up to date (comparisons, search, the unit's other
// years, the start page). The author sees the saved page in a fraction of a build.
//
// The pages come out as that build makes them: the document is checked against the site the
// last build read, as validation checks it (its links, the thread with its unit's previous
// and next year, its LIX, the warnings kept with its answers), and rendered with the same
// page functions. Anything the document cannot be shown alone with (an error, a link to a
// document the last build left out, a change of structure) leaves the save to the build.
#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "i18n/lang.h"
#include "model/site.h"
#include "pipeline/page_readability.h"
#include "validate/structure_file.h"

namespace kv {

// What a preview build read and checked, kept by serve for the next save.
struct PreviewModel {
  model::Site site;
  StructureSet structures;
  std::filesystem::path templates;
};

struct DocumentPreview {
  std::string folder;                        // "<enhet>/<år>/<slag>"
  std::vector<std::string> pages;            // site-relative, as swapped in
  std::vector<Diagnostic> diagnostics;       // the document's own, in the build's order
  std::vector<PageReadability> readability;  // its pages'
};

// The document folder ("<enhet>/<år>/<slag>") that every changed path lies inside, or nullopt:
// a path outside every document folder (site.yaml, enhet.yaml, templates, themes), a document
// folder itself (made, moved, removed), or paths in two documents.
std::optional<std::string> changed_document(const std::filesystem::path& content_root,
                                            const std::set<std::filesystem::path>& changed);

struct DocumentPreviewSettings {
  std::filesystem::path content_root;
  Lang lang = Lang::kSv;  // the last build's
  unsigned threads = 1;
};

// Reads the document in folder again, checks it against model's site in place of its last
// version and swaps its pages into site_dir. model stays good for the next save's preview:
// what another document shows of this one (a goal followed up, an action referred to) may be
// out of date in it, but each document previewed is read and checked again, and only its own
// pages are made. nullopt when the document cannot be shown before the build (it was not on
// the last build's site, has errors now, follows another structure, its year is frozen, a
// page could not be written); model may then hold it unchecked, and pages already swapped in
// are the build's to replace.
std::optional<DocumentPreview> preview_document(PreviewModel& model, const DocumentPreviewSettings& settings,
                                                const std::string& folder, const std::filesystem::path& site_dir);

}  // namespace kv
