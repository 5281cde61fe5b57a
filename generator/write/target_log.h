// The build log of declared targets, as ninja's .ninja_log records its edges: every output
// file belongs to a target (a page, a workbook, a document's search pieces, …) whose key is a
// hash of everything it is made from (render/targets.h). The log of the last complete build
// says which files each key made; a target whose key is in it is not made again but taken
// over from the previous output (write/output_tree.h), so an edit re-renders only what it
// touches. The log lives in the output's state file (pipeline/input_stamp.h), written with
// the output; a missing or unreadable log means every target is made.
#pragma once
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kv {

class TargetLog {
 public:
  // previous: the "target …" lines of the last complete build's state file.
  void read_previous(std::string_view lines);

  bool has_previous() const { return !previous_.empty(); }

  // The files key made in the last build; nullopt when it was not built then.
  const std::vector<std::string>* previous(const std::string& key) const;

  // This build made (or took over) paths for key. Thread-safe. A path with a tab or a line
  // break cannot be logged: its target is made again every time.
  void record(const std::string& key, std::vector<std::string> paths);

  // What the last build recorded of the document it stored for folder (validate/
  // submission_cache.h: its key's hash and its bytes' check sum); nullptr when none.
  const std::string* previous_document(const std::string& folder) const;

  // This build stored (or took over) folder's document with record. Thread-safe.
  void record_document(const std::string& folder, std::string record);

  // This build's lines, "target <key>\t<path>\t<path>…" sorted by key, then
  // "document <folder>\t<record>" sorted by folder.
  std::string text() const;

 private:
  std::map<std::string, std::vector<std::string>, std::less<>> previous_;
  std::map<std::string, std::string> previous_documents_;
  mutable std::mutex lock_;
  std::map<std::string, std::vector<std::string>> current_;
  std::map<std::string, std::string> current_documents_;
};

// How log lines start.
inline constexpr std::string_view kTargetLinePrefix = "target ";
inline constexpr std::string_view kDocumentLinePrefix = "document ";

}  // namespace kv
