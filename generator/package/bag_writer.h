// A BagIt bag (RFC 8493, version 1.0): the payload under data/, bagit.txt, bag-info.txt, and
// SHA-256 manifests of the payload (manifest-sha256.txt) and of the tag files
// (tagmanifest-sha256.txt), in the "checksum  path" lines `sha256sum -c` reads from the bag's
// root. Files are written one at a time and only their checksums kept, so a year of any size
// packs in little memory. Same files, same bytes: lines sorted, no dates.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kv {

class BagWriter {
 public:
  // dir: where the bag is made; created, and must not hold a bag yet.
  explicit BagWriter(std::filesystem::path dir);

  // Adds a payload file at data/<path> ('/'-separated); throws WriteError.
  void add(const std::string& path, std::string_view bytes);
  void copy(const std::string& path, const std::filesystem::path& from);

  // Writes the tag files; info: bag-info.txt's fields in order (Payload-Oxum is added).
  void finish(const std::vector<std::pair<std::string, std::string>>& info);

  size_t file_count() const { return manifest_.size(); }

 private:
  std::filesystem::path dir_;
  std::vector<std::pair<std::string, std::string>> manifest_;  // path under the bag, checksum
  std::uintmax_t bytes_ = 0;
};

// A path as a manifest line writes it: '%', CR and LF percent-encoded (RFC 8493 §2.1.3).
std::string manifest_path(std::string_view path);
// The path a manifest line names: only %25, %0D and %0A decoded, the inverse of manifest_path
// (any other '%' is the file name's own).
std::string manifest_path_decoded(std::string_view written);

}  // namespace kv
