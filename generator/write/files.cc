#include "write/files.h"

#include <fcntl.h>
#include <sys/stat.h>
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

// A temporary file beside file (same folder, so rename and link stay on one file system),
// holding content and synced (unless told not to); returns its path. Throws WriteError, leaving nothing behind.
fs::path write_temporary(const fs::path& file, std::string_view content, mode_t mode, bool sync = true) {
  std::string name = (file.parent_path() / ("." + file.filename().string() + ".kvalitet-XXXXXX")).string();
  int fd = ::mkstemp(name.data());
  if (fd < 0) throw WriteError(file, errno);
  const fs::path temp = name;
  try {
    if (::fchmod(fd, mode) != 0) {
      const int error = errno;
      ::close(fd);
      throw WriteError(file, error);
    }
    for (size_t done = 0; done < content.size();) {
      ssize_t n = ::write(fd, content.data() + done, content.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        const int error = errno;
        ::close(fd);
        throw WriteError(file, error);
      }
      done += static_cast<size_t>(n);
    }
    if (sync && ::fsync(fd) != 0) {
      const int error = errno;
      ::close(fd);
      throw WriteError(file, error);
    }
    if (::close(fd) != 0 && errno != EINTR) throw WriteError(file, errno);
  } catch (...) {
    ::unlink(temp.c_str());
    throw;
  }
  return temp;
}

// The permissions a new file gets: 0666 less the umask, as open(O_CREAT) would give.
mode_t new_file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

void sync_folder(const fs::path& dir) {
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);  // best effort: the rename itself has happened
  ::close(fd);
}

}  // namespace

void replace_file(const fs::path& file, std::string_view content) {
  struct stat old {};
  mode_t mode = new_file_mode();
  if (::lstat(file.c_str(), &old) == 0) {
    if (S_ISLNK(old.st_mode)) throw WriteError(file, ELOOP);
    if (!S_ISREG(old.st_mode)) throw WriteError(file, EISDIR);
    mode = old.st_mode & 07777;
  }
  make_parent(file);
  const fs::path temp = write_temporary(file, content, mode);
  if (::rename(temp.c_str(), file.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    throw WriteError(file, error);
  }
  sync_folder(file.parent_path());
}

void swap_in_file(const fs::path& file, std::string_view content) {
  make_parent(file);
  // 0644 as write_file's pages (asking the umask is not safe beside other threads).
  const fs::path temp = write_temporary(file, content, 0644, false);
  if (::rename(temp.c_str(), file.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    throw WriteError(file, error);
  }
}

void create_file(const fs::path& file, std::string_view content) {
  struct stat there {};
  if (::lstat(file.c_str(), &there) == 0) throw WriteError(file, EEXIST);
  make_parent(file);
  const fs::path temp = write_temporary(file, content, new_file_mode());
  // link() fails with EEXIST when anything (a file, a link, a folder) took the name meanwhile.
  const int linked = ::link(temp.c_str(), file.c_str());
  const int error = errno;
  ::unlink(temp.c_str());
  if (linked != 0) throw WriteError(file, error);
  sync_folder(file.parent_path());
}

void write_file(const fs::path& file, std::string_view content) {
  // The folder is made only when missing: a build writes tens of thousands of files into
  // folders that mostly exist already, and asking first costs a path lookup each.
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0 && errno == ENOENT) {
    make_parent(file);
    fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  }
  if (fd < 0) throw WriteError(file, errno);
  write_all(fd, file, content);
}

namespace {

// regular_only: anything but a regular file (a FIFO would block the read) is refused, EINVAL.
std::string read_up_to(const fs::path& from, int flags, std::uintmax_t max_bytes, bool regular_only = false) {
  int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC | flags);
  if (in < 0) throw WriteError(from, errno, WriteError::Op::kRead);
  struct stat st {};
  if (regular_only && (::fstat(in, &st) != 0 || !S_ISREG(st.st_mode))) {
    ::close(in);
    throw WriteError(from, EINVAL, WriteError::Op::kRead);
  }
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
    if (content.size() > max_bytes) {
      ::close(in);
      throw WriteError(from, EFBIG, WriteError::Op::kRead);
    }
  }
  ::close(in);
  return content;
}

}  // namespace

std::string read_file(const fs::path& from) { return read_up_to(from, 0, SIZE_MAX); }

std::string read_own_file(const fs::path& from, std::uintmax_t max_bytes) {
  // O_NONBLOCK: opening a FIFO does not wait for a writer; it is then refused as not regular.
  return read_up_to(from, O_NOFOLLOW | O_NONBLOCK, max_bytes, true);
}

void copy_file_into(const fs::path& from, const fs::path& to) { write_file(to, read_file(from)); }

}  // namespace kv
