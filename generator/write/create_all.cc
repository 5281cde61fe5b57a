#include "write/create_all.h"

#include <algorithm>
#include <set>

#include "write/files.h"

namespace kv {

namespace fs = std::filesystem;

namespace {

bool present(const fs::path& p) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(p, ec));
}

}  // namespace

void create_all(const std::vector<NewFile>& files) {
  // The folders that are not there yet: made on the way, removed again on failure.
  std::set<fs::path> new_folders;
  for (const auto& f : files)
    for (fs::path dir = f.path.parent_path(); !dir.empty() && !present(dir); dir = dir.parent_path()) {
      new_folders.insert(dir);
      if (dir == dir.parent_path()) break;
    }
  std::vector<fs::path> created;
  try {
    for (const auto& f : files) {
      if (f.copy_from)
        create_file(f.path, read_file(*f.copy_from));
      else
        create_file(f.path, f.content);
      created.push_back(f.path);
    }
  } catch (const WriteError&) {
    std::error_code ec;
    for (const auto& p : created) fs::remove(p, ec);
    // Deepest first: a folder is removed only when empty, so nothing that was there is lost.
    for (auto it = new_folders.rbegin(); it != new_folders.rend(); ++it) fs::remove(*it, ec);
    throw;
  }
}

}  // namespace kv
