// Loads and validates a whole content folder into a model::Site.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>

#include "diag/diagnostics.h"
#include "load/source.h"
#include "load/unit_folder.h"  // valid_slug, suggest_slug
#include "model/site.h"
#include "validate/submission_cache.h"
#include "validate/structure_file.h"

namespace kv {

struct SiteOptions {
  std::filesystem::path content_root;
  std::optional<Lang> lang;  // from the command line; overrides site.yaml
  unsigned threads = 1;
  bool drafts = false;              // drafts are built (model/audience.h); else left out and counted
  std::vector<std::string> units;   // --enhet: these units' drafts are reported in full and built
  // serve: the documents read by its last build, taken again when unchanged (hashes: this
  // build's inputs, taken before any was read).
  SubmissionCache* cache = nullptr;
  const InputHashes* hashes = nullptr;
  // serve: true stops the reading (a newer save is waiting): what was not read yet is left
  // out without a word, and the caller throws the site away (BuildOptions::cancelled).
  const std::function<bool()>* cancelled = nullptr;
};

// site.yaml as read from the content folder, once per command (pipeline/command_context.h):
// its text, the problems met reading it (in the language known before it was read), or
// that there is none.
struct SiteFile {
  std::string path;
  std::optional<SourceFile> source;
  DiagnosticList read_problems;
  bool missing = false;
};
SiteFile read_site_file(const std::filesystem::path& content_root, Lang lang);

// site.yaml's språk: when the file parses and names a known language; reports nothing (the
// settings below do, in the language this decides).
std::optional<Lang> site_file_language(const SiteFile& file);

// The site settings alone (title, language, theme, …) with every problem of the file;
// lang_option (--lang) overrides språk:.
model::Site site_settings(const SiteFile& file, std::optional<Lang> lang_option, Diagnostics& diagnostics);

// Whether every edition's documents follow one structure: the comparison pages need that
// (a document following another is an error read_submissions reports).
bool editions_agree(const model::Site& site);

// Every submission of the site; invalid ones are reported and left out. A draft (status:
// utkast) is left out unless options.drafts, its problems counted in site.drafts_left_out
// instead of reported (reported in full for a unit in options.units).
// A submission whose structure is in broken is not checked (its structure's errors are).
void read_submissions(const SiteOptions& options, const StructureSet& structures, model::Site& site, Diagnostics& diagnostics,
                      const BrokenStructures& broken = {});

}  // namespace kv
