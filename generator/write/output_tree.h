// Writing the site into the staging folder while the previous output is still in place. A
// file whose bytes equal the previous build's is hard-linked from it instead of written, so
// after the swap it is the same file: same inode, same modification time. Web servers' caches,
// rsync and backups then see only what really changed, and the swap stays atomic (the
// previous output is never written to).
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kv {

class OutputTree {
 public:
  // previous: the output folder of the last complete build, or empty.
  OutputTree(std::filesystem::path staging, std::filesystem::path previous)
      : staging_(std::move(staging)), previous_(std::move(previous)) {}

  const std::filesystem::path& root() const { return staging_; }

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
};

}  // namespace kv
