#include "import/table_blocks.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "util/text.h"

namespace kv::import {
namespace {

using Row = std::vector<std::string>;

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

// A figure as YAML keeps it: "76", "306,7" quoted (a comma), "76 %" without its sign; nullopt
// for a cell that is no figure. Empty: "".
std::optional<std::string> figure(std::string s) {
  s = folded_cell(s);
  if (!s.empty() && s.back() == '%') s = std::string(trim(std::string_view(s).substr(0, s.size() - 1)));
  std::string compact;
  for (char c : s)
    if (c != ' ') compact += c;
  if (compact.empty()) return std::string();
  if (!parse_number(compact)) return std::nullopt;
  return compact.find(',') != std::string::npos ? "\"" + compact + "\"" : compact;
}

int column(const Row& header, std::string_view word) {
  for (size_t i = 0; i < header.size(); ++i)
    if (starts_with(folded_cell(header[i]), word)) return static_cast<int>(i);
  return -1;
}

std::string yaml_text(const std::string& s) { return "\"" + s + "\""; }

std::optional<std::string> economy(const Row& header, const std::vector<Row>& rows) {
  const int year = column(header, "år"), budget = column(header, "budget"), outcome = column(header, "utfall"),
            result = column(header, "resultat");
  if (year < 0 || budget < 0 || outcome < 0 || result < 0) return std::nullopt;
  std::string unit;
  for (const auto& h : header)
    if (auto open = h.find('('); open != std::string::npos && h.find(')', open) != std::string::npos)
      unit = h.substr(open + 1, h.find(')', open) - open - 1);
  if (unit.empty()) return std::nullopt;  // enhet: is required and cannot be guessed
  std::string out = "```ekonomi\nenhet: " + yaml_text(unit) + "\nvärden:\n";
  for (const auto& r : rows) {
    auto y = figure(r[year]), b = figure(r[budget]), u = figure(r[outcome]), res = figure(r[result]);
    if (!y || !b || !u || !res || y->empty() || !parse_integer(*y)) return std::nullopt;
    out += "  - år: " + *y + "\n    budget: " + *b + "\n    utfall: " + *u + "\n    resultat: " + *res + "\n";
  }
  return out + "```\n";
}

std::optional<std::string> index_series(const Row& header, const std::vector<Row>& rows) {
  if (header.size() < 2 || folded_cell(header[0]) != "år") return std::nullopt;
  const std::string name = header[1];
  const bool acronym = name.size() >= 2 && name.size() <= 5 &&
                       std::all_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!acronym && folded_cell(name).find("index") == std::string::npos) return std::nullopt;
  std::string out = "```index\nnamn: " + yaml_text(name) + "\nvärden:\n";
  for (const auto& r : rows) {
    auto y = figure(r[0]), v = figure(r[1]);
    if (!y || !v || y->empty() || v->empty() || !parse_integer(*y)) return std::nullopt;
    out += "  - år: " + *y + "\n    värde: " + *v + "\n";
    std::string subs;
    for (size_t c = 2; c < header.size(); ++c) {
      auto s = figure(r[c]);
      if (!s) return std::nullopt;
      if (!s->empty()) subs += (subs.empty() ? "" : ", ") + yaml_text(header[c]) + ": " + *s;
    }
    if (!subs.empty()) out += "    delindex: {" + subs + "}\n";
  }
  return out + "```\n";
}

std::optional<std::string> survey(const Row& header, const std::vector<Row>& rows, const std::string& question) {
  const int answer = column(header, "svar"), total = column(header, "totalt");
  if (answer < 0 || total < 0 || question.empty()) return std::nullopt;
  const int women = column(header, "kvinn"), men = column(header, "man"), other = column(header, "annan");
  std::string out = "```enkät\nfråga: " + yaml_text(question) + "\nrader:\n";
  for (const auto& r : rows) {
    auto t = figure(r[total]);
    if (!t || t->empty() || r[answer].empty()) return std::nullopt;
    out += "  - svar: " + yaml_text(r[answer]) + "\n    totalt: " + *t + "\n";
    for (auto [col, key] : {std::pair{women, "kvinna"}, {men, "man"}, {other, "annan"}}) {
      if (col < 0) continue;
      auto v = figure(r[col]);
      if (!v) return std::nullopt;
      if (!v->empty()) out += std::string("    ") + key + ": " + *v + "\n";
    }
  }
  return out + "```\n";
}

}  // namespace

std::string recognise_tables(std::string_view markdown) {
  std::vector<std::string> lines;
  for (auto l : split_lines(markdown)) lines.emplace_back(l);
  std::string out, last_paragraph;
  size_t last_paragraph_at = 0;  // where it starts in out
  for (size_t i = 0; i < lines.size(); ++i) {
    auto header = cells(lines[i]);
    auto separator = i + 1 < lines.size() ? cells(lines[i + 1]) : std::nullopt;
    if (header && separator && separator->size() == header->size() && is_separator(*separator)) {
      std::vector<Row> rows;
      size_t end = i + 2;
      for (; end < lines.size(); ++end) {
        auto row = cells(lines[end]);
        if (!row || row->size() != header->size()) break;
        rows.push_back(std::move(*row));
      }
      std::string question{trim(last_paragraph)};
      if (question.empty() || question.back() != '?') question.clear();
      std::optional<std::string> block = rows.empty() ? std::nullopt : economy(*header, rows);
      if (!block && !rows.empty()) block = index_series(*header, rows);
      if (!block && !rows.empty()) block = survey(*header, rows, question);
      if (block) {
        // A survey's question is the paragraph before the table: the block says it now.
        if (block->rfind("```enkät", 0) == 0) out.erase(last_paragraph_at, last_paragraph.size() + 1);
        out += *block;
      } else {
        for (size_t k = i; k < end; ++k) out += lines[k] + "\n";
      }
      i = end - 1;
      continue;
    }
    if (!trim(lines[i]).empty()) {
      last_paragraph = lines[i];
      last_paragraph_at = out.size();
    }
    out += lines[i] + "\n";
  }
  return out;
}

}  // namespace kv::import
