// `kvalitet importera fil.docx --struktur <id> --enhet <enhet>`: an earlier submission written
// in Word becomes a submission folder to check: pandoc converts it to Markdown, the text is
// split at the structure's part headings (import/split_parts.h), Exempel paragraphs become
// containers, images are kept beside the parts with their alt text, parts not found get the
// file `kvalitet ny` would write, and text that fits nowhere is kept in ej-placerad-text.md.
#pragma once
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

#include "i18n/lang.h"
#include "util/limits.h"
#include "pipeline/command_context.h"

namespace kv {

// What `importera` takes besides the options every command takes (pipeline/command_context.h).
struct ImportOptions {
  std::filesystem::path docx;
  std::string structure;      // --struktur
  std::string unit;           // --enhet: the unit's folder name
  unsigned pandoc_heap_mib = limits::kPandocHeapMiB;  // pandoc's heap limit; lower only in tests
};

int run_import(const CommandContext& context, const ImportOptions& options, std::ostream& out, std::ostream& err);

}  // namespace kv
