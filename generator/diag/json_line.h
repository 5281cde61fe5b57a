// Diagnostics for editors and scripts (--format json): one JSON object per line,
// {"file","line","column","severity","message","hint"}. line and column are 0 when the
// problem concerns a whole file or line, hint is "" when there is none. Strings are escaped
// by the JSON writer (quotes, backslashes, control characters); other text stays UTF-8, and
// bytes that are not UTF-8 (a file name) become U+FFFD.
#pragma once
#include <string>

#include "diag/diagnostic.h"

namespace kv {

// The object for d, without the newline.
std::string diagnostic_json(const Diagnostic& d);

}  // namespace kv
