#include "write/markers.h"

#include <cerrno>
#include <system_error>
#include <vector>

#include "write/files.h"

namespace kv {

namespace fs = std::filesystem;

bool is_output_folder(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / kOutputMarker, ec) || fs::is_regular_file(dir / kStagingMarker, ec);
}

void remove_marked_dir(const fs::path& dir) {
  std::error_code ec;
  std::vector<fs::path> contents;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const auto name = entry.path().filename();
    if (name != kOutputMarker && name != kStagingMarker) contents.push_back(entry.path());
  }
  for (const auto& path : contents) fs::remove_all(path, ec);
  fs::remove_all(dir, ec);
}

void create_staging_dir(const fs::path& dir, long pid) {
  std::error_code ec;
  fs::create_directories(dir.parent_path(), ec);
  if (ec) throw WriteError(dir.parent_path(), ec.value());
  if (!fs::create_directory(dir, ec)) throw WriteError(dir, ec ? ec.value() : EEXIST);
  write_file(dir / kStagingMarker, std::to_string(pid) + "\n");
}

}  // namespace kv
