// The Python program that runs WeasyPrint on one print page. It is kept in the binary and
// run as `python3 -I -c <program> args…`, so no resource file has to be found at run time.
#pragma once
#include <string_view>

namespace kv {

// Arguments: staging folder, print page, base URL, PDF to write, variant, identifier.
// The program's URL fetcher reads only files inside the staging folder (after resolving
// symlinks) and data: URLs; it refuses everything else (http, https, ftp, files elsewhere)
// and prints one line per refused URL on stderr: kRefusedUrlMarker followed by the URL,
// with control characters percent-encoded and cut after 300 characters.
extern const std::string_view kWeasyPrintScript;

inline constexpr std::string_view kRefusedUrlMarker = "kvalitet-refused-url: ";

}  // namespace kv
