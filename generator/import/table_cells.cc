#include "import/table_cells.h"

#include "util/text.h"

namespace kv::import {

// "| a | b |" → {"a", "b"}; nullopt for a line that is no table row.
std::optional<Row> cells(std::string_view line) {
  line = trim(line);
  if (line.size() < 2 || line.front() != '|' || line.back() != '|') return std::nullopt;
  Row row;
  std::string cell;
  for (size_t i = 1; i + 1 < line.size(); ++i) {
    if (line[i] == '\\' && i + 2 < line.size()) {
      cell += line[++i];
    } else if (line[i] == '|') {
      row.emplace_back(trim(cell));
      cell.clear();
    } else {
      cell += line[i];
    }
  }
  row.emplace_back(trim(cell));
  return row;
}

bool is_separator(const Row& row) {
  for (const auto& c : row)
    if (c.empty() || c.find_first_not_of("-: ") != std::string::npos) return false;
  return true;
}

std::string folded_cell(const std::string& s) {
  std::string out;
  for (char c : fold_case(s))
    if (c != '*' && c != '_') out += c;
  return std::string(trim(out));
}

// A cell's figure as written, without spaces, sign "+" or percent sign ("76 %" → "76", "+18,4"
// → "18,4"); nullopt for a cell that is no figure. Empty: "". A trailing "*" (a forecast) sets
// *starred.
std::optional<std::string> figure(std::string s, bool* starred) {
  s = std::string(trim(s));
  for (std::string_view star : {"\\*", "*"})  // escaped as pandoc writes it, or not
    if (s.size() > star.size() && s.substr(s.size() - star.size()) == star && s[s.size() - star.size() - 1] != '*') {
      s.resize(s.size() - star.size());
      if (starred) *starred = true;
      break;
    }
  s = folded_cell(s);
  for (size_t at; (at = s.find("\xE2\x88\x92")) != std::string::npos;) s.replace(at, 3, "-");  // − as printed
  if (!s.empty() && s.back() == '%') s = std::string(trim(std::string_view(s).substr(0, s.size() - 1)));
  std::string compact;
  for (char c : s)
    if (c != ' ' && c != '\\') compact += c;
  if (compact.empty()) return std::string();
  if (!parse_number(compact)) return std::nullopt;
  if (compact[0] == '+') compact.erase(0, 1);
  return compact;
}

}  // namespace kv::import
