// GFM table rows whose number of cells differs from the header row's. cmark-gfm pads a short
// row with empty cells and drops the extra cells of a long one without a word, so a figure an
// author typed could vanish from the page. The parse says where the tables and their rows
// are; the cells are counted from each row's source line, split as cmark-gfm splits it: at
// every '|' not preceded by a backslash, inside `code` too (a "|" in a cell is written "\|").
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

#include "markdown/markdown.h"

struct cmark_node;

namespace kv::markdown {

// Cells of one table row as written: "| a | b |", "a | b" and "| a | b" all have 2.
size_t count_row_cells(std::string_view row);

// The body rows of every table under root whose cell count differs from their header's.
// text is the Markdown root was parsed from; positions are 1-based, columns in characters.
std::vector<TableRow> uneven_table_rows(cmark_node* root, std::string_view text);

}  // namespace kv::markdown
