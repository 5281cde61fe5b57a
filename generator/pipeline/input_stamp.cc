#include "pipeline/input_stamp.h"

#include <sys/stat.h>
#include <time.h>

#include <algorithm>
#include <map>
#include <fstream>
#include <functional>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "diag/json_line.h"
#include "load/content_place.h"
#include "pipeline/pipeline.h"  // CommandContext, BuildOptions
#include "util/parallel.h"
#include "write/markers.h"

namespace kv {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kFormat = "kvalitet-inputs 2";

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

// The folders a content entry belongs to (load/content_place.h): its unit folder and, inside
// a document folder, that too; none for entries outside the units (_beslut/, _arkiv/, …).
std::vector<std::string> folders_of(const fs::path& rel) {
  auto place = content_place(rel);
  if (!place) return {};
  if (place->document.empty()) return {place->unit};
  return {place->unit, place->document};
}

// One input as a line; a file saved in the last seconds also goes to recent.
struct Walk {
  long long now = 0;
  const std::function<bool()>* cancelled = nullptr;  // BuildOptions::cancelled
  bool stopped = false;
  std::vector<std::string> lines;
  std::vector<std::pair<fs::path, std::string>> recent;
  // The same lines (with a recent file's bytes) by folder; "" for the site's.
  std::map<std::string, std::vector<std::string>> by_folder;

  // bytes_if_recent false: the program itself, tens of megabytes, known by its stat alone.
  void add(const std::string& name, const fs::path& file, bool bytes_if_recent = true,
           const std::vector<std::string>& folders = {}) {
    struct stat st {};
    const bool found = ::stat(file.c_str(), &st) == 0;
    std::string line = name + " -";
    if (found)
      line = name + " " + std::to_string(st.st_size) + " " + std::to_string(ns_of(st.st_mtim)) + " " +
             std::to_string(st.st_ino) + " " + std::to_string(st.st_mode);
    lines.push_back(line);
    if (found && bytes_if_recent && S_ISREG(st.st_mode) && now - ns_of(st.st_mtim) < kRecentNs) {
      recent.emplace_back(file, content_hash(file));
      line += " " + recent.back().second;
    }
    if (folders.empty()) by_folder[""].push_back(std::move(line));
    for (const auto& f : folders) by_folder[f].push_back(line);
  }

  void add_line(std::string line) {
    by_folder[""].push_back(line);
    lines.push_back(std::move(line));
  }

  // Every entry under root, as "<tag>/<relative path> size time inode mode". content: entries
  // inside unit folders are grouped by folder too. The folders directly under root are walked
  // on up to threads threads (a city's content is a thousand unit folders), each into a Walk
  // of its own: every result is sorted afterwards, so the order of the walks does not matter.
  void add_tree(const std::string& tag, const fs::path& root, bool content = false, unsigned threads = 1) {
    std::error_code ec;
    add(tag, root);
    std::vector<fs::path> folders;
    for (fs::directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
         it.increment(ec)) {
      if (!enter(tag, root, *it, content)) continue;
      std::error_code link;
      if (it->is_directory(link) && !it->is_symlink(link)) folders.push_back(it->path());
    }
    if (ec) add_line(tag + " ! " + ec.message());  // unreadable: never "unchanged"
    std::vector<Walk> walks(folders.size());
    parallel_for(folders.size(), threads, [&](size_t i) {
      walks[i].now = now;
      walks[i].cancelled = cancelled;
      walks[i].add_below(tag, root, folders[i], content);
    });
    for (auto& walk : walks) take(std::move(walk));
  }

 private:
  // Adds entry (under root) unless it is a build's output, which is not an input; true when added.
  bool enter(const std::string& tag, const fs::path& root, const fs::directory_entry& entry, bool content) {
    std::error_code ec;
    if (entry.is_directory(ec) && is_output_folder(entry.path())) return false;
    const fs::path rel = entry.path().lexically_relative(root);  // no syscalls
    // A file directly in content/ (site.yaml) belongs to the site, a folder there is a unit's.
    const bool in_unit = content && (std::next(rel.begin()) != rel.end() || entry.is_directory(ec));
    add(tag + "/" + rel.generic_string(), entry.path(), true, in_unit ? folders_of(rel) : std::vector<std::string>{});
    return true;
  }

  // Every entry below folder (itself added already).
  void add_below(const std::string& tag, const fs::path& root, const fs::path& folder, bool content) {
    std::error_code ec;
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
    for (size_t n = 0; !ec && it != end; it.increment(ec)) {
      if (cancelled && *cancelled && ++n % 256 == 0 && (*cancelled)()) stopped = true;
      if (stopped) return;
      if (!enter(tag, root, *it, content)) it.disable_recursion_pending();
    }
    if (ec) add_line(tag + " ! " + ec.message());  // unreadable: never "unchanged"
  }

  void take(Walk&& other) {
    stopped = stopped || other.stopped;
    lines.insert(lines.end(), std::make_move_iterator(other.lines.begin()), std::make_move_iterator(other.lines.end()));
    recent.insert(recent.end(), std::make_move_iterator(other.recent.begin()), std::make_move_iterator(other.recent.end()));
    for (auto& [folder, group] : other.by_folder) {
      auto& into = by_folder[folder];
      into.insert(into.end(), std::make_move_iterator(group.begin()), std::make_move_iterator(group.end()));
    }
  }
};

std::string hex_of(uint64_t h) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

// The hash of a group of lines, in sorted order (a walk's order is the file system's).
std::string group_hash(std::vector<std::string>& lines) {
  std::sort(lines.begin(), lines.end());
  Fnv fnv;
  for (const auto& line : lines) fnv.add(line);
  return hex_of(fnv.h);
}

}  // namespace

