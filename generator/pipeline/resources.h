// Locates templates/ and themes/: an explicit option wins, then the current folder, then
// the folder above the executable (a build tree), then the installed share folder.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace kv {

std::optional<std::filesystem::path> find_resource_dir(const std::string& name, const std::string& override_dir,
                                                       const std::filesystem::path& executable);

}  // namespace kv
