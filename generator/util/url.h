// Percent-encoding of addresses (RFC 3986): one definition for every place that builds or
// reads one.
#pragma once
#include <string>
#include <string_view>

namespace kv {

// Every byte but the unreserved characters and '/' as %XX: a path or query value as an
// address may carry it ("bild ett.png" → "bild%20ett.png").
std::string percent_encode_path(std::string_view s);

// "%C3%A5" → "å"; anything that is not a valid escape stays as written. plus_is_space: '+'
// is a space, as in a form's query values (a path keeps its '+').
std::string percent_decode(std::string_view s, bool plus_is_space = false);

}  // namespace kv
