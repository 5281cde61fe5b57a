#include "serve/watcher.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <algorithm>
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
  for (const auto& root : roots_) watch_tree(root, kMask & ~IN_DONT_FOLLOW);
}

void Watcher::watch_tree(const fs::path& top, std::uint32_t top_mask) {
  std::error_code ec;
  if (!fs::is_directory(top, ec)) return;
  add_watch(top, top_mask);
  for (auto it = fs::recursive_directory_iterator(top, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_directory(ec) || it->is_symlink(ec)) continue;
    if (is_skipped_folder(it->path())) {  // as the content walk: .git, _arkiv, an output folder
      it.disable_recursion_pending();
      continue;
    }
    add_watch(it->path(), kMask);
  }
}

void Watcher::add_watch(const fs::path& folder, std::uint32_t mask) {
  const int wd = ::inotify_add_watch(inotify_, folder.c_str(), mask);
  if (wd < 0 && errno == ENOSPC) throw std::system_error(errno, std::generic_category(), folder.string());
  std::lock_guard guard(lock_);
  if (wd >= 0) folders_[wd] = folder;  // a folder moved and watched again under its new name is named so
}

bool Watcher::read_events() {
  alignas(inotify_event) char buffer[16384];
  for (;;) {
    const ssize_t n = ::read(inotify_, buffer, sizeof buffer);
    if (n <= 0) return relevant_;  // EAGAIN: all read
    for (ssize_t at = 0; at < n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      if (event->mask & IN_IGNORED) {
        folders_.erase(event->wd);
        continue;
      }
      // Lost events (IN_Q_OVERFLOW) may have been anything: build, not knowing what changed.
      if (event->mask & IN_Q_OVERFLOW) {
        relevant_ = unknown_ = true;
        continue;
      }
      if (!is_change_worth_a_build(event->len ? event->name : "")) continue;
      relevant_ = true;
      auto folder = folders_.find(event->wd);
      if (folder == folders_.end()) {
        unknown_ = true;
        continue;
      }
      const fs::path path = event->len ? folder->second / event->name : folder->second;
      // A folder that appeared (mkdir -p, a copied unit, a checkout) is watched, and what is in it.
      if ((event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO))) new_folders_.insert(path);
      if (!unknown_) pending_.insert(path);
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
    bool relevant = changes_waiting();  // saved while the last build ran
    if (!relevant) {
      if (poll_for(-1) < 0) return false;
      relevant = changes_waiting();
    }
    if (!relevant) continue;
    // Something changed: wait until the folders have been quiet for a moment, but not for
    // ever: a file that is written to all the time must not keep the site from updating.
    const auto give_up = std::chrono::steady_clock::now() + std::max<std::chrono::milliseconds>(20 * quiet, std::chrono::seconds(1));
    int r;
    while ((r = poll_for(static_cast<int>(quiet.count()))) > 0 && std::chrono::steady_clock::now() < give_up)
      changes_waiting();
    if (r < 0) return false;
    std::set<fs::path> folders;
    bool lost = false;
    {
      std::lock_guard guard(lock_);
      read_events();
      lost = unknown_;
      if (unknown_) changed_.reset();
      else changed_ = std::move(pending_);
      pending_.clear();
      folders.swap(new_folders_);
      relevant_ = unknown_ = false;
    }
    // Events lost: any folder may be new. Walking the whole trees takes a while at city
    // scale, so otherwise only the new folders are.
    if (lost) watch_trees();
    for (const auto& folder : folders) {
      std::error_code ec;
      if (!fs::is_symlink(folder, ec) && !is_skipped_folder(folder)) watch_tree(folder, kMask);
    }
    return true;
  }
}

bool Watcher::changes_waiting() {
  std::lock_guard guard(lock_);
  return read_events();
}

void Watcher::stop() {
  const std::uint64_t one = 1;
  [[maybe_unused]] ssize_t n = ::write(stop_, &one, sizeof one);
}

}  // namespace kv::serve
