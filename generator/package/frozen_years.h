// Frozen years (site.yaml frysta_år:): a published year's pages may not change. Its archive
// package lies in the content folder (content/_arkiv/kvalitet-<år>/, as `kvalitet arkiv <år>
// --arkiv content/_arkiv` writes it) and is the year's part of the site: its pages,
// workbooks, PDFs and images are copied into every build byte for byte and never rendered
// again, so no later change of templates, theme or kvalitet itself can rewrite or break
// them. In return the package must be exactly what was archived (every checksum, no file
// more or less) and so must the year's sources in the content folder.
#pragma once
#include <filesystem>
#include <vector>

#include "diag/diagnostics.h"

namespace kv {

class OutputTree;

// Verifies each frozen year's package whole (package/bag_check.h) and compares the year's
// sources in it (kalla/<enhet>/<år>/) with the content folder's; reports every difference,
// each naming its file, and returns false when there was one.
bool check_frozen_years(const std::vector<int>& years, const std::filesystem::path& content_root, Diagnostics& diags);

// Puts each frozen year's site files from its package into the staged site as they are,
// plus any theme file the package has and the current theme lacks (so an old page never
// loses its stylesheet); returns the number of pages placed. Throws WriteError.
int place_frozen_years(const std::vector<int>& years, const std::filesystem::path& content_root, const OutputTree& tree);

}  // namespace kv
