// Writing one file of the output, and the one way a write failure travels: WriteError, which
// carries the path and the system's error number so the write stage can say what happened
// (a full disk, a read-only file system, …) in one message instead of one per file.
#pragma once
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kv {

class WriteError : public std::runtime_error {
 public:
  enum class Op { kWrite, kRead };
  WriteError(std::filesystem::path path, int error, Op op = Op::kWrite);
  const std::filesystem::path& path() const { return path_; }
  int error() const { return error_; }  // errno
  Op op() const { return op_; }
  bool disk_full() const;  // ENOSPC or EDQUOT: no room left, whichever file hit it

 private:
  std::filesystem::path path_;
  int error_;
  Op op_;
};

// For writers that do not go through write_file (libxlsxwriter, other libraries): call it
// with the file and the errno of the failed call; throws WriteError.
[[noreturn]] void report_write_failure(const std::filesystem::path& file, int error);

// Writes a file, creating its folders; throws WriteError on failure. For kvalitet's own
// files in a folder it made (a staging folder, a bag under construction): an existing file
// is truncated in place.
void write_file(const std::filesystem::path& file, std::string_view content);

// Replaces an author's file atomically: the new bytes go to a temporary file in the same
// folder, are synced, take the old file's permissions and are renamed over it. A kill, a
// full disk or any failure leaves the old file as it was. A symbolic link at file is
// refused (ELOOP): the caller resolves links and checks where they lead first. Throws
// WriteError.
void replace_file(const std::filesystem::path& file, std::string_view content);

// Replaces a file of a site folder being served (serve's private output) at once: the bytes
// go to a temporary file beside it, renamed over it, so a reader sees the old file or the new
// one, never a part. Not synced: the folder is serve's own and does not outlive it. Creates
// the folders; throws WriteError.
void swap_in_file(const std::filesystem::path& file, std::string_view content);

// Creates a file that must not exist yet (scaffolds, imports: never replace an author's
// work), creating its folders. Written to a temporary file first and linked into place, so
// the file appears whole or not at all. Throws WriteError (EEXIST when something is there,
// a dangling symbolic link included).
void create_file(const std::filesystem::path& file, std::string_view content);

// The whole of a file; throws WriteError (Op::kRead) when it cannot be read.
std::string read_file(const std::filesystem::path& file);

// A file kvalitet wrote for a later build (a stored document, a search piece), read back
// from an output folder: a symbolic link is refused (ELOOP: it could lead out of the folder),
// anything else that is not a regular file (EINVAL: a FIFO would block), and a file growing
// past max_bytes while it is read (EFBIG). Throws WriteError.
std::string read_own_file(const std::filesystem::path& file, std::uintmax_t max_bytes);

// Copies a file (an author's image) into the output, creating its folders; throws WriteError
// (Op::kRead when the source cannot be read).
void copy_file_into(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace kv
