#include "write/leftovers.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <optional>

#include "write/journal.h"
#include "write/markers.h"

namespace kv {

namespace fs = std::filesystem;

namespace {

// Only ESRCH proves a process is gone; EPERM means it lives under another user.
bool process_gone(long pid) {
  if (pid == static_cast<long>(::getpid())) return true;  // a predecessor's, not ours: we have not started
  return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

// "site.staging.123" → 123 when name is prefix + digits.
std::optional<long> pid_suffix(const std::string& name, const std::string& prefix) {
  if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  std::string digits = name.substr(prefix.size());
  if (digits.size() > 9 || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  long pid = std::stol(digits);
  return pid > 0 ? std::optional<long>(pid) : std::nullopt;
}

// Sibling folders of out named like a build's, whatever their marker.
std::vector<Leftover> named_siblings(const fs::path& out) {
  std::vector<Leftover> found;
  const std::string base = out.filename().string();
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(out.parent_path(), ec)) {
    if (!entry.is_directory(ec) || entry.is_symlink(ec)) continue;
    const std::string name = entry.path().filename().string();
    if (auto pid = pid_suffix(name, base + ".staging.")) found.push_back({Leftover::Kind::kStaging, entry.path(), *pid});
    else if (auto old = pid_suffix(name, base + ".old.")) found.push_back({Leftover::Kind::kOld, entry.path(), *old});
    else if (auto j = pid_suffix(name, base + ".journal.")) found.push_back({Leftover::Kind::kJournal, entry.path(), *j});
  }
  std::sort(found.begin(), found.end(), [](const Leftover& a, const Leftover& b) { return a.path < b.path; });
  return found;
}

}  // namespace

fs::path output_path(const fs::path& out) {
  fs::path absolute = fs::absolute(out).lexically_normal();
  if (absolute.filename().empty()) absolute = absolute.parent_path();
  return absolute;
}

fs::path staging_path(const fs::path& out, long pid) {
  return out.parent_path() / (out.filename().string() + ".staging." + std::to_string(pid));
}

fs::path aside_path(const fs::path& out, long pid) {
  return out.parent_path() / (out.filename().string() + ".old." + std::to_string(pid));
}

std::vector<Leftover> find_leftovers(const fs::path& out_dir) {
  std::vector<Leftover> found;
  for (auto& leftover : named_siblings(output_path(out_dir)))
    if (is_output_folder(leftover.path) && process_gone(leftover.pid)) found.push_back(std::move(leftover));
  return found;
}

void tidy_leftovers(const fs::path& out_dir) {
  const fs::path out = output_path(out_dir);
  std::error_code ec;
  auto leftovers = find_leftovers(out);
  // A kill between "old aside" and "new in" leaves no output: the old one is complete (it
  // has the output marker), so it goes back before anything is removed.
  if (!fs::exists(out, ec)) {
    for (auto it = leftovers.begin(); it != leftovers.end(); ++it)
      if (it->kind == Leftover::Kind::kOld && fs::is_regular_file(it->path / kOutputMarker, ec)) {
        fs::rename(it->path, out, ec);
        if (!ec) leftovers.erase(it);
        break;
      }
  }
  for (const auto& leftover : leftovers) {
    // A journal sealed before its build was killed is completed: the output becomes that
    // build's. Unsealed, it is removed like a staging folder.
    if (leftover.kind == Leftover::Kind::kJournal && fs::is_regular_file(out / kOutputMarker, ec))
      complete_journal(leftover.path, out);
    remove_marked_dir(leftover.path);
  }
  // A build killed between creating its staging folder and marking it leaves it empty;
  // removing an empty folder loses nothing, and remove() refuses a non-empty one.
  for (const auto& sibling : named_siblings(out))
    if (process_gone(sibling.pid) && fs::is_empty(sibling.path, ec)) fs::remove(sibling.path, ec);
}

}  // namespace kv
