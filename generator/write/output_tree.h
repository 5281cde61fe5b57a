// Writing the site into the staging folder while the previous output is still in place. A
// file whose bytes equal the previous build's is hard-linked from it instead of written, so
// after the swap it is the same file: same inode, same modification time. Web servers' caches,
// rsync and backups then see only what really changed, and the swap stays atomic (the
// previous output is never written to).
#pragma once
#include <filesystem>
#include <mutex>
#include <string>
#include <unordered_set>
#include <string_view>
#include <vector>

namespace kv {

// The files an incremental build keeps in place (write/journal.h): its journal holds only
// what changed, and every file of the output that is neither kept nor in the journal is
// removed. Thread-safe.
class KeptFiles {
 public:
  // The output's files before this build (every one, and the regular ones), listed once:
  // the seal removes what is neither kept nor made, and take_over needs no stat per file.
  KeptFiles(std::vector<std::string> existing = {}, std::unordered_set<std::string> regular = {})
      : existing_(std::move(existing)), regular_(std::move(regular)) {}

  void add(const std::string& path);
  bool contains(const std::string& path) const;
  const std::vector<std::string>& existing() const { return existing_; }
  bool regular(const std::string& path) const { return regular_.count(path) > 0; }

 private:
  const std::vector<std::string> existing_;
  const std::unordered_set<std::string> regular_;
  mutable std::mutex lock_;
  std::unordered_set<std::string> paths_;
};

class OutputTree {
 public:
  // previous: the output folder of the last complete build, or empty. kept: for a journal
  // (write/journal.h) in place of a staging folder: staging is then the journal, and a file
  // that comes out the same is kept where it is instead of linked.
  OutputTree(std::filesystem::path staging, std::filesystem::path previous, KeptFiles* kept = nullptr)
      : staging_(std::move(staging)), previous_(std::move(previous)), kept_(kept) {}

  const std::filesystem::path& root() const { return staging_; }
  // The previous output, where a file taken over (take_over) can be read.
  const std::filesystem::path& previous() const { return previous_; }

  // Writes content to the site-relative path, creating folders; throws WriteError.
  // Safe to call from several threads for different paths.
  void write(const std::string& path, std::string_view content) const;

  // Copies a file (an author's image, a theme's stylesheet) to the site-relative path; throws
  // WriteError (Op::kRead when from cannot be read).
  void copy(const std::filesystem::path& from, const std::string& path) const;

  // Takes the previous build's files at these site-relative paths over unchanged (linked, or
  // copied where a link is refused), for a target that need not be made again
  // (write/target_log.h). False, with nothing taken, when any of them is missing there.
  // Throws WriteError.
  bool take_over(const std::vector<std::string>& paths) const;

  // True when the site-relative path is the previous build's file (linked, so identical).
  bool unchanged(const std::string& path) const;

 private:
  std::filesystem::path staging_, previous_;
  KeptFiles* kept_ = nullptr;
};

}  // namespace kv
