#include "package/bag_check.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "package/bag_writer.h"
#include "util/sha256.h"
#include "util/text.h"
#include "write/files.h"

namespace kv {
namespace fs = std::filesystem;

namespace {

constexpr const char* kBagit = "bagit.txt";
constexpr const char* kBagInfo = "bag-info.txt";
constexpr const char* kManifest = "manifest-sha256.txt";
constexpr const char* kTagManifest = "tagmanifest-sha256.txt";
constexpr const char* kDeclaration = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

class Checker {
 public:
  Checker(fs::path dir, const Diagnostics& lang) : dir_(std::move(dir)), lang_(lang) {}

  std::vector<BagProblem> run() {
    std::map<std::string, std::string> tags;
    for (const char* name : {kBagit, kBagInfo, kManifest, kTagManifest})
      if (auto text = tag_file(name)) tags[name] = std::move(*text);
    walk();
    if (tags.count(kBagit) && tags[kBagit] != kDeclaration) add(kBagit, 0, lang_.t(Msg::kBagBadDeclaration));
    if (tags.count(kBagInfo)) check_info(tags[kBagInfo]);
    if (tags.count(kManifest)) check_manifest(kManifest, tags[kManifest], payload_, true);
    if (tags.count(kTagManifest)) {
      std::map<std::string, std::uintmax_t> tag_files;  // the tag files the tag manifest must list
      for (const char* name : {kBagit, kBagInfo, kManifest})
        if (tags.count(name)) tag_files[name] = tags[name].size();
      check_manifest(kTagManifest, tags[kTagManifest], tag_files, false);
    }
    return std::move(problems_);
  }

 private:
  void add(const fs::path& relative, int line, std::string message) {
    problems_.push_back({dir_ / relative, line, std::move(message)});
  }

  // A tag file's text, or nullopt after saying why it cannot be read.
  std::optional<std::string> tag_file(const std::string& name) {
    std::error_code ec;
    const auto status = fs::symlink_status(dir_ / name, ec);
    if (!fs::exists(status)) {
      add(name, 0, lang_.t(Msg::kBagTagMissing, {name}));
      return std::nullopt;
    }
    if (!fs::is_regular_file(status)) return std::nullopt;  // reported by walk()
    if (fs::file_size(dir_ / name, ec) > kBagTagFileBytes) {
      add(name, 0, lang_.t(Msg::kBagTooLarge, {group_digits(kBagTagFileBytes)}));
      return std::nullopt;
    }
    try {
      return read_file(dir_ / name);
    } catch (const WriteError&) {
      add(name, 0, lang_.t(Msg::kBagTagMissing, {name}));
      return std::nullopt;
    }
  }

  // Every entry of the bag, links not followed: payload files under data/ are collected with
  // their sizes; anything that is neither a folder nor a regular file is a problem, and so is
  // a file at the top that is not one of the four tag files.
  void walk() {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir_, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const auto status = it->symlink_status(ec);
      const std::string rel = it->path().lexically_relative(dir_).generic_string();
      if (fs::is_directory(status)) {
        if (it.depth() == 0 && rel != "data") {
          add(rel, 0, lang_.t(Msg::kBagExtraFile, {kTagManifest}));
          it.disable_recursion_pending();
        }
        continue;
      }
      if (!fs::is_regular_file(status)) {
        add(rel, 0, lang_.t(Msg::kBagNotRegular));
      } else if (starts_with(rel, "data/")) {
        payload_[rel] = fs::file_size(it->path(), ec);
      } else if (rel != kBagit && rel != kBagInfo && rel != kManifest && rel != kTagManifest) {
        add(rel, 0, lang_.t(Msg::kBagExtraFile, {kTagManifest}));
      }
    }
  }

  void check_info(const std::string& text) {
    std::string agent, oxum;
    for (const auto& line : split_lines(text)) {
      if (starts_with(line, "Bag-Software-Agent: ")) agent = line.substr(20);
      if (starts_with(line, "Payload-Oxum: ")) oxum = line.substr(14);
    }
    if (!starts_with(agent, "kvalitet")) add(kBagInfo, 0, lang_.t(Msg::kBagNotOurs));
    std::uintmax_t bytes = 0;
    for (const auto& [path, size] : payload_) bytes += size;
    const std::string actual = std::to_string(bytes) + "." + std::to_string(payload_.size());
    if (oxum != actual) add(kBagInfo, 0, lang_.t(Msg::kBagBadOxum, {oxum.empty() ? "–" : oxum, actual}));
  }

  // "checksum  path" lines: each path must be one of files, with that checksum (computed from
  // the file on disk); every file must be listed. payload: the paths lie under data/ (the
  // payload manifest), else at the top (the tag manifest).
  void check_manifest(const std::string& name, const std::string& text, const std::map<std::string, std::uintmax_t>& files,
                      bool payload) {
    std::set<std::string> listed;
    int number = 0;
    for (const auto& line : split_lines(text)) {
      ++number;
      const auto entry = parse_line(line, payload);
      if (!entry || !listed.insert(entry->second).second) {
        add(name, number, lang_.t(Msg::kBagBadLine));
        continue;
      }
      if (!files.count(entry->second)) {
        add(entry->second, 0, lang_.t(Msg::kBagFileMissing, {name}));
        continue;
      }
      const auto sum = sha256_file(dir_ / entry->second);
      if (!sum || *sum != entry->first) add(entry->second, 0, lang_.t(Msg::kBagChecksum, {name}));
    }
    for (const auto& [path, size] : files)
      if (!listed.count(path)) add(path, 0, lang_.t(Msg::kBagExtraFile, {name}));
  }

  // {checksum, path} of a manifest line: 64 lower-case hex digits, two spaces, a path with
  // %25, %0D and %0A decoded (RFC 8493 §2.1.3) that stays inside the bag.
  static std::optional<std::pair<std::string, std::string>> parse_line(const std::string& line, bool payload) {
    if (line.size() < 67 || line.compare(64, 2, "  ") != 0) return std::nullopt;
    const std::string sum = line.substr(0, 64);
    if (!std::all_of(sum.begin(), sum.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }))
      return std::nullopt;
    const std::string path = manifest_path_decoded(std::string_view(line).substr(66));
    for (const auto& part : fs::path(path))
      if (part == ".." || part == ".") return std::nullopt;
    if (payload != starts_with(path, "data/") || fs::path(path).is_absolute()) return std::nullopt;
    return std::make_pair(sum, path);
  }

  // Lines split at '\n' only: unlike util's split_lines, a CR stays part of the line, so a
  // manifest rewritten with CRLF line ends does not verify.
  static std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    size_t at = 0;
    while (at < text.size()) {
      size_t end = text.find('\n', at);
      if (end == std::string::npos) end = text.size();
      lines.push_back(text.substr(at, end - at));
      at = end + 1;
    }
    return lines;
  }

  fs::path dir_;
  const Diagnostics& lang_;
  std::map<std::string, std::uintmax_t> payload_;  // "data/…" → size
  std::vector<BagProblem> problems_;
};

}  // namespace

std::vector<BagProblem> verify_bag(const fs::path& dir, const Diagnostics& lang) { return Checker(dir, lang).run(); }

}  // namespace kv
