// An incremental build's write (the other one is write/output_dir.h's staging folder and
// swap). When a build makes only what changed (write/target_log.h), copying or linking every
// unchanged file into a new folder would cost more than the rendering; instead:
//   1. the files that changed are written into <out>.journal.<pid>, a marked sibling of out;
//      the files that stay are noted (KeptFiles);
//   2. the journal is sealed: the list of the output's files to remove (neither kept nor in
//      the journal) is written and renamed into place in one step;
//   3. each file of the journal is renamed into out (kvalitet's own state files last), the
//      removed ones are unlinked, and the journal is removed.
// A build killed before the seal leaves out as it was, and the next build removes the
// journal. Killed after it, out is a mix of the two builds until the next kvalitet command
// that opens it (every build, via tidy_leftovers) completes the journal first: the output
// is then the new build's, byte for byte.
#pragma once
#include <filesystem>
#include <functional>
#include <future>
#include <string>
#include <unordered_set>
#include <vector>
#include <optional>

#include "diag/diagnostics.h"
#include "write/output_tree.h"

namespace kv {

// "/x/site" → "/x/site.journal.<pid>".
std::filesystem::path journal_path(const std::filesystem::path& out, long pid);

// The file in a sealed journal that lists what to remove.
inline constexpr const char* kJournalSeal = ".kvalitet-journal";

// Writes an incremental build into the existing output folder out (one kvalitet made, for
// the same audience) through a journal. render fills the journal (its first argument) and
// notes the files that stay; it returns the number of pages, or nullopt after reporting why
// it failed. Returns that number once out holds the new build; on any failure out is as it
// was and the error is in diagnostics.
// listed: the output as list_output gave it, listed ahead (beside the validation: the listing
// is a tenth of an incremental build at 25,000 pages), or nullptr: listed here.
struct OutputListing {
  std::vector<std::string> files;  // site-relative, markers aside
  std::unordered_set<std::string> regular;  // those that are regular files
};
std::optional<int> write_output_journal(const std::filesystem::path& out, Diagnostics& diagnostics,
                                        const std::function<std::optional<int>(const std::filesystem::path&, KeptFiles&)>& render,
                                        std::future<OutputListing>* listed = nullptr);

// The output folder's files; throws WriteError when it cannot be listed whole.
OutputListing list_output(const std::filesystem::path& out);

// Completes a sealed journal into out (idempotent: a journal completed half-way by a killed
// process is completed again), then removes it. An unsealed journal is just removed. Best
// effort: what cannot be moved stays for the next attempt (false).
bool complete_journal(const std::filesystem::path& journal, const std::filesystem::path& out);

}  // namespace kv
