// Numbers as a Swedish (or English) reader expects them: on pages, in workbooks and in
// messages. Shared by the renderers, validation and kvalitet kolada, so one figure reads
// the same wherever it is shown.
#pragma once
#include <string>

#include "i18n/lang.h"
#include "util/number.h"

namespace kv {

// Shortest exact form, decimal comma in Swedish: 277.76 → "277,76"; 1200 → "1200";
// 12000 → "12 000" (non-breaking space).
std::string format_number(double value, Lang lang);
// With the decimals the author wrote, rounded to them: {22, 1} → "22,0", {12.5, 2} → "12,50".
// Computed figures are shown so too, with the most decimals of what they were computed from.
std::string format_number(const Number& n, Lang lang);

// With an explicit sign for non-zero values: "+1,3", "−0,4" (minus sign).
std::string format_signed(double value, Lang lang);
std::string format_signed(const Number& n, Lang lang);

// "76 %" in Swedish (non-breaking space), "76%" in English.
std::string format_percent(double value, Lang lang);
std::string format_percent(const Number& n, Lang lang);

// An indicator's value in its unit: "83 %" for unit %, "12,02" otherwise.
std::string format_indicator_value(double value, const std::string& unit, Lang lang);
std::string format_indicator_value(const Number& n, const std::string& unit, Lang lang);

// A number as an author writes it in YAML, for messages: 85, 85,5 (Swedish) / 85.5
// (English); no grouping, up to ten significant digits.
std::string plain_number(double value, Lang lang);

}  // namespace kv
