#include "serve/http_request.h"

#include "util/url.h"

namespace kv::serve {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

// RFC 9110's token characters (method and header names).
bool is_token_char(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_token(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!is_token_char(c)) return false;
  return true;
}

// A request target in origin form: '/' then visible ASCII or UTF-8 bytes, no spaces or controls.
bool is_origin_target(std::string_view s) {
  if (s.empty() || s.front() != '/') return false;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F) return false;
  }
  return true;
}

// A header value may hold tabs and visible bytes, not other control characters.
bool is_field_value(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t') || u == 0x7F) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// True when the comma-separated list value holds token (any case).
bool has_token(std::string_view list, std::string_view token) {
  while (!list.empty()) {
    const size_t comma = list.find(',');
    if (equals_ignoring_case(trim(list.substr(0, comma)), token)) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> params;
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view item = query.substr(0, amp);
    if (!item.empty()) {
      const size_t eq = item.find('=');
      params.emplace_back(percent_decode(item.substr(0, eq), true),
                          eq == std::string_view::npos ? std::string() : percent_decode(item.substr(eq + 1), true));
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return params;
}

}  // namespace

std::string Request::header(std::string_view name) const {
  for (const auto& [n, v] : headers)
    if (equals_ignoring_case(n, name)) return v;
  return {};
}

std::string Request::param(std::string_view name) const {
  for (const auto& [n, v] : params)
    if (n == name) return v;
  return {};
}

size_t find_head_end(std::string_view buffer) {
  for (size_t at = buffer.find('\n'); at != std::string_view::npos; at = buffer.find('\n', at + 1)) {
    if (at + 1 < buffer.size() && buffer[at + 1] == '\n') return at + 2;
    if (at + 2 < buffer.size() && buffer[at + 1] == '\r' && buffer[at + 2] == '\n') return at + 3;
  }
  return std::string_view::npos;
}

ParsedHead parse_request_head(std::string_view head) {
  // The lines, each without its line end; the head's closing empty line ends the list.
  std::vector<std::string_view> lines;
  while (!head.empty()) {
    const size_t nl = head.find('\n');
    std::string_view line = head.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    head.remove_prefix(nl + 1);
  }
  if (lines.empty()) return {{}, 400};

  // The request line: METHOD SP target SP HTTP/1.x, single spaces.
  const std::string_view first = lines.front();
  const size_t sp1 = first.find(' ');
  const size_t sp2 = sp1 == std::string_view::npos ? sp1 : first.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || first.find(' ', sp2 + 1) != std::string_view::npos) return {{}, 400};
  const std::string_view method = first.substr(0, sp1), target = first.substr(sp1 + 1, sp2 - sp1 - 1),
                         version = first.substr(sp2 + 1);
  if (!is_token(method) || !is_origin_target(target)) return {{}, 400};
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (version.size() != 8 || !version.starts_with("HTTP/") || !digit(version[5]) || version[6] != '.' ||
      !digit(version[7]))
    return {{}, 400};
  if (version[5] != '1') return {{}, 505};

  Request r;
  r.method = std::string(method);
  bool has_body = false, has_host = false;
  for (size_t i = 1; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    const size_t colon = line.find(':');
    // No name, a space before the colon, or a folded continuation line: malformed.
    if (colon == std::string_view::npos || !is_token(line.substr(0, colon))) return {{}, 400};
    const std::string_view value = trim(line.substr(colon + 1));
    if (!is_field_value(value)) return {{}, 400};
    std::string name(line.substr(0, colon));
    for (char& c : name) c = lower(c);
    if (name == "host") {
      if (has_host) return {{}, 400};  // two Hosts: which one would the check believe?
      has_host = true;
    }
    if (name == "transfer-encoding" || (name == "content-length" && value != "0")) has_body = true;
    r.headers.emplace_back(std::move(name), std::string(value));
  }
  const std::string connection = r.header("connection");
  r.keep_alive = version == "HTTP/1.1" ? !has_token(connection, "close") : has_token(connection, "keep-alive");

  if (r.method != "GET" && r.method != "HEAD") return {{}, 405};
  if (has_body) return {{}, 400};  // serve never reads a body, so it could not find the next request

  const size_t question = target.find('?');
  r.path = percent_decode(target.substr(0, question), false);
  if (question != std::string_view::npos) r.params = parse_query(target.substr(question + 1));
  return {std::move(r), 0};
}

}  // namespace kv::serve
