// Input limits. Each keeps one hostile or careless file from costing the build machine
// minutes, gigabytes or an unreadable terminal; each is far above what a real document
// needs (the largest seed, 44 printed pages, is 150 kB of text). Documented in
// docs/content-model.md ("Gränser"); a limit reached is an error naming the limit.
#pragma once
#include <cstddef>
#include <cstdint>

namespace kv::limits {

// A YAML or Markdown file, in bytes.
inline constexpr std::uintmax_t kTextFileBytes = 1 << 20;  // 1 MiB
// An image referenced from a bild block or from Markdown, in bytes.
inline constexpr std::uintmax_t kImageFileBytes = 20 << 20;  // 20 MiB
// One YAML value (a text, a list item), in characters.
inline constexpr size_t kValueChars = 100'000;
// A name or title that is repeated on every page (unit, administration, site title).
inline constexpr size_t kNameChars = 200;
// Columns of one Markdown table; cmark-gfm's table parser is quadratic in them.
inline constexpr size_t kTableColumns = 64;
// Entries (files and folders) of one content folder.
inline constexpr size_t kFolderEntries = 2'000;
// Diagnostics printed by default; the rest are counted ("… och 1 234 till").
inline constexpr size_t kPrintedDiagnostics = 200;

}  // namespace kv::limits
