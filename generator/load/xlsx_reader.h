// Reading a workbook (.xlsx) that a person filled in: the cells of each sheet, as text.
//
// libxlsxwriter only writes, so this is a reader of its own over Debian's libzip (the
// package) and expat (the XML parts). It reads what Office Open XML spreadsheets hold
// (ECMA-376 part 1, §18): xl/workbook.xml for the sheets' names and order, its
// relationships for their parts, xl/sharedStrings.xml, and each sheet's <c> cells (shared,
// inline and formula strings, numbers, booleans, errors). Formulas are not evaluated: a
// formula cell gives the value Excel last saved with it. Styles are ignored, so a date is
// the number Excel stores for it.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace kv::xlsx {

struct ReadCell {
  enum class Type { kText, kNumber, kBool, kError };
  Type type = Type::kText;
  std::string text;  // a number as Excel stored it ("3", "2.5"); a bool "0"/"1"
};

struct ReadSheet {
  std::string name;
  std::map<std::pair<int, int>, ReadCell> cells;  // by (row, column), both 1-based
  int max_row = 0;

  const ReadCell* at(int row, int col) const {
    auto it = cells.find({row, col});
    return it == cells.end() ? nullptr : &it->second;
  }
};

// Why a workbook could not be read, in plain words for its author (English; the caller
// puts it in a diagnostic of the user's language with what to do).
struct ReadFailure {
  enum class Kind { kNotWorkbook, kDamaged, kTooLarge };
  Kind kind = Kind::kDamaged;
  std::string detail;  // the part and the parser's or libzip's words, for the curious
};

// Every sheet in the workbook's order, or why it cannot be read. Any part larger than
// max_part_bytes once unpacked is refused (a zip bomb must not take the machine's memory).
std::variant<std::vector<ReadSheet>, ReadFailure> read_workbook(const std::filesystem::path& file,
                                                                size_t max_part_bytes = 64u << 20);

// "G5" for (5, 7); columns past Z continue AA, AB, … as in Excel.
std::string cell_name(int row, int col);
// The column of a reference like "G5" or "AB12" (1-based), and its row; {0, 0} if malformed.
std::pair<int, int> parse_cell_name(const std::string& ref);

}  // namespace kv::xlsx
