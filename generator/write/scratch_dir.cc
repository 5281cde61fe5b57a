#include "write/scratch_dir.h"

#include <stdlib.h>

#include <cerrno>
#include <cstdlib>
#include <system_error>

namespace kv {

namespace fs = std::filesystem;

fs::path temp_base() {
  if (const char* dir = std::getenv("TMPDIR"); dir && *dir) return dir;
  return "/tmp";
}

ScratchDir::ScratchDir(const std::string& prefix) {
  std::string pattern = (temp_base() / (prefix + "XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::system_error(errno, std::generic_category(), pattern);
  path_ = pattern;
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

}  // namespace kv
