// Reading the author's files: bytes in, checked UTF-8 text out, with a path for diagnostics.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "diag/report.h"

namespace kv {

struct SourceFile {
  std::string path;  // display path used in diagnostics
  std::string text;  // valid UTF-8, byte-order mark removed
};

// Reads file; reports unreadable files and invalid UTF-8 (with line and column) and returns
// nullopt for them.
std::optional<SourceFile> read_source(const std::filesystem::path& file, Report& report);

}  // namespace kv
