// The requests `kvalitet serve` understands, parsed from a request head (request line and
// header lines) that http_server.h has read whole, within its size and time limits. Only
// what serve needs: GET and HEAD, an origin-form path ("/a/b?x=1", percent-decoded), its
// query parameters, and the headers by name. A request with a body is refused, since serve
// never reads one.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kv::serve {

struct Request {
  std::string method;  // "GET" or "HEAD"
  std::string path;    // percent-decoded ('+' stays '+'); starts with '/'
  std::vector<std::pair<std::string, std::string>> params;   // decoded, in order ('+' is a space)
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-case, values trimmed
  bool keep_alive = true;  // HTTP/1.1 unless "Connection: close"; HTTP/1.0 only with "keep-alive"

  // The first header of that name (any case), or "".
  std::string header(std::string_view name) const;
  // The first parameter of that name, or "".
  std::string param(std::string_view name) const;
};

// Where a request head ends in buffer: the offset just past its empty line ("\r\n\r\n", or
// "\n\n" from a lenient client), or npos while it is incomplete.
size_t find_head_end(std::string_view buffer);

// The parsed head, or the status to refuse it with: 400 (malformed), 405 (a method other than
// GET and HEAD), 505 (not HTTP/1.x).
struct ParsedHead {
  std::optional<Request> request;
  int refusal = 0;
};
ParsedHead parse_request_head(std::string_view head);

}  // namespace kv::serve
