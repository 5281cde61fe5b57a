#include "write/output_dir.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "write/leftovers.h"
#include "write/swap.h"

namespace kv {

namespace fs = std::filesystem;

namespace {

bool is_ours_or_empty(const fs::path& out) {
  std::error_code ec;
  if (!fs::exists(out, ec)) return true;
  if (!fs::is_directory(out, ec)) return false;
  return fs::exists(out / kOutputMarker, ec) || fs::is_empty(out, ec);
}

// The mount point of the file system dir is on: the topmost ancestor on the same device.
fs::path mount_point(const fs::path& dir) {
  std::error_code ec;
  fs::path at = fs::weakly_canonical(dir, ec);
  while (!at.empty() && !fs::exists(at, ec)) at = at.parent_path();
  struct stat here;
  if (::stat(at.c_str(), &here) != 0) return dir;
  for (fs::path up = at.parent_path(); up != at; at = up, up = at.parent_path()) {
    struct stat above;
    if (::stat(up.c_str(), &above) != 0 || above.st_dev != here.st_dev) break;
  }
  return at;
}

// A path in the staging folder as the user knows it: under the output folder.
std::string shown_path(const fs::path& file, const fs::path& staging, const std::string& out_display) {
  const fs::path relative = file.lexically_relative(staging);
  if (relative.empty() || *relative.begin() == "..") return file.generic_string();
  if (relative == ".") return out_display;
  return (fs::path(out_display) / relative).generic_string();
}

// Library errors carry both paths; the destination is the one a write failure is about.
WriteError from_filesystem_error(const fs::filesystem_error& e) {
  return WriteError(e.path2().empty() ? e.path1() : e.path2(), e.code().value());
}

}  // namespace

std::string write_error_reason(int error, const Diagnostics& diagnostics) {
  switch (error) {
    case EACCES:
    case EPERM: return diagnostics.t(Msg::kErrAccess);
    case EROFS: return diagnostics.t(Msg::kErrReadOnly);
    case EIO: return diagnostics.t(Msg::kErrIo);
    case ENAMETOOLONG: return diagnostics.t(Msg::kErrNameTooLong);
    case ENOENT: return diagnostics.t(Msg::kErrNotFound);
    case ENOTDIR: return diagnostics.t(Msg::kErrNotDir);
    case EEXIST:
    case ENOTEMPTY: return diagnostics.t(Msg::kErrExists);
    case EMFILE:
    case ENFILE: return diagnostics.t(Msg::kErrTooManyFiles);
    case ENOSPC:
    case EDQUOT: return diagnostics.t(Msg::kErrDiskFull);
    default: return diagnostics.t(Msg::kErrOther, {std::strerror(error)});
  }
}

void report_write_error(const WriteError& e, const fs::path& staging, const std::string& out_display, Diagnostics& diagnostics) {
  if (e.disk_full() && e.op() == WriteError::Op::kWrite) {
    const std::string where = mount_point(staging.parent_path()).generic_string();
    diagnostics.error({out_display, 0, 0}, diagnostics.t(Msg::kDiskFull, {where}), diagnostics.t(Msg::kDiskFullHint, {where}));
    return;
  }
  const std::string reason = write_error_reason(e.error(), diagnostics);
  if (e.op() == WriteError::Op::kRead) {
    diagnostics.error({e.path().generic_string(), 0, 0}, diagnostics.t(Msg::kReadFailedBecause, {reason}),
                 diagnostics.t(Msg::kFileUnreadableHint));
    return;
  }
  Msg hint = (e.error() == EACCES || e.error() == EPERM) ? Msg::kWriteAccessHint
             : e.error() == EROFS                        ? Msg::kWriteReadOnlyHint
                                                         : Msg::kWriteFailedHint;
  diagnostics.error({shown_path(e.path(), staging, out_display), 0, 0}, diagnostics.t(Msg::kWriteFailedBecause, {reason}),
               diagnostics.t(hint));
}

std::optional<int> fill_marked_dir(const fs::path& dir, long pid, const std::string& out_display, Diagnostics& diagnostics,
                                   const std::function<std::optional<int>()>& fill) {
  std::optional<int> result;
  bool created = false;  // a folder already at that name is not ours to remove
  // The first failure ends the build: one error, whichever writer hit it.
  try {
    create_staging_dir(dir, pid);
    created = true;
    result = fill();
  } catch (const WriteError& e) {
    report_write_error(e, dir, out_display, diagnostics);
    result.reset();
  } catch (const fs::filesystem_error& e) {
    report_write_error(from_filesystem_error(e), dir, out_display, diagnostics);
    result.reset();
  } catch (const std::exception& e) {
    diagnostics.error({out_display, 0, 0}, diagnostics.t(Msg::kWriteFailed, {e.what()}), diagnostics.t(Msg::kWriteFailedHint));
    result.reset();
  }
  if (!result && created) remove_marked_dir(dir);
  return result;
}

std::optional<int> write_output_dir(const fs::path& out_dir, Diagnostics& diagnostics,
                                    const std::function<std::optional<int>(const fs::path&)>& render, std::string_view audience) {
  const std::string display = out_dir.generic_string();
  const fs::path out = output_path(out_dir);
  tidy_leftovers(out);
  if (!is_ours_or_empty(out)) {
    diagnostics.error({display, 0, 0}, diagnostics.t(Msg::kOutputNotOurs), diagnostics.t(Msg::kOutputNotOursHint));
    return std::nullopt;
  }
  const long pid = static_cast<long>(::getpid());
  const fs::path staging = staging_path(out, pid);
  auto pages = fill_marked_dir(staging, pid, display, diagnostics, [&] {
    auto made = render(staging);
    if (made) {
      write_file(staging / kOutputMarker, output_marker_text(audience));  // last: the build is complete
      fs::remove(staging / kStagingMarker);
    }
    return made;
  });
  if (!pages) return std::nullopt;
  if (const std::error_code ec = swap_into_place(staging, out, aside_path(out, pid))) {
    report_write_error(WriteError(out, ec.value()), staging, display, diagnostics);
    remove_marked_dir(staging);
    return std::nullopt;
  }
  return pages;
}

}  // namespace kv
