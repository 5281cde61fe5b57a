// The folder `kvalitet serve` builds into: a fresh mkdtemp folder under $TMPDIR (or /tmp),
// removed when the object dies. It is never the published output folder, so trying out an
// edit cannot replace the site that is about to be published.
#pragma once
#include <filesystem>
#include <string>

namespace kv::serve {

class PrivateDir {
 public:
  // Throws std::system_error when the folder cannot be created.
  PrivateDir();
  ~PrivateDir();
  PrivateDir(const PrivateDir&) = delete;
  PrivateDir& operator=(const PrivateDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Where the site is built, inside path(); the write stage swaps new builds in here.
  std::filesystem::path site() const { return path_ / "site"; }

 private:
  std::filesystem::path path_;
};

}  // namespace kv::serve
