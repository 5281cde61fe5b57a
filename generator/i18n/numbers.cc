#include "i18n/numbers.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace kv {

static constexpr const char* kNbsp = "\xC2\xA0";

// raw: digits with an optional '-' and '.' ("-12000.5"), as to_chars or printf write them.
static std::string localised(std::string raw, Lang lang) {
  bool negative = !raw.empty() && raw[0] == '-';
  if (negative) raw.erase(0, 1);
  size_t dot = raw.find('.');
  std::string whole = raw.substr(0, dot), fraction = dot == std::string::npos ? "" : raw.substr(dot + 1);
  std::string grouped;
  if (whole.size() > 4) {  // Swedish practice: group from five digits
    for (size_t i = 0; i < whole.size(); ++i) {
      if (i > 0 && (whole.size() - i) % 3 == 0) grouped += lang == Lang::kSv ? kNbsp : ",";
      grouped += whole[i];
    }
  } else {
    grouped = whole;
  }
  std::string out = (negative ? "\xE2\x88\x92" : "") + grouped;
  if (!fraction.empty()) out += (lang == Lang::kSv ? "," : ".") + fraction;
  return out;
}

std::string format_number(double value, Lang lang) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return localised(ec == std::errc() ? std::string(buffer, end) : std::to_string(value), lang);
}

std::string format_number(const Number& n, Lang lang) {
  char buffer[400];  // DBL_MAX with kMaxDecimals decimals fits
  std::snprintf(buffer, sizeof buffer, "%.*f", std::clamp(n.decimals, 0, kMaxDecimals), n.value);
  std::string raw = buffer;
  // A value that rounds to zero has no sign: -0,04 with one decimal is 0,0.
  if (raw[0] == '-' && raw.find_first_of("123456789") == std::string::npos) raw.erase(0, 1);
  return localised(raw, lang);
}

std::string format_signed(double value, Lang lang) {
  if (value > 0) return "+" + format_number(value, lang);
  return format_number(value, lang);
}

std::string format_signed(const Number& n, Lang lang) {
  const std::string shown = format_number(n, lang);
  return n.value > 0 && shown.find_first_of("123456789") != std::string::npos ? "+" + shown : shown;
}

static std::string percent_sign(Lang lang) { return lang == Lang::kSv ? std::string(kNbsp) + "%" : "%"; }

std::string format_percent(double value, Lang lang) { return format_number(value, lang) + percent_sign(lang); }

std::string format_percent(const Number& n, Lang lang) { return format_number(n, lang) + percent_sign(lang); }

std::string format_indicator_value(double value, const std::string& unit, Lang lang) {
  return unit == "%" ? format_percent(value, lang) : format_number(value, lang);
}

std::string format_indicator_value(const Number& n, const std::string& unit, Lang lang) {
  return unit == "%" ? format_percent(n, lang) : format_number(n, lang);
}

std::string plain_number(double value, Lang lang) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", value);
  std::string out = buf;
  if (lang == Lang::kSv)
    for (char& c : out)
      if (c == '.') c = ',';
  return out;
}

}  // namespace kv
