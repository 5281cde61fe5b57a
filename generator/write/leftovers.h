// What a killed build leaves next to the output folder, and cleaning it up. A build works
// in <out>.staging.<pid> and, where the file system cannot swap two folders atomically,
// moves the old output aside to <out>.old.<pid>; a SIGKILL or power cut at any moment can
// leave either behind. The next build removes them, and puts the old output back first
// when the kill came between its two renames.
#pragma once
#include <filesystem>
#include <vector>

namespace kv {

struct Leftover {
  enum class Kind { kStaging, kOld, kJournal } kind;
  std::filesystem::path path;
  long pid;
};

// The sibling folders of out ("/x/site": "/x/site.staging.<pid>", "/x/site.old.<pid>").
std::filesystem::path staging_path(const std::filesystem::path& out, long pid);
std::filesystem::path aside_path(const std::filesystem::path& out, long pid);

// Marked siblings of out whose process is gone (or is this process's pid, left by an
// earlier process that had it), sorted by path. Unmarked folders are never listed.
std::vector<Leftover> find_leftovers(const std::filesystem::path& out);

// Restores out from a dead build's <out>.old.<pid> when out is missing, completes a dead
// build's sealed journal (write/journal.h), then removes every leftover (and any empty folder a build was killed in before it could mark it). Best
// effort: a folder that cannot be removed stays for the next build.
void tidy_leftovers(const std::filesystem::path& out);

// out made absolute and without a trailing slash, as the sibling names need.
std::filesystem::path output_path(const std::filesystem::path& out);

}  // namespace kv
