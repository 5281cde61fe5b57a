// The write stage: the site is rendered into a staging folder next to the output folder
// and swapped in only when everything succeeded, so a failed build leaves the previous
// output intact. A marker file keeps kvalitet from replacing a folder it did not build.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string_view>

#include "diag/report.h"

namespace kv {

inline constexpr const char* kOutputMarker = ".kvalitet-output";

// render fills the staging folder and returns the number of pages, or nullopt on failure
// (after reporting why). Returns that number once the output folder has been replaced.
std::optional<int> write_output_dir(const std::filesystem::path& out, Report& report,
                                    const std::function<std::optional<int>(const std::filesystem::path&)>& render);

// Writes a file, creating its folders; throws std::runtime_error with the path on failure.
void write_file(const std::filesystem::path& file, std::string_view content);

}  // namespace kv
