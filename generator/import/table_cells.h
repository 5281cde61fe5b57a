// The cells of a pipe table as the converted Word document has them: what the importer's
// table recognisers (table_blocks.h, report_blocks.h) read a table's lines and figures with.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kv::import {

using Row = std::vector<std::string>;

// "| a | b |" → {"a", "b"}; nullopt for a line that is no table row.
std::optional<Row> cells(std::string_view line);
// A header's separator row, "|---|:--|".
bool is_separator(const Row& row);
// A cell folded for comparing: lower case, without emphasis marks and outer spaces.
std::string folded_cell(const std::string& s);
// A cell's figure as written, without spaces, sign "+" or percent sign ("76 %" → "76", "+18,4"
// → "18,4"); nullopt for a cell that is no figure. Empty: "". A trailing "*" (a forecast) sets
// *starred.
std::optional<std::string> figure(std::string s, bool* starred = nullptr);

}  // namespace kv::import
