#include "render/svg/bar_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "i18n/numbers.h"
#include "util/escape.h"
#include "util/text.h"

namespace kv::svg {
namespace {

// Bar colours: each has at least 3:1 contrast against white (WCAG non-text contrast).
constexpr const char* kColours[] = {"#003a6e", "#b3005e", "#2e6b30", "#6a4c93", "#8a4b00"};
constexpr double kLeft = 48, kTop = 16, kBottom = 44, kLegend = 28, kWidth = 640;

std::string num(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

// Values as given, for data-value: the figure itself, not a rounded coordinate.
std::string exact(double v) { return plain_number(v, Lang::kEn); }

double nice_step(double range) {
  double raw = range / 5, magnitude = std::pow(10, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * magnitude >= raw) return m * magnitude;
  return 10 * magnitude;
}

// An axis step, or a bar's figure with the decimals its author wrote.
template <typename Value>
std::string value_text(const Value& v, const BarChart& c) {
  return c.percent ? format_percent(v, c.lang) : format_number(v, c.lang);
}

// Labels wider than their slot under a vertical bar would overlap their neighbours.
bool labels_fit(const BarChart& c, double group) {
  for (const auto& label : c.categories)
    if (utf8_length(label) * 7.0 > group - 4) return false;
  return true;
}

std::string open_svg(const BarChart& c, double height, const std::string& desc) {
  std::ostringstream out;
  out << "<svg class=\"diagram\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << num(kWidth) << " " << num(height)
      << "\" role=\"img\" aria-labelledby=\"" << c.id << "-t " << c.id << "-d\">\n"
      << "<title id=\"" << c.id << "-t\">" << html_escape(c.title) << "</title>\n"
      << "<desc id=\"" << c.id << "-d\">" << html_escape(desc) << "</desc>\n";
  return out.str();
}

std::string description(const BarChart& c) {
  std::ostringstream desc;
  for (size_t k = 0; k < c.categories.size(); ++k) {
    desc << (k ? "; " : "") << c.categories[k] << ":";
    for (const auto& s : c.series)
      if (k < s.values.size() && s.values[k]) desc << " " << s.name << " " << value_text(*s.values[k], c);
  }
  return desc.str();
}

constexpr double kLegendRow = 18, kCharWidth = 7.2;  // 12 px text: a generous average glyph width

// The legend flows left to right and wraps, so it stays inside the chart however long the
// series names (indicator names can be a sentence). A name wider than a row is wrapped at
// its words onto rows of its own: it is never cut.
struct LegendEntry {
  double x;
  int row;
  std::vector<std::string> lines;
};

// text in lines of at most width characters, broken between words (a longer word is split).
std::vector<std::string> wrap_words(const std::string& text, size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::string_view rest = text;
  while (!rest.empty()) {
    const size_t space = rest.find(' ');
    std::string_view word = rest.substr(0, space);
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    if (word.empty()) continue;
    while (utf8_length(word) > width) {
      if (!line.empty()) lines.push_back(std::move(line)), line.clear();
      const std::string head = utf8_prefix(word, width);
      lines.push_back(head);
      word.remove_prefix(head.size());
    }
    if (line.empty()) line = std::string(word);
    else if (utf8_length(line) + 1 + utf8_length(word) <= width) line += " " + std::string(word);
    else lines.push_back(std::move(line)), line = std::string(word);
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

std::vector<LegendEntry> legend_layout(const BarChart& c) {
  const size_t max_chars = static_cast<size_t>((kWidth - kLeft - 8 - 16) / kCharWidth);
  std::vector<LegendEntry> entries;
  double x = kLeft;
  int row = 0, next_free = 1;  // next_free: the first row below every entry so far
  for (const auto& series : c.series) {
    std::vector<std::string> lines = wrap_words(series.name, max_chars);
    if (lines.empty()) lines.emplace_back();
    size_t widest = 0;
    for (const auto& l : lines) widest = std::max(widest, utf8_length(l));
    const double width = 24 + kCharWidth * static_cast<double>(widest);
    if (x > kLeft && (x + width > kWidth - 8 || lines.size() > 1 || row + 1 < next_free)) {
      x = kLeft;
      row = next_free;
    }
    entries.push_back({x, row, lines});
    next_free = std::max(next_free, row + static_cast<int>(lines.size()));
    x += width;
  }
  return entries;
}

double legend_height(const BarChart& c) {
  int rows = 0;
  for (const auto& e : legend_layout(c)) rows = std::max(rows, e.row + static_cast<int>(e.lines.size()));
  return kLegend + (rows > 0 ? (rows - 1) * kLegendRow : 0);
}

std::string legend(const BarChart& c, double ly) {
  std::ostringstream out;
  auto entries = legend_layout(c);
  for (size_t s = 0; s < entries.size(); ++s) {
    const double y = ly + entries[s].row * kLegendRow, tx = entries[s].x + 16;
    out << "<rect x=\"" << num(entries[s].x) << "\" y=\"" << num(y - 10) << "\" width=\"12\" height=\"12\" fill=\""
        << kColours[s % 5] << "\"/>\n<text x=\"" << num(tx) << "\" y=\"" << num(y) << "\" font-size=\"12\" fill=\"#1b1b1b\">";
    for (size_t l = 0; l < entries[s].lines.size(); ++l) {
      if (l == 0) out << html_escape(entries[s].lines[l]);
      else out << "<tspan x=\"" << num(tx) << "\" dy=\"" << num(kLegendRow) << "\">" << html_escape(entries[s].lines[l]) << "</tspan>";
    }
    out << "</text>\n";
  }
  return out.str();
}

// One row per category, label on the left: for long labels such as sub-unit names.
// The bar's length stands for the value as a vertical bar's height does (kPlotHeight per axis top).
std::string render_horizontal(const BarChart& c) {
  constexpr double kLabel = 210, kRow = 26, kBar = 18;
  const double top = axis_top(c), scale = (kWidth - kLabel - 60) / top;
  const size_t rows = c.categories.size() * std::max<size_t>(1, c.series.size());
  const bool with_legend = c.series.size() > 1;
  const double height = kTop + rows * kRow + 8 + (with_legend ? legend_height(c) : 0);
  std::ostringstream out;
  out << open_svg(c, height, description(c));
  double y = kTop;
  for (size_t k = 0; k < c.categories.size(); ++k) {
    for (size_t s = 0; s < c.series.size(); ++s, y += kRow) {
      if (s == 0)
        out << "<text x=\"" << num(kLabel - 8) << "\" y=\"" << num(y + 13) << "\" text-anchor=\"end\" font-size=\"13\" fill=\"#1b1b1b\">"
            << html_escape(c.categories[k]) << "</text>\n";
      if (k >= c.series[s].values.size() || !c.series[s].values[k]) continue;
      const Number& figure = *c.series[s].values[k];
      const double v = figure.value, w = v * scale;
      out << "<rect x=\"" << num(kLabel) << "\" y=\"" << num(y) << "\" width=\"" << num(w) << "\" height=\"" << num(kBar)
          << "\" fill=\"" << kColours[s % 5] << "\" data-value=\"" << exact(v) << "\"/>\n<text x=\"" << num(kLabel + w + 4)
          << "\" y=\"" << num(y + 13) << "\" font-size=\"12\" fill=\"#1b1b1b\">" << html_escape(value_text(figure, c)) << "</text>\n";
    }
  }
  if (with_legend) out << legend(c, y + 20);
  out << "</svg>\n";
  return out.str();
}

}  // namespace

double axis_top(const BarChart& chart) {
  if (chart.max > 0) return chart.max;
  double top = 0;
  for (const auto& s : chart.series)
    for (const auto& v : s.values)
      if (v) top = std::max(top, v->value);
  if (top <= 0) return 1;
  double step = nice_step(top);
  return std::ceil(top / step) * step;
}

std::string render_bar_chart(const BarChart& c) {
  const double top = axis_top(c), height = kTop + kPlotHeight + kBottom + legend_height(c);
  const double plot_width = kWidth - kLeft - 8;
  const double group = plot_width / std::max<size_t>(1, c.categories.size());
  if (!labels_fit(c, group)) return render_horizontal(c);
  const double bar = std::min(48.0, (group - 16) / std::max<size_t>(1, c.series.size()));
  std::ostringstream out;
  out << open_svg(c, height, description(c));
  const double step = nice_step(top);
  for (double v = 0; v <= top + 1e-9; v += step) {
    double y = kTop + kPlotHeight - v / top * kPlotHeight;
    out << "<line class=\"rutnat\" x1=\"" << num(kLeft) << "\" x2=\"" << num(kWidth - 8) << "\" y1=\"" << num(y) << "\" y2=\""
        << num(y) << "\" stroke=\"#c9ced4\" stroke-width=\"1\"/>\n<text x=\"" << num(kLeft - 6) << "\" y=\"" << num(y + 4)
        << "\" text-anchor=\"end\" font-size=\"12\" fill=\"#4a5560\">" << html_escape(value_text(v, c)) << "</text>\n";
  }
  for (size_t k = 0; k < c.categories.size(); ++k) {
    const double x0 = kLeft + k * group + (group - bar * c.series.size()) / 2;
    for (size_t s = 0; s < c.series.size(); ++s) {
      if (k >= c.series[s].values.size() || !c.series[s].values[k]) continue;
      const Number& figure = *c.series[s].values[k];
      const double v = figure.value, h = v / top * kPlotHeight, x = x0 + s * bar;
      out << "<rect x=\"" << num(x) << "\" y=\"" << num(kTop + kPlotHeight - h) << "\" width=\"" << num(bar - 2)
          << "\" height=\"" << num(h) << "\" fill=\"" << kColours[s % 5] << "\" data-value=\"" << exact(v) << "\"/>\n"
          << "<text x=\"" << num(x + (bar - 2) / 2) << "\" y=\"" << num(kTop + kPlotHeight - h - 4)
          << "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1b1b1b\">" << html_escape(value_text(figure, c)) << "</text>\n";
    }
    out << "<text x=\"" << num(kLeft + k * group + group / 2) << "\" y=\"" << num(kTop + kPlotHeight + 18)
        << "\" text-anchor=\"middle\" font-size=\"13\" fill=\"#1b1b1b\">" << html_escape(c.categories[k]) << "</text>\n";
  }
  out << legend(c, kTop + kPlotHeight + kBottom + 8) << "</svg>\n";
  return out.str();
}

}  // namespace kv::svg
