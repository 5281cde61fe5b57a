#include "render/xlsx/cell_text.h"

#include <algorithm>
#include <cctype>

#include "i18n/messages.h"
#include "render/format.h"
#include "util/escape.h"
#include "util/text.h"
#include "util/time.h"

namespace kv::xlsx {
namespace {

size_t units(char32_t cp) { return cp >= 0x10000 ? 2 : 1; }

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
