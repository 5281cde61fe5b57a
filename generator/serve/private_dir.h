// The folder `kvalitet serve` builds into: a private scratch folder (write/scratch_dir.h),
// removed when the object dies. It is never the published output folder, so trying out an
// edit cannot replace the site that is about to be published.
#pragma once
#include <filesystem>
#include <string>

#include "write/scratch_dir.h"

namespace kv::serve {

class PrivateDir {
 public:
  // Throws std::system_error when the folder cannot be created.
  PrivateDir() : scratch_("kvalitet-serve-") {}

  const std::filesystem::path& path() const { return scratch_.path(); }
  // Where the site is built, inside path(); the write stage swaps new builds in here.
  std::filesystem::path site() const { return path() / "site"; }

 private:
  ScratchDir scratch_;
};

}  // namespace kv::serve
