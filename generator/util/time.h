// Fixed points in time for reproducible output files (workbook and PDF dates).
#pragma once
#include <ctime>

namespace kv {

// 1 January of year, 00:00 UTC.
inline std::time_t start_of_year(int year) {
  std::tm start{};
  start.tm_year = year - 1900;
  start.tm_mday = 1;
  return timegm(&start);
}

}  // namespace kv
