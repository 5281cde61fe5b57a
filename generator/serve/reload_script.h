// Live reload for `kvalitet serve`: a small inline script, added to every HTML page serve
// answers (never to the published site), that listens to serve's event stream and reloads
// the page when a new build is ready. No external script is loaded.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace kv::serve {

// The event stream's address; ?sedan=N asks for an event as soon as a build newer than
// generation N exists, so a build that finished while the page loaded is not missed.
inline constexpr const char* kEventsPath = "/_kvalitet/handelser";

// The <script> element for a page made from generation. Only the number is put into it.
std::string reload_script(std::uint64_t generation);

// html with extra inserted before its last </body> (at the end when there is none).
std::string inject_at_body_end(std::string_view html, std::string_view extra);

// html with extra inserted right after its first <body …> tag (at the start when there is none).
std::string inject_after_body_start(std::string_view html, std::string_view extra);

// html with the reload script inserted (inject_at_body_end).
std::string inject_reload_script(std::string_view html, std::uint64_t generation);

}  // namespace kv::serve
