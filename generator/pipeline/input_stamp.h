// Nothing changed, nothing to do: a build leaves in its output a stamp of everything it read
// (every file's size and modification time under content/, templates/ and themes/, the
// generator itself and the options that shape the site), with the diagnostics it printed.
// The next build computes the stamp first (stat calls only, no file is read) and, when it is
// the same and the output is complete, prints the stored diagnostics and stops: the output
// folder is not touched. As with make and ninja, a file saved with the same size in the same
// nanosecond is not noticed; `touch` or any edit is.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "diag/diagnostic.h"

namespace kv {

struct PipelineOptions;

// The stamp file in a complete output folder.
inline constexpr const char* kInputStampFile = ".kvalitet-inputs";

// The stamp of the inputs as they are now: one line naming the format and a hash of every
// input's path, size and time. Output folders inside content/ are not inputs.
std::string input_stamp(const PipelineOptions& options, const std::filesystem::path& templates,
                        const std::filesystem::path& themes);

// The stamp file's text: the stamp, then the diagnostics as JSON lines.
std::string stamp_file_text(const std::string& stamp, const Diagnostics& diags);

// The diagnostics of the last build when out is complete and was built from inputs with this
// stamp; nullopt when anything differs or cannot be read.
std::optional<Diagnostics> unchanged_build(const std::filesystem::path& out, const std::string& stamp);

}  // namespace kv
