#include "package/bag_writer.h"

#include <algorithm>
#include <cerrno>

#include "util/sha256.h"
#include "write/files.h"

namespace kv {
namespace fs = std::filesystem;

namespace {

std::string manifest_text(std::vector<std::pair<std::string, std::string>> lines) {
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& [path, sum] : lines) out += sum + "  " + manifest_path(path) + "\n";
  return out;
}

}  // namespace

std::string manifest_path(std::string_view path) {
  std::string out;
  for (char c : path) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string manifest_path_decoded(std::string_view written) {
  std::string path;
  for (size_t i = 0; i < written.size(); ++i) {
    if (written.compare(i, 3, "%25") == 0) path += '%';
    else if (written.compare(i, 3, "%0D") == 0) path += '\r';
    else if (written.compare(i, 3, "%0A") == 0) path += '\n';
    else {
      path += written[i];
      continue;
    }
    i += 2;
  }
  return path;
}

BagWriter::BagWriter(fs::path dir) : dir_(std::move(dir)) {}

void BagWriter::add(const std::string& path, std::string_view bytes) {
  write_file(dir_ / "data" / path, bytes);
  manifest_.emplace_back("data/" + path, sha256_hex(bytes));
  bytes_ += bytes.size();
}

void BagWriter::copy(const std::string& path, const fs::path& from) {
  const fs::path to = dir_ / "data" / path;
  copy_file_into(from, to);
  auto sum = sha256_file(to);
  if (!sum) report_write_failure(to, errno ? errno : EIO);
  manifest_.emplace_back("data/" + path, *sum);
  std::error_code ec;
  bytes_ += fs::file_size(to, ec);
}

void BagWriter::finish(const std::vector<std::pair<std::string, std::string>>& info) {
  const std::string bagit = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";
  std::string bag_info;
  for (const auto& [key, value] : info) bag_info += key + ": " + value + "\n";
  bag_info += "Payload-Oxum: " + std::to_string(bytes_) + "." + std::to_string(manifest_.size()) + "\n";
  const std::string manifest = manifest_text(manifest_);
  write_file(dir_ / "bagit.txt", bagit);
  write_file(dir_ / "bag-info.txt", bag_info);
  write_file(dir_ / "manifest-sha256.txt", manifest);
  write_file(dir_ / "tagmanifest-sha256.txt",
             manifest_text({{"bagit.txt", sha256_hex(bagit)}, {"bag-info.txt", sha256_hex(bag_info)},
                            {"manifest-sha256.txt", sha256_hex(manifest)}}));
}

}  // namespace kv
