// Loads and validates a whole content folder into a model::Site.
#pragma once
#include <filesystem>
#include <optional>

#include "diag/diagnostics.h"
#include "load/unit_folder.h"  // valid_slug, suggest_slug
#include "model/site.h"
#include "validate/structure_file.h"

namespace kv {

struct SiteOptions {
  std::filesystem::path content_root;
  std::optional<Lang> lang;  // from the command line; overrides site.yaml
  unsigned threads = 1;
};

// The site settings alone (title, language, theme), so diagnostics can use the site's language.
model::Site read_site_settings(const SiteOptions& options, Diagnostics& report);

// Every submission of the site; invalid ones are reported and left out.
// A submission whose structure is in broken is not checked (its structure's errors are).
void read_submissions(const SiteOptions& options, const StructureSet& structures, model::Site& site, Diagnostics& report,
                      const BrokenStructures& broken = {});

}  // namespace kv
