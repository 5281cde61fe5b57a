// Watching the author's folders (content, templates, themes) for saved changes with
// inotify. Every folder below the roots that the content walk enters is watched (not .git,
// _arkiv, _bedomning or a build's output: load/content_path.h, is_skipped_folder), and a
// folder that appears later (mkdir -p, a copied unit, git checkout) is walked and watched
// after the batch of changes it came in (the whole trees again when events were lost). Editors that save by writing a new file and
// renaming it over the old one are seen through IN_MOVED_TO/IN_CREATE; the files the content
// walk ignores (editors' swap, backup and lock files: ".x.swp", "x~", "#x#") are not changes.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <filesystem>
#include <mutex>
#include <set>
#include <unordered_map>
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

  // Whether something changed since the last wait_for_change returned (a save during the
  // build that followed it): the next wait_for_change then returns once the folders are
  // quiet, with those changes. Does not block; safe from any thread.
  bool changes_waiting();

  // What the last wait_for_change saw change: the files and folders events named, or
  // nullopt when that is not known (events were lost: IN_Q_OVERFLOW). A folder's own event
  // (deleted, moved) names the folder.
  const std::optional<std::set<std::filesystem::path>>& changed() const { return changed_; }

 private:
  void watch_trees();
  // top and every folder below it that the content walk enters.
  void watch_tree(const std::filesystem::path& top, std::uint32_t top_mask);
  void add_watch(const std::filesystem::path& folder, std::uint32_t mask);
  // Reads the pending events into pending_, under lock_; true when one of them is a change
  // worth a rebuild.
  bool read_events();
  // Waits for the inotify or the stop descriptor; 1: events, 0: timeout, -1: stopped.
  int poll_for(int timeout_ms);

  std::vector<std::filesystem::path> roots_;
  int inotify_ = -1;
  int stop_ = -1;  // an eventfd
  std::mutex lock_;  // for what follows: changes_waiting reads events from a build's threads
  std::unordered_map<int, std::filesystem::path> folders_;  // by watch descriptor
  // Read, not handed out yet: whether any is worth a build, what they named, whether track
  // of that was lost.
  bool relevant_ = false;
  std::set<std::filesystem::path> pending_;
  std::set<std::filesystem::path> new_folders_;  // to watch, with what is below them
  bool unknown_ = false;
  std::optional<std::set<std::filesystem::path>> changed_;  // the last wait's
};

// False for the names editors write beside a file while it is edited (load/content_names.h,
// is_ignored_file).
bool is_change_worth_a_build(const char* name);

}  // namespace kv::serve
