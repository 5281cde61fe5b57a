// Keeps libxlsxwriter's own "[ERROR] …" and "[WARNING] …" lines away from users.
//
// libxlsxwriter prints them with fprintf(stderr, …) (LXW_ERROR/LXW_WARN in common.h), and
// Debian's build has no switch to turn them off. Workbook checks every input before it
// calls the library, so normally it has nothing to say; what it still could say (a failed
// save) also comes back as an lxw_error that Workbook reports in the user's language. This
// guard is the second line of defence.
//
// How: C's `stderr` is an ordinary variable that glibc documents may be assigned. While a
// guard lives, it points at a stream that drops every line starting with "[ERROR]" or
// "[WARNING]" and writes every other byte to file descriptor 2 at once (unbuffered; at
// most the first nine bytes of a line wait until they show which kind it is).
// Redirecting file descriptor 2 itself into a pipe read by a thread was rejected: that is
// process-wide and would also capture what a crash writes to fd 2 (sanitizer reports,
// glibc's abort messages), which is lost when the process dies before the reader forwards
// it. Swapping the FILE* touches only writes through C's stderr: std::cerr (libstdc++
// keeps its own handle) and raw writes to fd 2 still reach the user unchanged.
//
// Threads: create and destroy a guard while no other thread runs (around parallel_for).
// In between, any number of threads may write workbooks: stdio locks the stream for each
// fprintf, so the filter sees one call at a time.
#pragma once
#include <cstdio>

namespace kv::xlsx {

class LibraryMessagesHidden {
 public:
  LibraryMessagesHidden();
  ~LibraryMessagesHidden();
  LibraryMessagesHidden(const LibraryMessagesHidden&) = delete;
  LibraryMessagesHidden& operator=(const LibraryMessagesHidden&) = delete;

 private:
  std::FILE* previous_ = nullptr;
  std::FILE* filter_ = nullptr;
};

}  // namespace kv::xlsx
