#include "pipeline/input_stamp.h"

#include <sys/stat.h>
#include <time.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "diag/json_line.h"
#include "pipeline/pipeline.h"
#include "write/markers.h"

namespace kv {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kFormat = "kvalitet-inputs 1";

// FNV-1a, 64 bits: stable across runs and machines, unlike std::hash.
struct Fnv {
  uint64_t h = 0xcbf29ce484222325ULL;
  void add(std::string_view s) {
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
    h = (h ^ 0xFF) * 0x100000001b3ULL;  // a separator, so "ab"+"c" differs from "a"+"bc"
  }
};

// File times come from a clock that ticks every few milliseconds, so a file saved twice in a
// row can keep its time (and its size). Files changed in the last seconds are therefore read
// and their bytes hashed too, as git does with "racily clean" files.
constexpr long long kRecentNs = 3'000'000'000LL;

long long ns_of(const timespec& t) { return static_cast<long long>(t.tv_sec) * 1'000'000'000LL + t.tv_nsec; }

std::string content_hash(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  Fnv fnv;
  fnv.add(bytes.str());
  return std::to_string(fnv.h);
}

std::string file_line(const std::string& name, const fs::path& file, long long now) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return name + " -";
  std::string line = name + " " + std::to_string(st.st_size) + " " + std::to_string(ns_of(st.st_mtim)) + " " +
                     std::to_string(st.st_ino) + " " + std::to_string(st.st_mode);
  if (S_ISREG(st.st_mode) && now - ns_of(st.st_mtim) < kRecentNs) line += " " + content_hash(file);
  return line;
}

// Every entry under root, as "<tag>/<relative path> size time inode mode", sorted.
void add_tree(const std::string& tag, const fs::path& root, long long now, std::vector<std::string>& lines) {
  std::error_code ec;
  lines.push_back(file_line(tag, root, now));
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec) && is_output_folder(it->path())) {  // a build's output is not an input
      it.disable_recursion_pending();
      continue;
    }
    lines.push_back(file_line(tag + "/" + fs::relative(it->path(), root, ec).generic_string(), it->path(), now));
  }
  if (ec) lines.push_back(tag + " ! " + ec.message());  // unreadable: never "unchanged"
}

}  // namespace

std::string input_stamp(const PipelineOptions& options, const fs::path& templates, const fs::path& themes) {
  timespec clock {};
  ::clock_gettime(CLOCK_REALTIME, &clock);
  const long long now = ns_of(clock);
  std::vector<std::string> lines;
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  lines.push_back(file_line("generator", ec ? options.executable : self, now));
  lines.push_back("options " + std::string(options.lang ? lang_code(*options.lang) : "-") + " " + options.pdf_variant +
                  " " + fs::absolute(options.content_root, ec).generic_string() + " " +
                  fs::absolute(templates, ec).generic_string() + " " + fs::absolute(themes, ec).generic_string());
  add_tree("content", options.content_root, now, lines);
  add_tree("templates", templates, now, lines);
  add_tree("themes", themes, now, lines);
  std::sort(lines.begin() + 2, lines.end());
  Fnv fnv;
  for (const auto& line : lines) fnv.add(line);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv.h));
  return std::string(kFormat) + " " + hex + " " + std::to_string(lines.size());
}

std::string stamp_file_text(const std::string& stamp, const Diagnostics& diags) {
  std::string text = stamp + "\n";
  for (const auto& d : diags.items()) text += diagnostic_json(d) + "\n";
  return text;
}

std::optional<Diagnostics> unchanged_build(const fs::path& out, const std::string& stamp) {
  std::error_code ec;
  if (!fs::is_regular_file(out / kOutputMarker, ec)) return std::nullopt;  // incomplete
  std::ifstream in(out / kInputStampFile);
  std::string line;
  if (!std::getline(in, line) || line != stamp) return std::nullopt;
  Diagnostics diags;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return std::nullopt;
    Diagnostic d;
    d.severity = j.value("severity", "") == "error" ? Severity::kError : Severity::kWarning;
    d.pos = {j.value("file", ""), j.value("line", 0), j.value("column", 0)};
    d.message = j.value("message", "");
    d.hint = j.value("hint", "");
    diags.add(std::move(d));
  }
  return diags;
}

}  // namespace kv
