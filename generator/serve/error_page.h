// serve's pages for a build that failed (every diagnostic, each place linked to its line in
// the source view) and for an address the site does not have.
#pragma once
#include <cstdint>
#include <string>

#include "serve/live_state.h"
#include "serve/source_view.h"

namespace kv::serve {

// The diagnostics of s, errors first, at most limits::kPrintedDiagnostics of them. A place
// is linked only when the source view will show its file.
std::string error_page(const Snapshot& s, const SourceRoots& roots);

// "Sidan finns inte" for path (answered with 404).
std::string not_found_page(Lang lang, const std::string& path, std::uint64_t generation);

}  // namespace kv::serve
