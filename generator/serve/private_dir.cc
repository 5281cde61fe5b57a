#include "serve/private_dir.h"

#include <stdlib.h>

#include <cerrno>
#include <cstdlib>
#include <system_error>

namespace kv::serve {

namespace fs = std::filesystem;

namespace {

fs::path temp_base() {
  if (const char* dir = std::getenv("TMPDIR"); dir && *dir) return dir;
  return "/tmp";
}

}  // namespace

PrivateDir::PrivateDir() {
  std::string pattern = (temp_base() / "kvalitet-serve-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::system_error(errno, std::generic_category(), pattern);
  path_ = pattern;
}

PrivateDir::~PrivateDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

}  // namespace kv::serve
