// Nothing changed, nothing to do: a build leaves in its output a stamp of everything it read
// (every file's size and modification time under content/, templates/ and themes/, the
// generator itself and the options that shape the site), with the diagnostics it printed.
// The next build computes the stamp first (stat calls; only files saved in the last seconds
// are read) and, when it is the same and the output is complete, prints the stored
// diagnostics and stops: the output folder is not touched.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostic.h"
#include "load/input_hashes.h"
#include "model/site.h"
#include "write/target_log.h"

namespace kv {

struct CommandContext;
struct BuildOptions;

// The stamp file in a complete output folder: the state of the build that made it.
inline constexpr const char* kInputStampFile = ".kvalitet-inputs";

struct InputStamp {
  // The format, a hash of every input's path, size, time, inode and mode, and their number.
  std::string summary;
  // Files saved in the last seconds, with a hash of their bytes: a second save within the
  // same clock tick keeps the time (and maybe the size), so for these the bytes decide.
  std::vector<std::pair<std::filesystem::path, std::string>> recent;
  // The same inputs as hashes by folder (load/input_hashes.h): the declared targets' keys and
  // serve's cache of read documents are made of them.
  InputHashes hashes;
  bool empty() const { return summary.empty(); }
  bool operator==(const InputStamp&) const = default;
};

// The stamp of the inputs as they are now (context's templates and themes must have been
// found). Output folders inside content/ are not inputs. Empty when build.cancelled stopped it.
InputStamp input_stamp(const CommandContext& context, const BuildOptions& build);

// What a build printed, to print again when nothing changed.
struct BuildReport {
  DiagnosticList diagnostics;
  // Read back with only unit_slug, folder, errors and warnings: what the line prints.
  std::vector<model::DraftNote> drafts_left_out;
};

// The stamp file's text: the stamp, then the diagnostics as JSON lines, then the drafts left
// out ("draft " and a JSON object), then the build log of targets (targets: TargetLog::text).
std::string stamp_file_text(const InputStamp& stamp, const BuildReport& report, const std::string& targets = "");

// The build log of the complete output in out, into log; nothing when out is not complete or
// its stamp file is of another format.
void read_target_log(const std::filesystem::path& out, TargetLog& log);

// What the last build printed when out is complete and was built from the inputs as they are
// now (stamp: their stamp now); nullopt when anything differs or cannot be read.
std::optional<BuildReport> unchanged_build(const std::filesystem::path& out, const InputStamp& stamp);

}  // namespace kv
