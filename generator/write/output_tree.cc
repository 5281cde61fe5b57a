#include "write/output_tree.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "write/files.h"

namespace kv {

namespace fs = std::filesystem;

namespace {

// True when file holds exactly content. Any failure to read counts as "differs".
bool holds(const fs::path& file, std::string_view content) {
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);  // a link is never taken over
  if (fd < 0) return false;
  struct stat st {};
  bool same = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) == content.size();
  char buffer[65536];
  for (size_t done = 0; same && done < content.size();) {
    ssize_t n = ::read(fd, buffer, std::min(sizeof buffer, content.size() - done));
    if (n < 0 && errno == EINTR) continue;
    same = n > 0 && std::memcmp(buffer, content.data() + done, static_cast<size_t>(n)) == 0;
    done += n > 0 ? static_cast<size_t>(n) : 0;
  }
  ::close(fd);
  return same;
}

}  // namespace

void KeptFiles::add(const std::string& path) {
  std::lock_guard guard(lock_);
  paths_.insert(path);
}

bool KeptFiles::contains(const std::string& path) const {
  std::lock_guard guard(lock_);
  return paths_.count(path) > 0;
}

void OutputTree::write(const std::string& path, std::string_view content) const {
  const fs::path target = staging_ / path;
  if (kept_) {  // a journal: the output's file stays when it holds these bytes
    if (holds(previous_ / path, content)) {
      kept_->add(path);
      ::unlink(target.c_str());  // written once already by another writer: the output's file is right
      return;
    }
    write_file(target, content);
    return;
  }
  if (!previous_.empty()) {
    // A path written twice (an image two answers show) may already be a link to the previous
    // output's file: it must be replaced, never written through.
    ::unlink(target.c_str());
    const fs::path old = previous_ / path;
    if (holds(old, content)) {
      std::error_code ec;
      fs::create_directories(target.parent_path(), ec);
      if (ec) throw WriteError(target.parent_path(), ec.value());
      if (::link(old.c_str(), target.c_str()) == 0) return;
      // Another file system, a link limit, …: write it instead.
    }
  }
  write_file(target, content);
}

void OutputTree::copy(const fs::path& from, const std::string& path) const {
  write(path, read_file(from));
}

bool OutputTree::take_over(const std::vector<std::string>& paths) const {
  if (previous_.empty()) return false;
  if (kept_) {  // a journal: the output's files were listed before the build
    for (const auto& path : paths)
      if (!kept_->regular(path)) return false;
    for (const auto& path : paths) kept_->add(path);
    return true;
  }
  for (const auto& path : paths) {
    struct stat st {};
    if (::lstat((previous_ / path).c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  }
  for (const auto& path : paths) {
    const fs::path target = staging_ / path, old = previous_ / path;
    ::unlink(target.c_str());
    if (::link(old.c_str(), target.c_str()) == 0) continue;
    if (errno == ENOENT) {  // the folder is not there yet
      std::error_code ec;
      fs::create_directories(target.parent_path(), ec);
      if (ec) throw WriteError(target.parent_path(), ec.value());
      if (::link(old.c_str(), target.c_str()) == 0) continue;
    }
    write_file(target, read_file(old));  // another file system, a link limit, …
  }
  return true;
}

bool OutputTree::unchanged(const std::string& path) const {
  if (previous_.empty()) return false;
  struct stat now {}, before {};
  return ::stat((staging_ / path).c_str(), &now) == 0 && ::stat((previous_ / path).c_str(), &before) == 0 &&
         now.st_ino == before.st_ino && now.st_dev == before.st_dev;
}

}  // namespace kv
