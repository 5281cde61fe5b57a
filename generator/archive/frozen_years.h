// Frozen years (site.yaml frysta_år:): a published year's pages may not change. Its archive
// package lies in the content folder (content/_arkiv/kvalitet-<år>/, as `kvalitet arkiv <år>
// --arkiv content/_arkiv` writes it), and every build compares the year's newly made files,
// packaged the same way, with the package's: a template or theme change that would rewrite
// history stops the build instead.
#pragma once
#include <filesystem>
#include <vector>

#include "diag/diagnostics.h"

namespace kv {

// The folder frozen years' packages are kept in, under the content folder.
inline constexpr const char* kArchiveFolder = "_arkiv";

// Reports every difference between the staged site's frozen years and their packages (a file
// changed, gone or added; a PDF only when both have it); false when there was one.
bool check_frozen_years(const std::vector<int>& years, const std::filesystem::path& staging,
                        const std::filesystem::path& content_root, Diagnostics& diags);

}  // namespace kv
