// The content boundary. Everything kvalitet reads on an author's behalf — YAML, Markdown,
// images — must lie inside the content folder after following symbolic links, and must be a
// regular file (a FIFO or device would hang the build or read the machine). Links that stay
// inside are allowed: authors use them to share an image between years. Links that leave the
// folder are errors and are never followed, so no file of the build machine can be published.
#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"

namespace kv {

// content_root's canonical form, resolved once per walk or submission (fs::canonical is a
// system call per path component) and shared by every check made there.
struct ContentRoot {
  std::filesystem::path path;       // as given, for display and for building paths
  std::filesystem::path canonical;  // symlinks resolved; empty when the folder does not exist
  explicit ContentRoot(const std::filesystem::path& root);

  // A folder's canonical form, resolved once and remembered: a file that is no link lies
  // where its folder really is, so classifying 20,000 files resolves only their folders.
  // Empty when it cannot be resolved. Thread-safe.
  std::filesystem::path real_folder(const std::filesystem::path& folder) const;

 private:
  struct Folders;
  std::shared_ptr<Folders> folders_;
};

enum class PathState { kInside, kOutside, kMissing, kNotRegular, kNotFolder };

// Where path really leads: inside or outside the content folder, missing, or not a regular
// file (want_folder: not a folder). Never throws.
PathState classify_path(const ContentRoot& root, const std::filesystem::path& path, bool want_folder = false);

// Whether a file kvalitet is about to write for the author (a scaffold, an import, a value
// filled in) lands inside the content folder once every symbolic link on its way is
// followed. The path need not exist yet: its nearest existing ancestor is resolved and the
// rest must hold no "..". Never throws.
bool write_target_inside(const ContentRoot& root, const std::filesystem::path& path);

// Reports a path that is not a readable file (or folder) inside the content folder, at `at`
// (the place that referred to it; the path itself when it was found by the walk), naming it
// as `shown` (as the author wrote it). Returns true when the path may be read.
bool check_content_path(const ContentRoot& root, const std::filesystem::path& path, const std::string& shown,
                        const SourcePos& at, Diagnostics& diagnostics, bool want_folder = false);

// The entries of a content folder, sorted by name. A folder with more than
// limits::kFolderEntries entries is reported once and gives no entries: 100 000 stray files
// should give one message, not 100 000.
using Entries = std::vector<std::filesystem::directory_entry>;
Entries list_content_folder(const std::filesystem::path& dir, Diagnostics& diagnostics);

// Whether the walk passes by a folder: its name says so (load/content_names.h), or it is a
// build's output folder (an output folder inside content/ is not a unit).
bool is_skipped_folder(const std::filesystem::path& dir);

// The subfolders of a content folder that the walk of units, years and documents enters, in
// name order: not skipped (is_skipped_folder), and inside the content folder after following
// links (a link out, or anything that is not a folder after all, is reported, never entered).
// The one walk of the content folder: validation, kvalitet kolada and kvalitet arkiv use it.
std::vector<std::filesystem::path> content_subfolders(const ContentRoot& root, const Entries& entries, Diagnostics& diagnostics);

// Every file below dir that the walk sees, relative to dir and sorted: ignored files
// (load/content_names.h) and skipped folders left out; a linked file is listed when it leads
// to a regular file inside the content folder (a link out is reported), a linked folder is
// not entered, nor is anything deeper than kMaxWalkDepth folders below dir.
inline constexpr int kMaxWalkDepth = 8;
std::vector<std::string> content_files_under(const ContentRoot& root, const std::filesystem::path& dir, Diagnostics& diagnostics);

}  // namespace kv
