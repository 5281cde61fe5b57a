#include "kolada/file_edit.h"

namespace kv::kolada {

std::string apply_edit(std::string_view text, const FileEdit& edit) {
  const std::string eol = text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
  std::string out;
  out.reserve(text.size() + 256);
  size_t at = 0;
  for (int line = 1; at < text.size() || edit.insert_before.count(line); ++line) {
    if (auto ins = edit.insert_before.find(line); ins != edit.insert_before.end())
      for (const auto& l : ins->second) out += l + eol;
    if (at >= text.size()) break;
    size_t end = text.find('\n', at);
    const size_t next = end == std::string_view::npos ? text.size() : end + 1;
    if (auto rep = edit.replace.find(line); rep != edit.replace.end()) {
      const bool crlf = end != std::string_view::npos && end > at && text[end - 1] == '\r';
      out += rep->second + (end == std::string_view::npos ? "" : crlf ? "\r\n" : "\n");
    } else {
      out.append(text.substr(at, next - at));
    }
    at = next;
  }
  return out;
}

}  // namespace kv::kolada
