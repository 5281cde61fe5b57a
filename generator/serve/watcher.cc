#include "serve/watcher.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <system_error>

#include "load/content_names.h"
#include "load/content_path.h"

namespace kv::serve {

namespace fs = std::filesystem;

namespace {

constexpr std::uint32_t kMask = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                                IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_DONT_FOLLOW;

}  // namespace

bool is_change_worth_a_build(const char* name) {
  const std::string_view n = name;
  if (n.empty()) return true;  // an event on a watched folder itself
  // The content walk's rule (load/content_names.h): vim's .x.swp, .x.swx and 4913 probe,
  // emacs's #x# and .#x, x~, hidden files and the like are never content.
  return !is_ignored_file(n);
}

Watcher::Watcher(std::vector<fs::path> roots) : roots_(std::move(roots)) {
  inotify_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify_ < 0) throw std::system_error(errno, std::generic_category(), "inotify_init1");
  stop_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (stop_ < 0) {
    const int e = errno;
    ::close(inotify_);
    throw std::system_error(e, std::generic_category(), "eventfd");
  }
  watch_trees();
}

Watcher::~Watcher() {
  ::close(inotify_);
  ::close(stop_);
}

// Adding a watch a folder already has returns the same watch, so walking again is cheap
// and needs no bookkeeping; a deleted folder's watch goes away by itself (IN_IGNORED).
void Watcher::watch_trees() {
  for (const auto& root : roots_) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) continue;
    if (::inotify_add_watch(inotify_, root.c_str(), kMask & ~IN_DONT_FOLLOW) < 0) {
      if (errno == ENOSPC) throw std::system_error(errno, std::generic_category(), root.string());
      continue;
    }
    for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_directory(ec) || it->is_symlink(ec)) continue;
      if (is_skipped_folder(it->path())) {  // as the content walk: .git, _arkiv, an output folder
        it.disable_recursion_pending();
        continue;
      }
      if (::inotify_add_watch(inotify_, it->path().c_str(), kMask) < 0 && errno == ENOSPC)
        throw std::system_error(errno, std::generic_category(), it->path().string());
    }
  }
}

bool Watcher::read_events() {
  alignas(inotify_event) char buffer[16384];
  bool relevant = false;
  for (;;) {
    const ssize_t n = ::read(inotify_, buffer, sizeof buffer);
    if (n <= 0) return relevant;  // EAGAIN: all read
    for (ssize_t at = 0; at < n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      if (event->mask & IN_IGNORED) continue;
      // Lost events (IN_Q_OVERFLOW) may have been anything: build.
      if ((event->mask & IN_Q_OVERFLOW) || is_change_worth_a_build(event->len ? event->name : "")) relevant = true;
    }
  }
}

int Watcher::poll_for(int timeout_ms) {
  pollfd fds[2] = {{stop_, POLLIN, 0}, {inotify_, POLLIN, 0}};
  for (;;) {
    const int r = ::poll(fds, 2, timeout_ms);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0 || (fds[0].revents & POLLIN)) return -1;
    return r == 0 ? 0 : 1;
  }
}

bool Watcher::wait_for_change(std::chrono::milliseconds quiet) {
  for (;;) {
    int r = poll_for(-1);
    if (r < 0) return false;
    if (!read_events()) continue;
    // Something changed: wait until the folders have been quiet for a moment, but not for
    // ever: a file that is written to all the time must not keep the site from updating.
    const auto give_up = std::chrono::steady_clock::now() + 20 * quiet;
    while ((r = poll_for(static_cast<int>(quiet.count()))) > 0 && std::chrono::steady_clock::now() < give_up)
      read_events();
    if (r < 0) return false;
    watch_trees();
    return true;
  }
}

void Watcher::stop() {
  const std::uint64_t one = 1;
  [[maybe_unused]] ssize_t n = ::write(stop_, &one, sizeof one);
}

}  // namespace kv::serve
