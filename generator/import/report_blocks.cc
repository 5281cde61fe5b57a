#include "import/report_blocks.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "import/paragraphs.h"
#include "import/table_cells.h"
#include "model/vocabulary.h"
#include "scaffold/block_writer.h"
#include "util/number.h"
#include "util/text.h"

namespace kv::import {
namespace {

using scaffold::Entries;
using scaffold::Text;

// The city template's words, folded. A report's Word document is Swedish whatever --lang says.
constexpr std::string_view kKfGoal = "kf:s mål för verksamhetsområdet";
constexpr std::string_view kDirectionGoal = "kf:s inriktningsmål";
constexpr std::string_view kBoardGoal = "nämndmål";
constexpr std::string_view kUnitGoal = "enhetsmål";
constexpr std::string_view kAnalysis = "analys";
constexpr std::string_view kDescription = "beskrivning";
constexpr std::string_view kExpected = "förväntat resultat";

// A paragraph as one line, without heading marks and emphasis.
std::string plain(const Chunk& c) {
  std::string line;
  for (char ch : trim(c.text)) line += ch == '\n' ? ' ' : ch;
  return heading_text(line);
}

bool is_letter(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// text without its leading word (folded), the colon and spaces after it; nullopt when text
// does not start with the word as a whole word. "Analys: Vi har …" → "Vi har …".
std::optional<std::string> after_word(std::string_view text, std::string_view word) {
  text = trim(text);
  while (!text.empty() && (text.front() == '*' || text.front() == '_')) text.remove_prefix(1);
  if (text.size() < word.size() || fold_case(text.substr(0, word.size())) != word) return std::nullopt;
  text.remove_prefix(word.size());
  if (!text.empty() && is_letter(static_cast<unsigned char>(text.front()))) return std::nullopt;
  while (!text.empty() && (text.front() == '*' || text.front() == '_' || text.front() == ':' || text.front() == ' '))
    text.remove_prefix(1);
  return std::string(text);
}

// "Nämndmål: Äldre har …" → "Äldre har …"; nullopt for any other paragraph.
std::optional<std::string> titled(const Chunk& c, std::string_view word) {
  if (!is_prose(c)) return std::nullopt;
  auto rest = after_word(plain(c), word);
  return rest && !rest->empty() ? rest : std::nullopt;
}

// A paragraph that is only the label ("**Analys**", "Förväntat resultat:").
bool is_label(const Chunk& c, std::string_view word) {
  auto rest = is_prose(c) ? after_word(plain(c), word) : std::nullopt;
  return rest && rest->empty();
}

// "Uppfylls delvis" alone → "uppfylls delvis".
std::optional<std::string> status_of(const Chunk& c) {
  if (!is_prose(c)) return std::nullopt;
  std::string s = fold_case(plain(c));
  while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.pop_back();
  const auto& names = model::goal_status_names();
  if (std::find(names.begin(), names.end(), s) == names.end()) return std::nullopt;
  return s;
}

// Where a goal's texts end: a heading, table, block or container, a label, the next goal.
bool ends_texts(const Chunk& c) {
  if (!is_prose(c)) return true;
  for (auto word : {kAnalysis, kDescription, kExpected})
    if (is_label(c, word)) return true;
  for (auto word : {kKfGoal, kDirectionGoal, kBoardGoal, kUnitGoal})
    if (titled(c, word)) return true;
  return false;
}

// The paragraphs from chunks[i] up to where the texts end.
std::vector<std::string> paragraphs_from(const std::vector<Chunk>& chunks, size_t i) {
  std::vector<std::string> out;
  for (; i < chunks.size() && !ends_texts(chunks[i]); ++i) out.emplace_back(trim(chunks[i].text));
  return out;
}

// "-   Ökad trygghet" → "Ökad trygghet"; nullopt for a line that is no list item.
std::optional<std::string> list_item(std::string_view line) {
  line = trim(line);
  if (line.size() > 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') return std::string(trim(line.substr(2)));
  size_t digits = 0;
  while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') && line[digits + 1] == ' ')
    return std::string(trim(line.substr(digits + 2)));
  return std::nullopt;
}

// "Förväntat resultat" items: a list's items, or each paragraph when they are no list. A list
// ends where a paragraph that is no item follows it. count: the chunks taken.
std::vector<std::string> expected_items(const std::vector<Chunk>& chunks, size_t i, size_t& count) {
  std::vector<std::string> items;
  bool listed = false;
  count = 0;
  for (; i + count < chunks.size() && !ends_texts(chunks[i + count]); ++count) {
    const auto lines = split_lines(trim(chunks[i + count].text));
    const bool is_list = list_item(lines.front()).has_value();
    if (listed && !is_list) break;
    listed = listed || is_list;
    for (std::string_view line : lines) {
      if (auto item = list_item(line)) items.push_back(*item);
      else if (!items.empty() && is_list) items.back() += " " + std::string(trim(line));  // an item's second line
      else items.emplace_back(trim(line));
    }
  }
  return items;
}

std::string joined(const std::vector<std::string>& paragraphs) { return join(paragraphs, "\n\n"); }

void add_text(Entries& e, const char* key, const std::vector<std::string>& paragraphs) {
  if (!paragraphs.empty()) e.push_back({key, Text{joined(paragraphs), true}});
}

Found kf_goal(const std::vector<Chunk>& chunks, size_t i, const model::Structure& structure) {
  auto rest = titled(chunks[i], kKfGoal);
  if (!rest) return std::nullopt;
  std::string number = rest->substr(0, rest->find(' '));
  while (!number.empty() && number.back() == '.') number.pop_back();
  if (!structure.report.find_kf_goal(number)) return std::nullopt;  // stays prose: check's vocabulary is the structure's
  Entries e{{"nr", Text{number}}};
  size_t used = 1;
  if (i + 1 < chunks.size())
    if (auto status = status_of(chunks[i + 1])) e.push_back({"status", Text{*status}}), ++used;
  // The title as the document has it, kept as a comment: the site prints the structure's.
  std::string block = scaffold::data_block("kf-mål", e);
  block.insert(block.find('\n') + 1, "# " + plain(chunks[i]) + "\n");
  return std::pair{block, used};
}

Found board_goal(const std::vector<Chunk>& chunks, size_t i) {
  auto title = titled(chunks[i], kBoardGoal);
  if (!title) return std::nullopt;
  Entries e{{"nämndmål", Text{*title}}};
  size_t j = i + 1;
  if (j < chunks.size() && is_label(chunks[j], kDescription)) ++j;
  const auto description = paragraphs_from(chunks, j);
  add_text(e, "beskrivning", description);
  j += description.size();
  if (j < chunks.size() && is_label(chunks[j], kExpected)) {
    size_t n = 0;
    auto items = expected_items(chunks, j + 1, n);
    if (!items.empty()) e.push_back({"förväntat_resultat", items});
    j += 1 + n;
  }
  return std::pair{scaffold::data_block("nämndmål", e), j - i};
}

Found unit_goal(const std::vector<Chunk>& chunks, size_t i) {
  auto title = titled(chunks[i], kUnitGoal);
  if (!title) return std::nullopt;
  Entries e{{"enhetsmål", Text{*title}}};
  size_t j = i + 1;
  auto status = j < chunks.size() ? status_of(chunks[j]) : std::nullopt;
  if (status) ++j;
  e.push_back({"status", status ? scaffold::FieldValue{Text{*status}} : scaffold::FieldValue{}});  // for check to ask
  std::vector<std::string> expected, analysis;
  for (bool more = true; more && j < chunks.size();) {
    more = false;
    if (is_label(chunks[j], kExpected) && expected.empty()) {
      size_t n = 0;
      expected = expected_items(chunks, j + 1, n);
      j += 1 + n, more = true;
    } else if (is_label(chunks[j], kAnalysis) && analysis.empty()) {
      analysis = paragraphs_from(chunks, j + 1);
      j += 1 + analysis.size(), more = true;
    }
  }
  if (!expected.empty()) e.push_back({"förväntat_resultat", expected});
  add_text(e, "analys", analysis);
  return std::pair{scaffold::data_block("enhetsmål", e), j - i};
}

struct Table {
  Row header;
  std::vector<Row> rows;
};

std::optional<Table> table_of(const Chunk& c) {
  if (c.fenced || !starts_with(trim(c.text), "|")) return std::nullopt;
  const auto lines = split_lines(trim(c.text));
  if (lines.size() < 3) return std::nullopt;
  auto header = cells(lines[0]), separator = cells(lines[1]);
  if (!header || !separator || !is_separator(*separator)) return std::nullopt;
  Table t{*header, {}};
  for (size_t k = 2; k < lines.size(); ++k) {
    auto row = cells(lines[k]);
    if (!row || row->size() != header->size()) return std::nullopt;
    t.rows.push_back(*row);
  }
  return t;
}

// The first column whose folded header passes test, or -1.
template <typename Test>
int column(const Row& header, Test test) {
  for (size_t k = 0; k < header.size(); ++k)
    if (test(folded_cell(header[k]))) return static_cast<int>(k);
  return -1;
}

bool has(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

// A merged "Analys …" row under an indicator or activity: its text; nullopt for another row.
std::optional<std::string> analysis_row(const Row& row) {
  std::optional<std::string> text;
  for (const auto& cell : row) {
    if (cell.empty() || (text && cell == row.front())) continue;
    if (text) return std::nullopt;  // a second cell with something else: a data row
    text = after_word(cell, kAnalysis);
    if (!text) return std::nullopt;
  }
  return text;
}

// Rows → one item per row with a name in column name_col, each merged "Analys" row going to the
// item above it; nullopt when a row is neither.
std::optional<std::vector<std::pair<Row, std::string>>> items_of(const Table& t, int name_col) {
  std::vector<std::pair<Row, std::string>> items;
  for (const auto& row : t.rows) {
    if (auto analysis = analysis_row(row)) {
      if (items.empty()) return std::nullopt;
      items.back().second += (items.back().second.empty() ? "" : "\n\n") + *analysis;
    } else if (!row[name_col].empty()) {
      items.emplace_back(row, "");
    } else if (std::any_of(row.begin(), row.end(), [](const std::string& c) { return !c.empty(); })) {
      return std::nullopt;
    }
  }
  if (items.empty()) return std::nullopt;
  return items;
}

// An "Analys" paragraph after a table, for its last item when the table gave it none.
size_t analysis_after(const std::vector<Chunk>& chunks, size_t i, std::string& analysis) {
  if (!analysis.empty() || i >= chunks.size() || !is_label(chunks[i], kAnalysis)) return 0;
  const auto paragraphs = paragraphs_from(chunks, i + 1);
  analysis = joined(paragraphs);
  return paragraphs.empty() ? 0 : 1 + paragraphs.size();
}

struct IndicatorColumns {
  int name, outcome, men, women, previous, target, kf_target, period;
};

std::optional<IndicatorColumns> indicator_columns(const Row& h) {
  IndicatorColumns c{};
  c.name = column(h, [](const std::string& s) { return starts_with(s, "indikator"); });
  c.outcome = column(h, [](const std::string& s) { return starts_with(s, "periodens utfall") || s == "utfall"; });
  c.men = column(h, [](const std::string& s) { return has(s, "män"); });
  c.women = column(h, [](const std::string& s) { return has(s, "kvinnor"); });
  c.previous = column(h, [](const std::string& s) { return has(s, "vb") || has(s, "föregående"); });
  c.kf_target = column(h, [](const std::string& s) { return starts_with(s, "kf") && has(s, "årsmål"); });
  c.target = column(h, [](const std::string& s) { return has(s, "årsmål") && !starts_with(s, "kf"); });
  c.period = column(h, [](const std::string& s) { return s == "period"; });
  if (c.name < 0 || c.outcome < 0 || c.target < 0) return std::nullopt;
  return c;
}

// A figure cell into e: a number, the key without a value when empty and required, left out
// when empty and optional; false for a cell that is no figure.
bool add_figure(Entries& e, const char* key, const Row& row, int col, bool required) {
  if (col < 0) return true;
  const auto f = figure(row[col]);
  if (!f) return false;
  if (!f->empty()) e.push_back({key, parse_written_number(*f).value_or(Number{})});
  else if (required) e.push_back({key, scaffold::FieldValue{}});
  return true;
}

std::optional<std::string> indicator(const Row& row, const std::string& analysis, const IndicatorColumns& c, int year) {
  Entries e{{"indikator", Text{row[c.name]}}};
  const bool percent = std::any_of(row.begin(), row.end(), [](const std::string& cell) { return has(cell, "%"); });
  e.push_back({"enhet", Text{percent ? "%" : "antal"}});
  const std::string kf = c.kf_target >= 0 ? row[c.kf_target] : "";
  if (starts_with(fold_case(kf), "max")) e.push_back({"riktning", Text{"lägre"}});  // "Max 10 personer"
  if (!add_figure(e, "utfall", row, c.outcome, true) || !add_figure(e, "män", row, c.men, false) ||
      !add_figure(e, "kvinnor", row, c.women, false) || !add_figure(e, "vb", row, c.previous, false) ||
      !add_figure(e, "årsmål", row, c.target, true))
    return std::nullopt;
  if (auto f = figure(kf); f && !f->empty()) e.push_back({"kf_årsmål", parse_written_number(*f).value_or(Number{})});
  else if (!kf.empty()) e.push_back({"kf_årsmål", Text{kf}});
  const std::string period = c.period >= 0 ? row[c.period] : "";
  e.push_back({"period", Text{period.empty() ? std::to_string(year) : period}});
  if (!analysis.empty()) e.push_back({"analys", Text{analysis, true}});
  return scaffold::data_block("indikator", e);
}

Found indicator_table(const std::vector<Chunk>& chunks, size_t i, int year) {
  auto t = table_of(chunks[i]);
  auto c = t ? indicator_columns(t->header) : std::nullopt;
  auto items = c ? items_of(*t, c->name) : std::nullopt;
  if (!items) return std::nullopt;
  const size_t after = analysis_after(chunks, i + 1, items->back().second);
  std::vector<std::string> blocks;
  for (const auto& [row, analysis] : *items) {
    auto block = indicator(row, analysis, *c, year);
    if (!block) return std::nullopt;  // a figure that is no number: the table stays as written
    blocks.push_back(*block);
  }
  return std::pair{join(blocks, "\n"), 1 + after};
}

Found activity_table(const std::vector<Chunk>& chunks, size_t i) {
  auto t = table_of(chunks[i]);
  if (!t) return std::nullopt;
  const int name = column(t->header, [](const std::string& s) { return s == "aktivitet"; });
  const int start = column(t->header, [](const std::string& s) { return starts_with(s, "start"); });
  const int end = column(t->header, [](const std::string& s) { return starts_with(s, "slut"); });
  const int deviation = column(t->header, [](const std::string& s) { return starts_with(s, "avvikelse"); });
  auto items = name >= 0 && start >= 0 && end >= 0 ? items_of(*t, name) : std::nullopt;
  if (!items) return std::nullopt;
  const size_t after = analysis_after(chunks, i + 1, items->back().second);
  std::vector<std::string> blocks;
  for (const auto& [row, analysis] : *items) {
    auto date = [&](int col) { return row[col].empty() ? scaffold::FieldValue{} : scaffold::FieldValue{Text{row[col]}}; };
    Entries e{{"aktivitet", Text{row[name]}}, {"startdatum", date(start)}, {"slutdatum", date(end)}};
    if (deviation >= 0) {
      const std::string d = folded_cell(row[deviation]);
      e.push_back({"avvikelse", !d.empty() && d != "nej" && d != "-"});  // the template prints "Avvikelse" or nothing
    }
    if (!analysis.empty()) e.push_back({"analys", Text{analysis, true}});
    blocks.push_back(scaffold::data_block("aktivitet", e));
  }
  return std::pair{join(blocks, "\n"), 1 + after};
}

}  // namespace

std::string recognise_report_blocks(std::string_view markdown, const model::Structure& structure) {
  if (structure.report.direction_goals.empty()) return std::string(markdown);
  return replace_chunks(markdown, [&](const std::vector<Chunk>& chunks, size_t i) {
    Found block = kf_goal(chunks, i, structure);
    if (!block) block = board_goal(chunks, i);
    if (!block) block = unit_goal(chunks, i);
    if (!block) block = indicator_table(chunks, i, structure.year);
    if (!block) block = activity_table(chunks, i);
    return block;
  });
}

}  // namespace kv::import
