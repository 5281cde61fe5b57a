#include "markdown/table_rows.h"

#include <cmark-gfm.h>

#include <cstring>

#include "markdown/source_text.h"

namespace kv::markdown {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// The type names cmark-gfm's table extension gives its nodes; comparing names avoids
// depending on the extension's node-type globals.
bool has_type(cmark_node* node, const char* name) {
  const char* type = cmark_node_get_type_string(node);
  return type && std::strcmp(type, name) == 0;
}

size_t child_count(cmark_node* node) {
  size_t n = 0;
  for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) ++n;
  return n;
}

}  // namespace

size_t count_row_cells(std::string_view row) {
  while (!row.empty() && is_space(row.front())) row.remove_prefix(1);
  while (!row.empty() && is_space(row.back())) row.remove_suffix(1);
  if (row.empty()) return 0;
  size_t pipes = 0;
  for (size_t i = 0; i < row.size(); ++i)
    if (row[i] == '|' && (i == 0 || row[i - 1] != '\\')) ++pipes;
  size_t cells = pipes + 1;
  if (row.front() == '|') --cells;
  if (row.size() > 1 && row.back() == '|' && row[row.size() - 2] != '\\') --cells;
  return cells;
}

std::vector<TableRow> uneven_table_rows(cmark_node* root, std::string_view text) {
  std::vector<TableRow> out;
  const SourceText source(text);
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* table = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER || !has_type(table, "table")) continue;
    cmark_node* header = cmark_node_first_child(table);
    if (!header || !has_type(header, "table_header")) continue;
    const size_t header_cells = child_count(header);
    for (cmark_node* row = cmark_node_next(header); row; row = cmark_node_next(row)) {
      const int line = cmark_node_get_start_line(row);
      // The row from its first column (after any "> " or list indentation) to its last.
      const size_t begin = source.offset(line, cmark_node_get_start_column(row));
      const size_t end = source.offset(line, cmark_node_get_end_column(row) + 1);
      if (line <= 0 || end <= begin) continue;
      const size_t cells = count_row_cells(text.substr(begin, end - begin));
      if (cells != header_cells) out.push_back({source.location(begin), cells, header_cells});
    }
  }
  cmark_iter_free(it);
  return out;
}

}  // namespace kv::markdown
