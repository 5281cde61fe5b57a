// serve's pages about problems: the list of every diagnostic (and the page shown for every
// address when nothing could be built), the page of a unit or document left out of the site
// for its errors, the banner every page gets while the content has errors, and the page for
// an address the site does not have.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "serve/live_state.h"
#include "serve/source_view.h"

namespace kv::serve {

// The address of the list of every diagnostic, linked from the banner.
inline constexpr const char* kProblemsPath = "/_kvalitet/fel";

// The diagnostics of s, errors first and, when there are errors, the warnings folded away
// below them; at most limits::kPrintedDiagnostics of them. A place is linked only when the
// source view will show its file.
std::string error_page(const Snapshot& s, const SourceRoots& roots);

// A page of a unit or document that is not on the site for its errors: its own diagnostics.
// folder: its folder as the author knows it ("content/enhet/2018/kvalitetsutmarkelsen").
std::string place_error_page(const Snapshot& s, const SourceRoots& roots, const std::vector<Diagnostic>& diags,
                             const std::string& folder);

// The banner at the top of every page while s has errors: how many, and a link to the list.
// "" when s has none.
std::string problems_banner(const Snapshot& s);

// "Sidan finns inte" for path (answered with 404).
std::string not_found_page(Lang lang, const std::string& path, std::uint64_t generation);

}  // namespace kv::serve
