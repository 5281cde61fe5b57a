// Fixed points in time for reproducible output files (workbook and PDF dates).
#pragma once
#include <algorithm>
#include <ctime>

namespace kv {

// The years every output format can carry: Excel's dates start on 1900-01-01 and end with
// 9999; an ISO 8601 stamp needs four digits. The loader accepts fewer years than this.
inline constexpr int kFirstYear = 1900;
inline constexpr int kLastYear = 9999;

// 1 January of year, 00:00 UTC; a year outside kFirstYear–kLastYear is taken as the
// nearest one, so no input can give a date a workbook or PDF cannot hold.
inline std::time_t start_of_year(int year) {
  std::tm start{};
  start.tm_year = std::clamp(year, kFirstYear, kLastYear) - 1900;
  start.tm_mday = 1;
  return timegm(&start);
}

}  // namespace kv
