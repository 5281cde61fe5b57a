// What Excel accepts in a workbook, checked before libxlsxwriter is called: cell texts,
// sheet names, link addresses and dates. Every function takes any bytes (even invalid
// UTF-8 or control characters) and returns something a workbook can hold.
//
// Lengths are counted as Excel counts them: in UTF-16 code units (a letter outside the
// Basic Multilingual Plane, such as an emoji, counts two). libxlsxwriter 1.1.4 (Debian 12)
// counts code points (lxw_utf8_strlen) against the same limits, which is never more than
// the UTF-16 count, so a text that fits Excel also passes libxlsxwriter's own checks.
#pragma once
#include <xlsxwriter.h>

#include <cstddef>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

#include "i18n/lang.h"

namespace kv::xlsx {

inline constexpr size_t kMaxCellChars = 32767;  // Excel's limit for one cell's text
inline constexpr size_t kMaxSheetNameChars = 31;
inline constexpr size_t kMaxUrlChars = 2079;    // libxlsxwriter's and Excel's limit for a link
inline constexpr size_t kMaxLinksPerSheet = 65530;
inline constexpr size_t kMaxTitleChars = 255;   // what Excel's property dialog keeps

// Length in UTF-16 code units of valid UTF-8.
size_t excel_length(std::string_view s);
// The longest start of valid UTF-8 s that is at most max UTF-16 code units long.
std::string_view excel_prefix(std::string_view s, size_t max);

// A text for one cell: characters XML forbids are dropped and invalid UTF-8 becomes U+FFFD
// (xml_text). A text longer than kMaxCellChars is cut on a character boundary and ends with
// a note in lang saying so and how long the whole text is; `cut` tells the caller to warn.
struct CellText {
  std::string text;
  size_t length = 0;  // of the whole cleaned text, in UTF-16 code units
  bool cut = false;
};
CellText cell_text(std::string_view raw, Lang lang);

// Excel's rules for sheet names: at most 31 characters, none of []:*?/\ (each becomes '-'),
// no apostrophe first or last, no control characters, not empty ("Blad").
std::string sheet_name(std::string_view wanted);

// The document title: cleaned as a cell text and cut to kMaxTitleChars characters.
std::string title_text(std::string_view raw);

// The length libxlsxwriter gives a link address once it has %-escaped it: space, " < > [ ]
// ` ^ { } and a '%' not starting an escape become three characters each.
size_t escaped_url_length(std::string_view url);

// "2024-01-31" as a date Excel can hold: exactly YYYY-MM-DD, a real day of the calendar,
// and between 1900-01-01 and 9999-12-31. Anything else gives nullopt.
std::optional<lxw_datetime> excel_date(std::string_view iso);

// A creation time libxlsxwriter writes as a valid ISO 8601 stamp: within 1900–9999, and
// never 0, which libxlsxwriter would replace with the current time.
std::time_t document_time(std::time_t wanted);

}  // namespace kv::xlsx
