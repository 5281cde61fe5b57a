// The layout of a year's archive package (`kvalitet arkiv <år>`, archive/year_archive.h) and
// of what goes into it: which files of a built site belong to a year, and which source files
// of the content folder (found by the content walk, load/content_path.h). Shared by the
// archive that writes packages and by every build that reads a frozen year's package
// (package/frozen_years.h), so that both agree on what a package holds.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace kv {

// A package's payload folders (under the bag's data/): the year's site and its sources.
inline constexpr const char* kPackageSite = "webbplats";
inline constexpr const char* kPackageSources = "kalla";

// Whether a site file belongs to the year's package: <år>/…, jamforelse/<år>/…, the images
// of the year's documents (media/<enhet>/<år>/…) and the theme's assets/….
bool in_year_package(const std::string& site_path, int year);

// The regular files under a built site's folder dir (links not followed, hidden ones left
// out), relative, sorted.
std::vector<std::string> regular_files_under(const std::filesystem::path& dir);

// The units of a content folder (or of a package's kalla/) with a folder for the year, sorted,
// as the content walk finds them (load/content_path.h: content_subfolders).
std::vector<std::string> year_source_units(const std::filesystem::path& content, int year);

// The files of those year folders, as the content walk finds them (content_files_under):
// "<enhet>/<år>/<relative path>", sorted.
std::vector<std::string> year_source_files(const std::filesystem::path& content, int year);

// The site files of the year's package, relative and sorted (hidden files left out).
std::vector<std::string> year_site_files(const std::filesystem::path& site, int year);

// The folder of a year's package under dir: <dir>/kvalitet-<år>.
std::filesystem::path package_dir(const std::filesystem::path& dir, int year);

}  // namespace kv
