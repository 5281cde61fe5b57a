#include "write/swap.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <stdio.h>  // renameat2, RENAME_EXCHANGE (glibc ≥ 2.28)

#include <cerrno>

#include "write/markers.h"

namespace kv {

namespace fs = std::filesystem;

namespace {

std::error_code errno_code(int error) { return {error, std::generic_category()}; }

// Not atomic: between the renames out is missing; tidy_leftovers puts aside back then.
std::error_code aside_then_in(const fs::path& staging, const fs::path& out, const fs::path& aside) {
  if (::rename(out.c_str(), aside.c_str()) != 0) return errno_code(errno);
  if (::rename(staging.c_str(), out.c_str()) != 0) {
    int error = errno;
    ::rename(aside.c_str(), out.c_str());
    return errno_code(error);
  }
  remove_marked_dir(aside);  // best effort: a leftover is removed by the next build
  return {};
}

}  // namespace

std::error_code swap_into_place(const fs::path& staging, const fs::path& out, const fs::path& aside,
                                bool allow_exchange) {
  struct stat st;
  if (::lstat(out.c_str(), &st) != 0) {
    if (errno != ENOENT) return errno_code(errno);
    return ::rename(staging.c_str(), out.c_str()) == 0 ? std::error_code() : errno_code(errno);
  }
  if (allow_exchange) {
    if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, out.c_str(), RENAME_EXCHANGE) == 0) {
      remove_marked_dir(staging);  // now the old output; best effort as above
      return {};
    }
    if (errno != EINVAL && errno != ENOSYS) return errno_code(errno);
  }
  return aside_then_in(staging, out, aside);
}

}  // namespace kv
