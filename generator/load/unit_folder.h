// The unit a user names on the command line (`kvalitet ny ENHET`, `kvalitet importera --enhet
// ENHET`) is the name of one folder in the content folder, never a path, and the files those
// commands create must land inside the content folder once every symbolic link is followed.
// Both commands check with these functions, so they accept and refuse the same names.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"

namespace kv {

// A folder name that can become a web address: a–z, 0–9 and '-', not first or last.
bool valid_slug(const std::string& name);
// The closest such name ("Nya Enheten" → "nya-enheten").
std::string suggest_slug(const std::string& name);

// Whether name is a single folder name: not empty, not "." or "..", no '/' or '\\', not
// starting with '.' or '_' (hidden and kvalitet's own folders), no control characters.
bool is_folder_name(std::string_view name);

// The error (message and hint, in report's language) for a unit name a command must refuse:
// one that is no folder name at all, or one that cannot become a web address. nullopt when
// the name may be used.
struct UnitNameError {
  std::string message, hint;
};
std::optional<UnitNameError> unit_name_error(const std::string& name, const Diagnostics& diagnostics);

// Those of targets (files about to be created for the author) that would not lie inside
// content_root after following links; one per place where they leave (the nearest folder
// that exists), so a linked unit folder is one error, not one per file. A content folder
// that does not exist yet holds no links, so nothing under it can lead out: then none.
// Never throws.
std::vector<std::filesystem::path> targets_outside(const std::filesystem::path& content_root,
                                                   const std::vector<std::filesystem::path>& targets);

}  // namespace kv
