// What Excel accepts in a workbook, checked before libxlsxwriter is called: cell texts
// (with a note in the reader's language where one is cut) and dates. The plain text limits
// and names (sheet names, link lengths, titles) are in util/excel_text.h, which validation
// uses too. Every function takes any bytes and returns something a workbook can hold.
#pragma once
#include <xlsxwriter.h>

#include <cstddef>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

#include "i18n/lang.h"
#include "util/excel_text.h"

namespace kv::xlsx {

// A text for one cell: characters XML forbids are dropped and invalid UTF-8 becomes U+FFFD
// (xml_text). A text longer than kMaxCellChars is cut on a character boundary and ends with
// a note in lang saying so and how long the whole text is; `cut` tells the caller to warn.
struct CellText {
  std::string text;
  size_t length = 0;  // of the whole cleaned text, in UTF-16 code units
  bool cut = false;
};
CellText cell_text(std::string_view raw, Lang lang);

// "2024-01-31" as a date Excel can hold: exactly YYYY-MM-DD, a real day of the calendar,
// and between 1900-01-01 and 9999-12-31. Anything else gives nullopt.
std::optional<lxw_datetime> excel_date(std::string_view iso);

// A creation time libxlsxwriter writes as a valid ISO 8601 stamp: within 1900–9999, and
// never 0, which libxlsxwriter would replace with the current time.
std::time_t document_time(std::time_t wanted);

}  // namespace kv::xlsx
