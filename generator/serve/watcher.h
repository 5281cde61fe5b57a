// Watching the author's folders (content, templates, themes) for saved changes with
// inotify. Every folder below the roots that the content walk enters is watched (not .git,
// _arkiv, _bedomning or a build's output: load/content_path.h, is_skipped_folder), and the
// trees are walked again after each batch of changes, so folders that appear later (mkdir -p,
// a copied unit, git checkout) are watched too. Editors that save by writing a new file and
// renaming it over the old one are seen through IN_MOVED_TO/IN_CREATE; the files the content
// walk ignores (editors' swap, backup and lock files: ".x.swp", "x~", "#x#") are not changes.
#pragma once
#include <chrono>
#include <filesystem>
#include <vector>

namespace kv::serve {

class Watcher {
 public:
  // Throws std::system_error when inotify cannot be used (e.g. its limits are reached).
  explicit Watcher(std::vector<std::filesystem::path> roots);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  // Blocks until something under the roots changed and nothing more changed for quiet
  // (one save often is several events; a checkout is thousands), then returns true.
  // Returns false once stop() was called.
  bool wait_for_change(std::chrono::milliseconds quiet);

  // Ends wait_for_change, now and for good. Safe from any thread.
  void stop();

 private:
  void watch_trees();
  // Reads the pending events; true when one of them is a change worth a rebuild.
  bool read_events();
  // Waits for the inotify or the stop descriptor; 1: events, 0: timeout, -1: stopped.
  int poll_for(int timeout_ms);

  std::vector<std::filesystem::path> roots_;
  int inotify_ = -1;
  int stop_ = -1;  // an eventfd
};

// False for the names editors write beside a file while it is edited (load/content_names.h,
// is_ignored_file).
bool is_change_worth_a_build(const char* name);

}  // namespace kv::serve
