#include "model/plan_blocks.h"

#include <cstdio>

namespace kv::model {

std::string PlanDate::iso() const {
  char buf[16];
  if (day) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  else std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

namespace {
bool digits(const std::string& s, size_t from, size_t n) {
  for (size_t i = from; i < from + n; ++i)
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
  return true;
}
int number(const std::string& s, size_t from, size_t n) { return std::stoi(s.substr(from, n)); }
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
}  // namespace

std::optional<PlanDate> parse_plan_date(const std::string& text) {
  if (!(text.size() == 7 || text.size() == 10) || !digits(text, 0, 4) || text[4] != '-' || !digits(text, 5, 2))
    return std::nullopt;
  PlanDate d{number(text, 0, 4), number(text, 5, 2), 0};
  if (d.year < 1900 || d.year > 2200 || d.month < 1 || d.month > 12) return std::nullopt;
  if (text.size() == 7) return d;
  if (text[7] != '-' || !digits(text, 8, 2)) return std::nullopt;
  d.day = number(text, 8, 2);
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int days = kDays[d.month - 1] + (d.month == 2 && leap(d.year) ? 1 : 0);
  if (d.day < 1 || d.day > days) return std::nullopt;
  return d;
}

}  // namespace kv::model
