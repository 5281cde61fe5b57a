#include "validate/svg_check.h"

#include <string>

#include "util/text.h"

namespace kv {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

size_t skip(std::string_view s, size_t i, bool quotes) {
  while (i < s.size() && (is_space(s[i]) || (quotes && (s[i] == '"' || s[i] == '\'')))) ++i;
  return i;
}

// s at i (after spaces and quotes) starts a URL that leaves the file.
bool external_at(std::string_view s, size_t i) {
  i = skip(s, i, true);
  for (std::string_view p : {"http:", "https:", "//", "file:", "ftp:"})
    if (s.substr(i, p.size()) == p) return true;
  return false;
}

// An attribute named on… (an event handler): looked for only among a tag's attribute names,
// so text such as "onsdag=bra" between tags is no handler.
bool has_handler(std::string_view s) {
  bool in_tag = false;
  char quote = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (!in_tag) {
      in_tag = c == '<';
    } else if (c == '>') {
      in_tag = false;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if ((is_space(c) || c == '/') && s.substr(i + 1, 2) == "on") {
      size_t k = i + 3;
      if (k >= s.size() || !is_lower(s[k])) continue;
      while (k < s.size() && (is_lower(s[k]) || s[k] == '-')) ++k;
      k = skip(s, k, false);
      if (k < s.size() && s[k] == '=') return true;
    }
  }
  return false;
}

// href=, src= or url( naming another place.
bool has_external_reference(std::string_view s) {
  for (std::string_view name : {"href", "src"})
    for (size_t at = s.find(name); at != std::string_view::npos; at = s.find(name, at + 1)) {
      size_t i = skip(s, at + name.size(), false);
      if (i < s.size() && s[i] == '=' && external_at(s, i + 1)) return true;
    }
  for (size_t at = s.find("url("); at != std::string_view::npos; at = s.find("url(", at + 1))
    if (external_at(s, at + 4)) return true;
  return false;
}

}  // namespace

bool svg_is_inert(std::string_view svg) {
  const std::string text = fold_case(svg);
  for (const char* bad :
       {"<script", "javascript:", "vbscript:", "<foreignobject", "<iframe", "<embed", "<object", "@import"})
    if (text.find(bad) != std::string::npos) return false;
  return !has_handler(text) && !has_external_reference(text);
}

}  // namespace kv
