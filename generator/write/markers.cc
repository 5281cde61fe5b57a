#include "write/markers.h"

#include <cerrno>
#include <system_error>
#include <vector>

#include "write/files.h"

namespace kv {

namespace fs = std::filesystem;

namespace {
constexpr std::string_view kAudienceKey = "m\xC3\xA5lgrupp: ";  // målgrupp:
}  // namespace

std::string output_marker_text(std::string_view audience) {
  return "kvalitet\n" + std::string(kAudienceKey) + std::string(audience) + "\n";
}

std::optional<std::string> output_audience(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_regular_file(dir / kOutputMarker, ec)) return std::nullopt;
  std::string text;
  try {
    text = read_file(dir / kOutputMarker);
  } catch (const WriteError&) {
    return std::string("?");  // unreadable: never taken for any audience
  }
  const size_t at = text.find(kAudienceKey);
  if (at == std::string::npos) return std::string("publik");
  const size_t start = at + kAudienceKey.size();
  return text.substr(start, text.find('\n', start) - start);
}

bool is_output_folder(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / kOutputMarker, ec) || fs::is_regular_file(dir / kStagingMarker, ec);
}

void remove_marked_dir(const fs::path& dir) {
  std::error_code ec;
  std::vector<fs::path> contents;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const auto name = entry.path().filename();
    if (name != kOutputMarker && name != kStagingMarker) contents.push_back(entry.path());
  }
  for (const auto& path : contents) fs::remove_all(path, ec);
  fs::remove_all(dir, ec);
}

void create_staging_dir(const fs::path& dir, long pid) {
  std::error_code ec;
  fs::create_directories(dir.parent_path(), ec);
  if (ec) throw WriteError(dir.parent_path(), ec.value());
  if (!fs::create_directory(dir, ec)) throw WriteError(dir, ec ? ec.value() : EEXIST);
  write_file(dir / kStagingMarker, std::to_string(pid) + "\n");
}

}  // namespace kv
