// The marker files that say a folder is kvalitet's own: an output folder it built, or a
// staging folder a build is filling. Only marked folders are ever replaced or removed, and
// the content walk skips them (an output folder inside content/ is not a unit).
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kv {

// In every complete build; written last into the staging folder, so it also says "complete".
inline constexpr const char* kOutputMarker = ".kvalitet-output";
// In a staging folder from the moment it exists; holds the building process's pid.
inline constexpr const char* kStagingMarker = ".kvalitet-staging";

// The output marker's text: "kvalitet", then the audience the folder was built for.
std::string output_marker_text(std::string_view audience);
// The audience an output folder was built for ("publik" for a marker that names none, as
// before audiences existed); nullopt when dir has no output marker.
std::optional<std::string> output_audience(const std::filesystem::path& dir);

// True for a folder that carries either marker.
bool is_output_folder(const std::filesystem::path& dir);

// Removes a marked folder: its contents first, its markers last, so that a removal cut
// short by a kill leaves a folder still recognisable as ours (for the next build to finish).
// Best effort, never throws.
void remove_marked_dir(const std::filesystem::path& dir);

// Creates dir (which must not exist) with the staging marker inside; throws WriteError.
void create_staging_dir(const std::filesystem::path& dir, long pid);

}  // namespace kv
