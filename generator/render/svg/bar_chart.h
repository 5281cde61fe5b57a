// Grouped bar charts as inline SVG: no script, no external resources. The chart carries a
// <title> and a <desc> listing every figure, so it reads without seeing it; pages show the
// same figures in a table as well.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "i18n/lang.h"
#include "util/number.h"

namespace kv::svg {

struct Series {
  std::string name;                           // legend entry, e.g. "Kvinna" or "2018"
  std::vector<std::optional<Number>> values;  // one per category; nullopt draws no bar; labelled as written
};

struct BarChart {
  std::string id;     // unique within the page, for aria references
  std::string title;  // becomes <title>
  std::vector<std::string> categories;
  std::vector<Series> series;
  double max = 0;      // top of the value axis; 0 = computed from the data
  bool percent = false;
  Lang lang = Lang::kSv;
};

// Plot area geometry, exposed so tests can check bar heights against values. When the
// category labels are too long to sit under vertical bars, the chart is drawn with
// horizontal bars instead (label left, bar length for the value).
inline constexpr double kPlotHeight = 200;

std::string render_bar_chart(const BarChart& chart);

// The axis top used for values: max if given, else the data's maximum rounded up to a
// "nice" step (1, 2, 2.5 or 5 × 10^n).
double axis_top(const BarChart& chart);

}  // namespace kv::svg
