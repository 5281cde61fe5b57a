#include "util/number.h"

#include <cctype>
#include <cstdio>

#include "util/text.h"

namespace kv {

Number::Number(double v) : value(v) {
  // Rounded to kMaxDecimals first, so a sum such as 0.1 + 0.2 has one decimal, not seventeen.
  char buffer[400];  // DBL_MAX with kMaxDecimals decimals fits
  std::snprintf(buffer, sizeof buffer, "%.*f", kMaxDecimals, v);
  std::string_view s(buffer);
  if (s.find('.') != std::string_view::npos) {
    while (s.back() == '0') s.remove_suffix(1);
    decimals = written_decimals(s);
  }
}

int written_decimals(std::string_view s) {
  s = trim(s);
  const size_t separator = s.find_first_of(",.");
  if (separator == std::string_view::npos) return 0;
  int digits = 0;
  for (size_t i = separator + 1; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i) ++digits;
  return std::min(digits, kMaxDecimals);
}

std::optional<Number> parse_written_number(std::string_view s) {
  auto value = parse_number(s);
  if (!value) return std::nullopt;
  return Number{*value, written_decimals(s)};
}

}  // namespace kv
