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
// A document as the last build stored it in the output for the next (validate/
// submission_cache.h), in bytes: a larger file is not trusted and the document is read again.
inline constexpr std::uintmax_t kStoredDocumentBytes = std::uintmax_t{256} << 20;  // 256 MiB
// A document's piece of the search index as the last build kept it (render/search/
// search_index.h), in bytes: a larger one is made again (one is about 64 kB).
inline constexpr std::uintmax_t kSearchPieceBytes = std::uintmax_t{64} << 20;  // 64 MiB
// One YAML value (a text, a list item), in characters.
inline constexpr size_t kValueChars = 100'000;
// A name or title that is repeated on every page (unit, administration, site title).
inline constexpr size_t kNameChars = 200;
// Columns of one Markdown table; cmark-gfm's table parser is quadratic in them.
inline constexpr size_t kTableColumns = 64;
// Entries (files and folders) of one content folder.
inline constexpr size_t kFolderEntries = 2'000;
// One answer from Kolada (kvalitet kolada --hamta), in bytes after decompression: checked
// against Content-Length first, then counted while it is received (a chunked answer has no
// length). Kolada's largest answers (every unit of a municipality) are well under 1 MiB.
inline constexpr std::uintmax_t kKoladaAnswerBytes = 32 << 20;  // 32 MiB
// One saved Kolada answer (kvalitet kolada --data), in bytes: its size is checked before it
// is read, and no more than this is ever read.
inline constexpr std::uintmax_t kKoladaDataFileBytes = 32 << 20;  // 32 MiB
// Redirects followed for one request to Kolada (each to the API's own origin).
inline constexpr int kKoladaRedirects = 5;
// A Word file given to `kvalitet importera`, checked before pandoc reads it: the .docx itself,
// its number of entries, each entry unpacked and all entries unpacked together. The unpacked
// bytes are counted while decompressing, since the sizes a zip states for its entries can lie.
// A real submission with photographs is a few MB; a zip bomb of 0.4 MB unpacks to 400 MB.
inline constexpr std::uintmax_t kDocxFileBytes = std::uintmax_t{100} << 20;   // 100 MiB
inline constexpr size_t kDocxEntries = 10'000;
inline constexpr std::uintmax_t kDocxEntryBytes = std::uintmax_t{64} << 20;   // 64 MiB
inline constexpr std::uintmax_t kDocxTotalBytes = std::uintmax_t{256} << 20;  // 256 MiB
// pandoc's heap while it converts the Word file, in MiB (GHC's runtime option +RTS -M…; a
// limit on the address space does not work, GHC reserves a terabyte up front). The whole
// 2018 example submission as one .docx needs about 115 MB; a 400 MB zip bomb reaches the
// limit in a minute and a half.
inline constexpr unsigned kPandocHeapMiB = 1500;
// Diagnostics printed by default; the rest are counted ("… och 1 234 till").
inline constexpr size_t kPrintedDiagnostics = 200;

}  // namespace kv::limits
