// The write stage: the site is rendered into a staging folder next to the output folder
// and swapped in only when everything succeeded, so a failed, killed or disk-full build
// leaves the previous output intact. A marker file keeps kvalitet from replacing a folder
// it did not build; leftovers of killed builds are removed by the next one (leftovers.h).
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "diag/diagnostics.h"
#include "write/files.h"
#include "write/markers.h"

namespace kv {

// render fills the staging folder and returns the number of pages, or nullopt on failure
// (after reporting why); it may throw WriteError (or any exception), which stops the build
// with one error. Returns that number once the output folder has been replaced.
// audience: the word the marker records (model/audience.h's audience_word).
std::optional<int> write_output_dir(const std::filesystem::path& out, Diagnostics& diagnostics,
                                    const std::function<std::optional<int>(const std::filesystem::path&)>& render,
                                    std::string_view audience = "publik");

// Creates dir (a sibling of the output, marked as kvalitet's: write/markers.h) and runs fill
// in it. Any failure becomes one error, with paths shown under out_display, and dir is
// removed; returns fill's result (nullopt on failure).
std::optional<int> fill_marked_dir(const std::filesystem::path& dir, long pid, const std::string& out_display,
                                   Diagnostics& diagnostics, const std::function<std::optional<int>()>& fill);

// The one error for a failed write: a full disk names the file system, anything else the
// file (shown under out, not under the staging folder) and the reason in plain words.
void report_write_error(const WriteError& e, const std::filesystem::path& staging, const std::string& out_display,
                        Diagnostics& diagnostics);

// The reason for errno in the report's language ("åtkomst nekad").
std::string write_error_reason(int error, const Diagnostics& diagnostics);

}  // namespace kv
