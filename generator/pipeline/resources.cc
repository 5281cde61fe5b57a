#include "pipeline/resources.h"

#include <vector>

namespace kv {

namespace fs = std::filesystem;

std::optional<fs::path> find_resource_dir(const std::string& name, const std::string& override_dir,
                                         const fs::path& executable) {
  std::error_code ec;
  if (!override_dir.empty()) {
    if (fs::is_directory(override_dir, ec)) return fs::path(override_dir);
    return std::nullopt;
  }
  std::vector<fs::path> candidates = {fs::path(name)};
  // argv[0] is a bare name when the program was found on PATH (an installed kvalitet); the
  // kernel's link to the running binary still knows where it lies.
  for (const fs::path& given : {executable, fs::path("/proc/self/exe")}) {
    fs::path exe = fs::canonical(given, ec);
    if (ec) continue;
    candidates.push_back(exe.parent_path().parent_path() / name);
    candidates.push_back(exe.parent_path().parent_path() / "share" / "kvalitet" / name);
  }
  for (const auto& c : candidates)
    if (fs::is_directory(c, ec)) return c;
  return std::nullopt;
}

}  // namespace kv
