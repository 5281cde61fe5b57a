#include "util/escape.h"

#include "util/text.h"

namespace kv {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_hex(std::string& out, char32_t value, int digits) {
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) out += kHex[(value >> shift) & 0xF];
}

bool ascii_alnum(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Characters that reorder text on screen (Trojan Source): shown, never obeyed.
bool bidi_control(char32_t c) { return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069); }

}  // namespace

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string css_string(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    char32_t cp = decode_utf8(s, i);
    if (cp == kInvalidCodePoint) cp = 0xFFFD;
    if (ascii_alnum(cp)) {
      out += static_cast<char>(cp);
    } else if (cp == 0) {
      out += "\\00fffd";  // CSS has no NUL; the parser would make it U+FFFD anyway
    } else {
      out += '\\';
      append_hex(out, cp, 6);  // exactly six digits: no terminating space needed
    }
  }
  return out + "\"";
}

namespace {

void append_json(std::string& out, std::string_view s, bool keep_utf8) {
  auto unicode_escape = [&](char32_t unit) {
    out += "\\u";
    append_hex(out, unit, 4);
  };
  out += '"';
  for (size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      const size_t start = i;
      char32_t cp = decode_utf8(s, i);
      if (cp == kInvalidCodePoint) cp = 0xFFFD;
      // U+2028 and U+2029 end a line in older JavaScript; C1 controls are never text.
      if (keep_utf8 && cp != 0xFFFD && cp != 0x2028 && cp != 0x2029 && cp >= 0xA0) {
        out.append(s.substr(start, i - start));
      } else if (keep_utf8 && cp == 0xFFFD) {
        out += "\xEF\xBF\xBD";
      } else if (cp >= 0x10000) {
        cp -= 0x10000;
        unicode_escape(0xD800 + (cp >> 10));
        unicode_escape(0xDC00 + (cp & 0x3FF));
      } else {
        unicode_escape(cp);
      }
      continue;
    }
    ++i;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '<':
        // "</script>" and "<!--" would otherwise mean something to an HTML parser.
        if (i < s.size() && s[i] == '/') out += "<\\";  // and '/' follows: "<\/"
        else if (i < s.size() && s[i] == '!') out += "\\u003c";
        else out += '<';
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) unicode_escape(static_cast<unsigned char>(c));
        else out += c;
    }
  }
  out += '"';
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) { append_json(out, s, false); }
void append_json_string_utf8(std::string& out, std::string_view s) { append_json(out, s, true); }

std::string xml_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    const char32_t cp = decode_utf8(s, i);
    if (cp == kInvalidCodePoint) {
      append_utf8(out, 0xFFFD);
    } else if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF) {
      continue;  // not allowed anywhere in an XML 1.0 document
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  return out;
}

std::string terminal_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    const char32_t cp = decode_utf8(s, i);
    if (cp == kInvalidCodePoint) {
      out += "\\x";
      append_hex(out, static_cast<unsigned char>(s[start]), 2);
    } else if (cp < 0x80 && is_control_character(cp)) {
      out += "\\x";
      append_hex(out, cp, 2);
    } else if (is_control_character(cp) || bidi_control(cp)) {
      out += "\\u{";
      append_hex(out, cp, 4);
      out += '}';
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  return out;
}

}  // namespace kv
