#include "write/files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kv {

namespace fs = std::filesystem;

WriteError::WriteError(fs::path path, int error, Op op)
    : std::runtime_error(path.string() + ": " + std::strerror(error)), path_(std::move(path)), error_(error), op_(op) {}

bool WriteError::disk_full() const { return error_ == ENOSPC || error_ == EDQUOT; }

void report_write_failure(const fs::path& file, int error) { throw WriteError(file, error); }

namespace {

void make_parent(const fs::path& file) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  if (ec) throw WriteError(file.parent_path(), ec.value());
}

// POSIX calls rather than a stream: a stream's failure does not say why, and the reason
// (ENOSPC above all) is what the user needs.
void write_all(int fd, const fs::path& file, std::string_view content) {
  for (size_t done = 0; done < content.size();) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int error = errno;
      ::close(fd);
      throw WriteError(file, error);
    }
    done += static_cast<size_t>(n);
  }
  // close reports delayed write errors on some file systems (NFS), so it is checked too.
  if (::close(fd) != 0 && errno != EINTR) throw WriteError(file, errno);
}

}  // namespace

void write_file(const fs::path& file, std::string_view content) {
  make_parent(file);
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw WriteError(file, errno);
  write_all(fd, file, content);
}

std::string read_file(const fs::path& from) {
  int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) throw WriteError(from, errno, WriteError::Op::kRead);
  std::string content;
  char buffer[65536];
  for (ssize_t n; (n = ::read(in, buffer, sizeof buffer)) != 0;) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int error = errno;
      ::close(in);
      throw WriteError(from, error, WriteError::Op::kRead);
    }
    content.append(buffer, static_cast<size_t>(n));
  }
  ::close(in);
  return content;
}

void copy_file_into(const fs::path& from, const fs::path& to) { write_file(to, read_file(from)); }

}  // namespace kv
