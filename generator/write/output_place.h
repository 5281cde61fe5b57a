// Where the output folder may be: never inside the content folder (the next build would
// read its own output as content) and never around it (the swap would replace the content).
#pragma once
#include <filesystem>

#include "diag/diagnostics.h"

namespace kv {

// True when inner is outer or lies inside it, comparing real paths (symlinks resolved; a
// path that does not exist yet is resolved through its nearest existing parent).
bool path_within(const std::filesystem::path& inner, const std::filesystem::path& outer);

// Reports an error at out and returns false when out and content overlap.
bool check_output_place(const std::filesystem::path& out, const std::filesystem::path& content, Diagnostics& diagnostics);

}  // namespace kv
