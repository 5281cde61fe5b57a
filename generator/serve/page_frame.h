// The frame of serve's own pages (the error list, the source view, "not found"): a complete
// HTML page with its style inline, so it shows even when no build of the site exists yet,
// and with the reload script, so it goes away by itself once the problem is fixed.
#pragma once
#include <cstdint>
#include <string>

#include "i18n/lang.h"

namespace kv::serve {

// title is plain text (escaped here); body is HTML the caller has escaped.
std::string page_frame(Lang lang, const std::string& title, const std::string& body, std::uint64_t generation);

}  // namespace kv::serve
