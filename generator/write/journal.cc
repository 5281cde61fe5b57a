#include "write/journal.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "write/files.h"
#include "write/leftovers.h"
#include "write/markers.h"
#include "write/output_dir.h"

namespace kv {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSealFormat = "kvalitet-journal 1";

bool is_marker(std::string_view relative) {
  return relative == kOutputMarker || relative == kStagingMarker || relative == kJournalSeal;
}

// Appends the files under the open folder fd to files, each as prefix + its name; false
// when a folder cannot be read. By file descriptor and the entries' types, without a path
// object per entry: the seal lists the whole output (tens of thousands of files) each build.
// regular: when given, receives the regular files among them.
bool list_files(int fd, const std::string& prefix, std::vector<std::string>& files,
                std::unordered_set<std::string>* regular) {
  DIR* dir = ::fdopendir(fd);
  if (!dir) {
    ::close(fd);
    return false;
  }
  bool ok = true;
  errno = 0;
  while (const dirent* entry = ::readdir(dir)) {
    const std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    unsigned char type = entry->d_type;
    if (type == DT_UNKNOWN) {  // some file systems do not say: ask
      struct stat st {};
      if (::fstatat(::dirfd(dir), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
        ok = false;
        break;
      }
      type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_LNK;
    }
    std::string path = prefix + std::string(name);
    if (type == DT_DIR) {
      const int sub = ::openat(::dirfd(dir), entry->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (sub < 0 || !list_files(sub, path + "/", files, regular)) {
        ok = false;
        break;
      }
    } else if (!is_marker(path)) {
      if (regular && type == DT_REG) regular->insert(path);
      files.push_back(std::move(path));
    }
    errno = 0;
  }
  if (ok && errno != 0) ok = false;
  ::closedir(dir);
  return ok;
}

// Every file under root, site-relative, markers aside.
std::vector<std::string> files_under(const fs::path& root, std::unordered_set<std::string>* regular = nullptr) {
  std::vector<std::string> files;
  const int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 || !list_files(fd, "", files, regular)) throw WriteError(root, errno ? errno : EIO, WriteError::Op::kRead);
  return files;
}

// kvalitet's own files at the top (the state file) move last: they describe the rest.
bool own_file(const std::string& path) { return path.rfind(".kvalitet", 0) == 0 && path.find('/') == std::string::npos; }

// Removes the folders a removed file leaves empty, up to (not including) out.
void remove_empty_parents(const fs::path& out, fs::path dir) {
  while (dir != out && dir.string().size() > out.string().size() && ::rmdir(dir.c_str()) == 0) dir = dir.parent_path();
}

// Moves one journal file into out; false when it cannot (it stays for the next attempt).
bool move_in(const fs::path& journal, const fs::path& out, const std::string& path) {
  const fs::path from = journal / path, to = out / path;
  if (::rename(from.c_str(), to.c_str()) == 0) return true;
  if (errno != ENOENT && errno != ENOTDIR && errno != EISDIR) return false;
  std::error_code ec;
  if (fs::is_directory(to, ec)) fs::remove_all(to, ec);  // a folder where a file now goes
  fs::create_directories(to.parent_path(), ec);
  if (ec) {  // a file where a folder now goes
    for (fs::path up = to.parent_path(); up != out && up.string().size() > out.string().size(); up = up.parent_path())
      if (fs::is_regular_file(up, ec)) fs::remove(up, ec);
    fs::create_directories(to.parent_path(), ec);
  }
  return ::rename(from.c_str(), to.c_str()) == 0;
}

// A path on a line of its own: line breaks and '%' written as %0A, %0D, %25.
std::string encoded(const std::string& path) {
  std::string out;
  for (char c : path) out += c == '\n' ? "%0A" : c == '\r' ? "%0D" : c == '%' ? "%25" : std::string(1, c);
  return out;
}

std::string decoded(const std::string& line) {
  std::string out;
  for (size_t i = 0; i < line.size(); ++i) {
    const std::string_view code = std::string_view(line).substr(i, 3);
    if (code == "%0A" || code == "%0D" || code == "%25") {
      out += code == "%0A" ? '\n' : code == "%0D" ? '\r' : '%';
      i += 2;
    } else {
      out += line[i];
    }
  }
  return out;
}

// Only a path inside out is ever removed, whatever the seal says.
bool inside(const fs::path& path) {
  if (path.empty() || path.is_absolute()) return false;
  return std::none_of(path.begin(), path.end(), [](const fs::path& part) { return part == ".."; });
}

std::vector<std::string> sealed_removals(const fs::path& journal, bool& sealed) {
  std::ifstream in(journal / kJournalSeal, std::ios::binary);
  std::string line;
  sealed = std::getline(in, line) && line == kSealFormat;
  std::vector<std::string> removals;
  while (sealed && std::getline(in, line))
    if (line.rfind("del ", 0) == 0) removals.push_back(decoded(line.substr(4)));
  return removals;
}

// Step 2: what the output has that this build neither kept nor made is to be removed; the
// list goes in under its final name in one rename, which seals the journal.
// The output's files were listed before the build (KeptFiles::existing): it is kvalitet's,
// and nothing else writes into it meanwhile.
void seal(const fs::path& journal, const KeptFiles& kept) {
  const auto made = files_under(journal);
  const std::unordered_set<std::string> in_journal(made.begin(), made.end());
  std::string text = std::string(kSealFormat) + "\n";
  for (const auto& path : kept.existing())
    if (!kept.contains(path) && !in_journal.count(path)) text += "del " + encoded(path) + "\n";
  const fs::path unsealed = journal / (std::string(kJournalSeal) + ".tmp");
  write_file(unsealed, text);
  if (::rename(unsealed.c_str(), (journal / kJournalSeal).c_str()) != 0) throw WriteError(journal / kJournalSeal, errno);
}

}  // namespace

fs::path journal_path(const fs::path& out, long pid) {
  return out.parent_path() / (out.filename().string() + ".journal." + std::to_string(pid));
}

bool complete_journal(const fs::path& journal, const fs::path& out) {
  bool sealed = false;
  const auto removals = sealed_removals(journal, sealed);
  if (sealed) {
    std::vector<std::string> files;
    try {
      files = files_under(journal);
    } catch (const WriteError&) {
      return false;  // unreadable now: the next build tries again
    }
    std::stable_partition(files.begin(), files.end(), [](const std::string& p) { return !own_file(p); });
    for (const auto& path : files)
      if (!move_in(journal, out, path)) return false;
    for (const auto& path : removals) {
      if (!inside(path)) continue;
      const fs::path file = out / path;
      if (::unlink(file.c_str()) == 0 || errno == ENOENT) remove_empty_parents(out, file.parent_path());
    }
  }
  remove_marked_dir(journal);
  return true;
}

OutputListing list_output(const fs::path& out_dir) {
  OutputListing listing;
  listing.files = files_under(output_path(out_dir), &listing.regular);
  return listing;
}

std::optional<int> write_output_journal(const fs::path& out_dir, Diagnostics& diagnostics,
                                        const std::function<std::optional<int>(const fs::path&, KeptFiles&)>& render,
                                        std::future<OutputListing>* listed) {
  const std::string display = out_dir.generic_string();
  const fs::path out = output_path(out_dir);
  const long pid = static_cast<long>(::getpid());
  const fs::path journal = journal_path(out, pid);
  auto pages = fill_marked_dir(journal, pid, display, diagnostics, [&] {
    OutputListing listing = listed && listed->valid() ? listed->get() : list_output(out_dir);
    KeptFiles kept(std::move(listing.files), std::move(listing.regular));
    auto made = render(journal, kept);
    if (made) seal(journal, kept);
    return made;
  });
  if (!pages) return std::nullopt;
  if (!complete_journal(journal, out)) {
    // Sealed: the next build completes it before anything else (write/leftovers.h).
    report_write_error(WriteError(out, errno ? errno : EIO), journal, display, diagnostics);
    return std::nullopt;
  }
  return pages;
}

}  // namespace kv
