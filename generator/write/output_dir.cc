#include "write/output_dir.h"

#include <unistd.h>

#include <fstream>
#include <stdexcept>

namespace kv {

namespace fs = std::filesystem;

static bool is_ours_or_empty(const fs::path& out) {
  std::error_code ec;
  if (!fs::exists(out, ec)) return true;
  if (!fs::is_directory(out, ec)) return false;
  return fs::exists(out / kOutputMarker, ec) || fs::is_empty(out, ec);
}

void write_file(const fs::path& file, std::string_view content) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  std::ofstream stream(file, std::ios::binary | std::ios::trunc);
  stream.write(content.data(), static_cast<std::streamsize>(content.size()));
  stream.close();
  if (!stream) throw std::runtime_error(file.generic_string());
}

std::optional<int> write_output_dir(const fs::path& out, Report& report,
                                    const std::function<std::optional<int>(const fs::path&)>& render) {
  const std::string display = out.generic_string();
  if (!is_ours_or_empty(out)) {
    report.error({display, 0, 0}, report.t(Msg::kOutputNotOurs), report.t(Msg::kOutputNotOursHint));
    return std::nullopt;
  }
  fs::path absolute = fs::absolute(out).lexically_normal();
  if (absolute.filename().empty()) absolute = absolute.parent_path();
  const std::string suffix = "." + std::to_string(::getpid());
  const fs::path staging = absolute.parent_path() / (absolute.filename().string() + ".staging" + suffix);
  const fs::path old = absolute.parent_path() / (absolute.filename().string() + ".old" + suffix);
  std::error_code ec;
  fs::remove_all(staging, ec);
  std::optional<int> pages;
  try {
    fs::create_directories(staging);
    pages = render(staging);
    if (pages) write_file(staging / kOutputMarker, "kvalitet\n");
  } catch (const std::exception& e) {
    report.error({display, 0, 0}, report.t(Msg::kWriteFailed, {e.what()}), report.t(Msg::kWriteFailedHint));
    pages.reset();
  }
  if (!pages) {
    fs::remove_all(staging, ec);
    return std::nullopt;
  }
  // Swap: two renames, so readers see either the old or the new site, never a mix.
  const bool had_old = fs::exists(absolute, ec);
  if (had_old) fs::rename(absolute, old, ec);
  if (!ec) fs::rename(staging, absolute, ec);
  if (ec) {
    if (had_old && !fs::exists(absolute)) fs::rename(old, absolute, ec);
    report.error({display, 0, 0}, report.t(Msg::kWriteFailed, {display}), report.t(Msg::kWriteFailedHint));
    fs::remove_all(staging, ec);
    return std::nullopt;
  }
  fs::remove_all(old, ec);
  return pages;
}

}  // namespace kv
