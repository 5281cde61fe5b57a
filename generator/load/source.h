// Reading the author's files: bytes in, checked UTF-8 text out, with a path for diagnostics.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "diag/diagnostics.h"
#include "load/content_path.h"

namespace kv {

struct SourceFile {
  std::string path;  // display path used in diagnostics
  std::string text;  // valid UTF-8 without invisible control characters, byte-order mark removed
};

// Reads file; reports a file that is not a regular file, is larger than
// limits::kTextFileBytes, is unreadable, is not strict UTF-8 or holds a control character
// other than tab and line breaks (each with line and column), and returns nullopt for it.
std::optional<SourceFile> read_source(const std::filesystem::path& file, Diagnostics& diagnostics);

// The same for a file of the author's: it must also lie inside the content folder after
// following links (see load/content_path.h).
std::optional<SourceFile> read_content_file(const ContentRoot& root, const std::filesystem::path& file,
                                            Diagnostics& diagnostics);

// The first control character that has no place in a text file: C0 but tab, LF and CR
// (a CR only as part of CRLF), DEL, and C1. Its byte offset, or nullopt.
std::optional<size_t> find_control_character(std::string_view text);

}  // namespace kv
