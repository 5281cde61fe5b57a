#include "render/xlsx/library_messages.h"

#include <unistd.h>

#include <cerrno>
#include <memory>
#include <string>
#include <string_view>

namespace kv::xlsx {
namespace {

constexpr std::string_view kPrefixes[] = {"[ERROR]", "[WARNING]"};

// The state of the line being written: its first bytes while they may still begin one of
// libxlsxwriter's prefixes, then whether the rest is dropped or forwarded.
struct LineFilter {
  explicit LineFilter(int out) : fd(out) {}
  int fd;
  enum class State { kUndecided, kForward, kDrop } state = State::kUndecided;
  std::string start;
};

bool is_library_line(std::string_view start) {
  for (auto p : kPrefixes)
    if (start == p) return true;
  return false;
}

bool may_become_library_line(std::string_view start) {
  for (auto p : kPrefixes)
    if (p.substr(0, start.size()) == start) return true;
  return false;
}

void write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // nowhere to report a failing stderr
    bytes.remove_prefix(static_cast<size_t>(n));
  }
}

ssize_t filter_write(void* cookie, const char* buffer, size_t size) {
  auto& f = *static_cast<LineFilter*>(cookie);
  std::string kept;
  for (size_t i = 0; i < size; ++i) {
    const char c = buffer[i];
    if (f.state == LineFilter::State::kUndecided) {
      f.start += c;
      if (is_library_line(f.start)) {
        f.state = LineFilter::State::kDrop;
        f.start.clear();
      } else if (!may_become_library_line(f.start)) {
        f.state = LineFilter::State::kForward;
        kept += f.start;
        f.start.clear();
      }
    } else if (f.state == LineFilter::State::kForward) {
      kept += c;
    }
    if (c == '\n') f.state = LineFilter::State::kUndecided;
  }
  write_all(f.fd, kept);
  return static_cast<ssize_t>(size);
}

int filter_close(void* cookie) {
  auto* f = static_cast<LineFilter*>(cookie);
  write_all(f->fd, f->start);  // an unfinished line that only looked like a prefix
  delete f;
  return 0;
}

}  // namespace

LibraryMessagesHidden::LibraryMessagesHidden() : previous_(stderr) {
  std::fflush(previous_);
  const int fd = fileno(previous_);  // -1 when stderr is already a guard's stream
  auto filter = std::make_unique<LineFilter>(fd < 0 ? STDERR_FILENO : fd);
  filter_ = fopencookie(filter.get(), "w", {nullptr, filter_write, nullptr, filter_close});
  if (!filter_) return;  // then libxlsxwriter's lines stay visible; nothing worse
  filter.release();      // filter_close deletes it
  std::setvbuf(filter_, nullptr, _IONBF, 0);
  stderr = filter_;
}

LibraryMessagesHidden::~LibraryMessagesHidden() {
  if (!filter_) return;
  stderr = previous_;
  std::fclose(filter_);
}

}  // namespace kv::xlsx