InputStamp input_stamp(const CommandContext& context, const BuildOptions& build) {
  const CommonOptions& options = context.options;
  const fs::path& templates = *context.templates;
  const fs::path& themes = *context.themes;
  timespec clock {};
  ::clock_gettime(CLOCK_REALTIME, &clock);
  Walk walk;
  walk.now = ns_of(clock);
  walk.cancelled = &build.cancelled;
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  walk.add("generator", ec ? options.executable : self, false);
  // The messages' language too: the stored diagnostics are printed again as they were.
  walk.add_line("options " + std::string(options.lang ? lang_code(*options.lang) : "-") + " " + lang_code(context.lang) +
                       " " + build.pdf_variant + " " + fs::absolute(options.content_root, ec).generic_string() + " " +
                       fs::absolute(templates, ec).generic_string() + " " + fs::absolute(themes, ec).generic_string() + " " +
                       std::string(model::audience_word(build.audience)));
  for (const auto& unit : build.units) walk.add_line("unit " + unit);  // --enhet: another site
  walk.add_tree("content", options.content_root, true, context.threads());
  walk.add_tree("templates", templates);
  walk.add_tree("themes", themes);
  if (walk.stopped) return {};
  std::sort(walk.lines.begin() + 2, walk.lines.end());
  std::sort(walk.recent.begin(), walk.recent.end());
  Fnv fnv;
  for (const auto& line : walk.lines) fnv.add(line);
  InputStamp stamp{std::string(kFormat) + " " + hex_of(fnv.h) + " " + std::to_string(walk.lines.size()), std::move(walk.recent), {}};
  for (auto& [folder, lines] : walk.by_folder) {
    if (folder.empty())
      stamp.hashes.site = group_hash(lines);
    else
      stamp.hashes.folders.emplace(folder, group_hash(lines));
  }
  return stamp;
}

// After the summary line: one "recent <hash> <path as JSON>" line per recent file, then the
// diagnostics, one JSON object per line.
namespace {

std::string json_text(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

// Only what the "left out" line prints: the stamp sits in the published folder, and a draft's
// unit name or title must not reach it.
std::string draft_line(const model::DraftNote& d) {
  return "draft " + json_text({{"unit", d.unit_slug}, {"folder", d.folder}, {"errors", d.errors}, {"warnings", d.warnings}});
}

std::optional<model::DraftNote> read_draft_line(const std::string& line) {
  auto j = nlohmann::json::parse(line.substr(6), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  model::DraftNote d;
  d.unit_slug = j.value("unit", "");
  d.folder = j.value("folder", "");
  d.errors = j.value("errors", 0);
  d.warnings = j.value("warnings", 0);
  return d;
}

std::optional<Diagnostic> read_diagnostic_line(const std::string& line) {
  auto j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  Diagnostic d;
  d.severity = j.value("severity", "") == "error" ? Severity::kError : Severity::kWarning;
  d.pos = {j.value("file", ""), j.value("line", 0), j.value("column", 0)};
  d.message = j.value("message", "");
  d.hint = j.value("hint", "");
  return d;
}

}  // namespace

std::string stamp_file_text(const InputStamp& stamp, const BuildReport& report, const std::string& targets) {
  std::string text = stamp.summary + "\n";
  for (const auto& [file, hash] : stamp.recent) text += "recent " + hash + " " + json_text(file.string()) + "\n";
  for (const auto& d : report.diagnostics.items()) text += diagnostic_json(d) + "\n";
  for (const auto& d : report.drafts_left_out) text += draft_line(d) + "\n";
  return text + targets;
}

void read_target_log(const fs::path& out, TargetLog& log) {
  std::error_code ec;
  if (!fs::is_regular_file(out / kOutputMarker, ec)) return;
  std::ifstream in(out / kInputStampFile, std::ios::binary);
  std::string line;
  if (!std::getline(in, line) || line.rfind(std::string(kFormat) + " ", 0) != 0) return;
  std::ostringstream rest;
  rest << in.rdbuf();
  log.read_previous(rest.str());
}

std::optional<BuildReport> unchanged_build(const fs::path& out, const InputStamp& stamp) {
  std::error_code ec;
  if (!fs::is_regular_file(out / kOutputMarker, ec)) return std::nullopt;  // incomplete
  std::ifstream in(out / kInputStampFile);
  std::string line;
  if (!std::getline(in, line) || line != stamp.summary) return std::nullopt;
  BuildReport report;
  while (std::getline(in, line)) {
    if (line.rfind(kTargetLinePrefix, 0) == 0 || line.rfind(kDocumentLinePrefix, 0) == 0) break;  // the build log comes last
    if (line.rfind("recent ", 0) == 0) {  // saved just before that build: the bytes must be the same
      const size_t space = line.find(' ', 7);
      auto file = nlohmann::json::parse(line.substr(space == std::string::npos ? line.size() : space + 1), nullptr, false);
      if (space == std::string::npos || !file.is_string() || content_hash(file.get<std::string>()) != line.substr(7, space - 7))
        return std::nullopt;
    } else if (line.rfind("draft ", 0) == 0) {
      auto draft = read_draft_line(line);
      if (!draft) return std::nullopt;
      report.drafts_left_out.push_back(std::move(*draft));
    } else {
      auto d = read_diagnostic_line(line);
      if (!d) return std::nullopt;
      report.diagnostics.add(std::move(*d));
    }
  }
  return report;
}

}  // namespace kv
