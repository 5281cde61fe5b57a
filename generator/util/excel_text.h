// What Excel accepts as a text, counted as Excel counts: the limits of a cell, a sheet name,
// a link and a title, and the functions that keep a text within them. Plain text rules, no
// workbook library: validation checks names against them (validate/site.cc) and
// render/xlsx/cell_text.h builds on them. Every function takes any bytes (even invalid UTF-8
// or control characters) and returns something a workbook can hold.
//
// Lengths are counted as Excel counts them: in UTF-16 code units (a letter outside the
// Basic Multilingual Plane, such as an emoji, counts two). libxlsxwriter 1.1.4 (Debian 12)
// counts code points (lxw_utf8_strlen) against the same limits, which is never more than
// the UTF-16 count, so a text that fits Excel also passes libxlsxwriter's own checks.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

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

// Excel's rules for sheet names: at most 31 characters, none of []:*?/\ (each becomes '-'),
// no apostrophe first or last, no control characters, not empty ("Blad").
std::string sheet_name(std::string_view wanted);

// The document title: cleaned as a cell text and cut to kMaxTitleChars characters.
std::string title_text(std::string_view raw);

// The length libxlsxwriter gives a link address once it has %-escaped it: space, " < > [ ]
// ` ^ { } and a '%' not starting an escape become three characters each.
size_t escaped_url_length(std::string_view url);

}  // namespace kv::xlsx
