// What `kvalitet serve` answers: a whole response (status, headers, body) made by a route,
// turned into bytes by the server, or the start of an event stream that the server's I/O
// thread then keeps (http_server.h).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kv::serve {

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type/-Length, Connection
  std::string content_type;
  std::string body;
  // Set by the event-stream route: the generation the tab shows. The server then keeps the
  // connection open and sends "event: reload" once a newer build is published.
  std::optional<std::uint64_t> event_stream_since;

  void set_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
  void set_content(std::string content, std::string type) {
    body = std::move(content);
    content_type = std::move(type);
  }
  // 302 to location (a path of this site).
  void set_redirect(std::string location) {
    status = 302;
    set_header("Location", std::move(location));
  }
};

// "OK", "Not Found", … for the statuses serve answers with.
std::string_view status_text(int status);

// The bytes on the wire: status line, headers (Content-Length always, Connection as given),
// then the body unless head_only (a HEAD request).
std::string serialize_response(const Response& r, bool head_only, bool keep_alive);

// A short plain-text response, for the server's own refusals (400, 408, 431, 503, …).
Response plain_response(int status, std::string text);

}  // namespace kv::serve
