#include "model/heading_number.h"

namespace kv::model {

std::vector<int> heading_number(std::string_view heading) {
  std::vector<int> number;
  size_t i = 0;
  while (true) {
    size_t start = i;
    int value = 0;
    while (i < heading.size() && i - start < 4 && heading[i] >= '0' && heading[i] <= '9') value = value * 10 + (heading[i++] - '0');
    if (i == start || i - start > 3) return {};
    number.push_back(value);
    if (i < heading.size() && heading[i] == '.' && i + 1 < heading.size() && heading[i + 1] >= '0' && heading[i + 1] <= '9') {
      ++i;
      continue;
    }
    if (i < heading.size() && heading[i] == '.') ++i;  // "1.1. Titel"
    break;
  }
  if (number.size() < 2) return {};
  if (i < heading.size() && heading[i] != ' ' && heading[i] != '\t') return {};  // "1.5kg"
  return number;
}

std::string number_text(const std::vector<int>& number) {
  std::string out;
  for (int n : number) out += (out.empty() ? "" : ".") + std::to_string(n);
  return out;
}

}  // namespace kv::model
