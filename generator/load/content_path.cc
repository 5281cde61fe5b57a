#include "load/content_path.h"

#include <sys/stat.h>

#include <algorithm>
#include <mutex>
#include <unordered_map>

#include "load/content_names.h"
#include "util/limits.h"
#include "util/text.h"
#include "write/markers.h"

namespace kv {

namespace fs = std::filesystem;

struct ContentRoot::Folders {
  std::mutex lock;
  std::unordered_map<std::string, fs::path> real;
};

ContentRoot::ContentRoot(const fs::path& root) : path(root), folders_(std::make_shared<Folders>()) {
  std::error_code ec;
  canonical = fs::canonical(root, ec);
  if (ec) canonical.clear();
}

fs::path ContentRoot::real_folder(const fs::path& folder) const {
  const std::string key = folder.native();
  {
    std::lock_guard guard(folders_->lock);
    if (auto found = folders_->real.find(key); found != folders_->real.end()) return found->second;
  }
  std::error_code ec;
  fs::path real = fs::canonical(folder.empty() ? fs::path(".") : folder, ec);
  if (ec) real.clear();
  std::lock_guard guard(folders_->lock);
  return folders_->real.emplace(key, std::move(real)).first->second;
}

static bool is_within(const fs::path& inner, const fs::path& outer) {
  auto o = outer.begin();
  for (auto i = inner.begin(); o != outer.end(); ++i, ++o)
    if (i == inner.end() || *i != *o) return false;
  return true;
}

PathState classify_path(const ContentRoot& root, const fs::path& path, bool want_folder) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return PathState::kMissing;
  if (!S_ISLNK(st.st_mode) && path.has_filename() && path.filename() != "." && path.filename() != "..") {
    // Not a link: it is where its folder really is.
    const fs::path folder = root.real_folder(path.parent_path());
    if (!folder.empty()) {
      if (root.canonical.empty() || !is_within(folder / path.filename(), root.canonical)) return PathState::kOutside;
      if (want_folder) return S_ISDIR(st.st_mode) ? PathState::kInside : PathState::kNotFolder;
      return S_ISREG(st.st_mode) ? PathState::kInside : PathState::kNotRegular;
    }
  }
  std::error_code ec;
  fs::path real = fs::canonical(path, ec);
  if (ec) return fs::is_symlink(fs::symlink_status(path, ec)) ? PathState::kOutside : PathState::kMissing;
  if (root.canonical.empty() || !is_within(real, root.canonical)) return PathState::kOutside;
  auto status = fs::status(real, ec);
  if (want_folder) return fs::is_directory(status) ? PathState::kInside : PathState::kNotFolder;
  return fs::is_regular_file(status) ? PathState::kInside : PathState::kNotRegular;
}

bool write_target_inside(const ContentRoot& root, const fs::path& path) {
  if (root.canonical.empty()) return false;
  std::error_code ec;
  fs::path existing = fs::absolute(path, ec);
  if (ec) return false;
  fs::path rest;
  // The nearest ancestor that exists (a dangling link counts as existing: it is not followed
  // into nowhere, and canonical() below then fails).
  while (!fs::exists(fs::symlink_status(existing, ec))) {
    if (!existing.has_relative_path()) return false;
    rest = rest.empty() ? existing.filename() : existing.filename() / rest;
    existing = existing.parent_path();
  }
  for (const auto& part : rest)
    if (part == "..") return false;
  const fs::path real = fs::canonical(existing, ec);
  return !ec && is_within(real, root.canonical);
}

// True when path lies inside the root before links are followed: then only a link can have
// led it out.
static bool lexically_inside(const ContentRoot& root, const fs::path& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec).lexically_normal();
  fs::path root_absolute = fs::absolute(root.path, ec).lexically_normal();
  return !ec && is_within(absolute, root_absolute);
}

bool check_content_path(const ContentRoot& root, const fs::path& path, const std::string& shown, const SourcePos& at,
                        Diagnostics& diagnostics, bool want_folder) {
  switch (classify_path(root, path, want_folder)) {
    case PathState::kInside:
      return true;
    case PathState::kOutside:
      if (lexically_inside(root, path))
        diagnostics.error(at, diagnostics.t(Msg::kLinkOutsideContent, {shown, root.path.generic_string()}),
                     diagnostics.t(Msg::kLinkOutsideContentHint));
      else
        diagnostics.error(at, diagnostics.t(Msg::kPathOutsideContent, {shown, root.path.generic_string()}),
                     diagnostics.t(Msg::kPathOutsideContentHint));
      return false;
    case PathState::kMissing:
      diagnostics.error(at, diagnostics.t(Msg::kPathMissing, {shown}), diagnostics.t(Msg::kPathMissingHint));
      return false;
    case PathState::kNotRegular:
    case PathState::kNotFolder:
      diagnostics.error(at, diagnostics.t(Msg::kPathNotRegular, {shown}), diagnostics.t(Msg::kPathNotRegularHint));
      return false;
  }
  return false;
}

Entries list_content_folder(const fs::path& dir, Diagnostics& diagnostics) {
  std::vector<fs::directory_entry> out;
  std::error_code ec;
  size_t count = 0;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    if (++count <= limits::kFolderEntries) out.push_back(*it);
  }
  if (count > limits::kFolderEntries) {
    diagnostics.error({dir.generic_string(), 0, 0},
                 diagnostics.t(Msg::kFolderTooLarge, {group_digits(count), group_digits(limits::kFolderEntries)}),
                 diagnostics.t(Msg::kFolderTooLargeHint));
    return {};
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool is_skipped_folder(const fs::path& dir) { return is_skipped_folder_name(dir.filename().string()) || is_output_folder(dir); }

std::vector<fs::path> content_subfolders(const ContentRoot& root, const Entries& entries, Diagnostics& diagnostics) {
  std::vector<fs::path> out;
  for (const auto& entry : entries) {
    std::error_code ec;
    if (!entry.is_directory(ec) || is_skipped_folder(entry.path())) continue;
    const std::string name = entry.path().filename().string();
    if (check_content_path(root, entry.path(), name, {entry.path().generic_string(), 0, 0}, diagnostics, true))
      out.push_back(entry.path());
  }
  return out;
}

namespace {

void collect_files(const ContentRoot& root, const fs::path& dir, const std::string& prefix, int depth,
                   std::vector<std::string>& out, Diagnostics& diagnostics) {
  for (const auto& entry : list_content_folder(dir, diagnostics)) {
    const std::string name = entry.path().filename().string();
    std::error_code ec;
    if (entry.is_directory(ec)) {
      if (is_skipped_folder(entry.path()) || entry.is_symlink(ec) || depth >= kMaxWalkDepth) continue;
      collect_files(root, entry.path(), prefix + name + "/", depth + 1, out, diagnostics);
    } else if (!is_ignored_file(name) &&
               check_content_path(root, entry.path(), name, {entry.path().generic_string(), 0, 0}, diagnostics)) {
      out.push_back(prefix + name);
    }
  }
}

}  // namespace

std::vector<std::string> content_files_under(const ContentRoot& root, const fs::path& dir, Diagnostics& diagnostics) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;  // a linked year folder, as content_subfolders found it
  collect_files(root, dir, "", 0, out, diagnostics);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace kv
