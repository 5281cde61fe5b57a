#include "render/xlsx/cell_text.h"

#include <algorithm>
#include <cctype>

#include "i18n/messages.h"
#include "i18n/numbers.h"
#include "util/escape.h"
#include "util/text.h"
#include "util/time.h"

namespace kv::xlsx {
namespace {

bool leap(int year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : kDays[month - 1];
}

std::optional<int> digits(std::string_view s) {
  int value = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

CellText cell_text(std::string_view raw, Lang lang) {
  CellText out{xml_text(raw)};
  out.length = excel_length(out.text);
  if (out.length <= kMaxCellChars) return out;
  const std::string note = text(lang, Msg::kXlsxCutMarker, {format_number(static_cast<double>(out.length), lang)});
  std::string_view kept = excel_prefix(out.text, kMaxCellChars - excel_length(note));
  while (!kept.empty() && std::isspace(static_cast<unsigned char>(kept.back()))) kept.remove_suffix(1);
  out.text = std::string(kept) + note;
  out.cut = true;
  return out;
}

std::optional<lxw_datetime> excel_date(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  auto year = digits(iso.substr(0, 4)), month = digits(iso.substr(5, 2)), day = digits(iso.substr(8, 2));
  if (!year || !month || !day || *year < kFirstYear || *year > kLastYear || *month < 1 || *month > 12 || *day < 1 ||
      *day > days_in_month(*year, *month))
    return std::nullopt;
  return lxw_datetime{*year, *month, *day, 0, 0, 0};
}

std::time_t document_time(std::time_t wanted) {
  const std::time_t first = start_of_year(kFirstYear), last = start_of_year(kLastYear) + 364 * 24 * 60 * 60;
  const std::time_t t = std::clamp(wanted, first, last);
  return t == 0 ? 1 : t;  // 1970-01-01T00:00:01Z: one second off rather than today's date
}

}  // namespace kv::xlsx
