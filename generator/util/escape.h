// Escaping by construction: one function per output language the generator writes. Every
// text that came from an author passes through the function of the context it lands in.
// Each takes any bytes (even invalid UTF-8) and returns text that cannot end its context.
#pragma once
#include <string>
#include <string_view>

namespace kv {

// HTML text and attribute values: &, <, >, " and ' become character references.
std::string html_escape(std::string_view s);

// A quoted CSS string ("…"): every character but ASCII letters and digits is written as a
// six-digit hex escape, so no CR, FF, quote, backslash or '<' can end the string or the
// <style> element around it.
std::string css_string(std::string_view s);

// Appends a JSON string literal in pure ASCII that is also safe inside an HTML <script>:
// control characters and non-ASCII as \uXXXX, "</" as "<\/", "<!" as "\u003c!".
void append_json_string(std::string& out, std::string_view s);

// The same in UTF-8, for files read as UTF-8 whatever the page says (the search index):
// only controls, U+2028, U+2029, quote, backslash and "</", "<!" are escaped; invalid UTF-8
// becomes U+FFFD.
void append_json_string_utf8(std::string& out, std::string_view s);

// Text for XML 1.0 (xlsx cells, sheet names, document properties): characters XML forbids
// (C0 controls but tab, newline and CR; U+FFFE, U+FFFF) are dropped and invalid UTF-8
// becomes U+FFFD. Markup characters are left to the XML writer.
std::string xml_text(std::string_view s);

// Text for a terminal or a log line: control characters (C0, DEL, C1), bidirectional
// overrides and invalid UTF-8 bytes are shown as \xHH or \u{HHHH}, so a name cannot move
// the cursor, change colours or start a new, forged line.
std::string terminal_text(std::string_view s);

}  // namespace kv
