// A number as its author wrote it. The precision written is the precision meant: "22,0" is
// shown as 22,0 and "12,50" as 12,50 on pages, in print and in workbooks, while sums,
// differences and charts use the value.
#pragma once
#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string_view>

namespace kv {

struct Number {
  double value = 0;
  int decimals = 0;  // digits written after the decimal comma (or point): "22,0" → 1, "76" → 0

  constexpr Number() = default;
  constexpr Number(double v, int d) : value(v), decimals(d) {}
  // A figure no author wrote (Kolada's, a test's): the decimals it has, up to kMaxDecimals,
  // so 306.7 is shown as 306,7, 76.0 as 76 and 0.1 + 0.2 as 0,3.
  Number(double v);  // NOLINT(google-explicit-constructor): a plain figure is a Number

  // Equal when written alike: 22,0 is not 22. Against a plain double, compare .value.
  friend bool operator==(const Number&, const Number&) = default;
  friend bool operator==(const Number&, double) = delete;
};

// The most decimals a number is shown with: more than an author writes, fewer than a double
// holds exactly.
inline constexpr int kMaxDecimals = 9;

// The precision of a figure computed from others (a difference, a sum, a mean): the most
// decimals among them.
inline int max_decimals(std::initializer_list<Number> inputs) {
  int d = 0;
  for (const auto& n : inputs) d = std::max(d, n.decimals);
  return d;
}

// The decimals written in s, a number as parse_number reads it ("12,50" → 2, "1 200" → 0),
// at most kMaxDecimals.
int written_decimals(std::string_view s);

// parse_number with the decimals written: "22,0" → {22, 1}.
std::optional<Number> parse_written_number(std::string_view s);

}  // namespace kv
