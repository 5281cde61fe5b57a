#include "util/excel_text.h"

#include <cctype>

#include "util/escape.h"
#include "util/text.h"

namespace kv::xlsx {
namespace {

size_t units(char32_t cp) { return cp >= 0x10000 ? 2 : 1; }

}  // namespace

size_t excel_length(std::string_view s) {
  size_t count = 0;
  for (size_t i = 0; i < s.size();) count += units(decode_utf8(s, i));
  return count;
}

std::string_view excel_prefix(std::string_view s, size_t max) {
  size_t count = 0, i = 0;
  while (i < s.size()) {
    size_t next = i;
    const char32_t cp = decode_utf8(s, next);
    if (count + units(cp) > max) break;
    count += units(cp);
    i = next;
  }
  return s.substr(0, i);
}

std::string sheet_name(std::string_view wanted) {
  std::string clean;
  for (char c : xml_text(wanted)) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';  // a name is one line
    clean += std::string_view("[]:*?/\\").find(c) != std::string_view::npos ? '-' : c;
  }
  std::string_view name = excel_prefix(clean, kMaxSheetNameChars);
  while (!name.empty() && name.front() == '\'') name.remove_prefix(1);
  while (!name.empty() && name.back() == '\'') name.remove_suffix(1);
  return name.empty() ? "Blad" : std::string(name);
}

std::string title_text(std::string_view raw) {
  const std::string clean = xml_text(raw);
  return std::string(excel_prefix(clean, kMaxTitleChars));
}

size_t escaped_url_length(std::string_view url) {
  auto hex = [&](size_t i) { return i < url.size() && std::isxdigit(static_cast<unsigned char>(url[i])); };
  size_t length = 0;
  for (size_t i = 0; i < url.size();) {
    const char c = url[i];
    const bool escaped = std::string_view(" \"<>[]`^{}").find(c) != std::string_view::npos ||
                         (c == '%' && !(hex(i + 1) && hex(i + 2)));
    decode_utf8(url, i);
    length += escaped ? 3 : 1;  // libxlsxwriter counts code points, not UTF-16 units
  }
  return length;
}

}  // namespace kv::xlsx
