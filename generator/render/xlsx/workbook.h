// A thin RAII wrapper over libxlsxwriter: one workbook, shared formats, and sheet helpers
// that apply the project's conventions (bold frozen header, autofilter, widths, wrapping).
#pragma once
#include <xlsxwriter.h>

#include <ctime>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kv::xlsx {

struct Column {
  std::string header;
  double width = 12;
  enum class Kind { kText, kWrappedText, kInteger, kDecimal, kPercent } kind = Kind::kText;
};

// A cell: text, number, or empty (missing values stay empty, never "" or 0).
// A percentage (percent = true, or any number in a kPercent column) is given as 0–100 and
// stored as a fraction with a percent format showing the value's own decimals (9,9 → 9.9%).
struct Cell {
  enum class Type { kEmpty, kText, kNumber, kDate, kLink } type = Type::kEmpty;
  std::string text;
  double number = 0;
  bool percent = false;
  static Cell empty() { return {}; }
  static Cell of(std::string s) { return {Type::kText, std::move(s), 0, false}; }
  static Cell of(double n) { return {Type::kNumber, {}, n, false}; }
  static Cell of(const std::optional<double>& n) { return n ? of(*n) : empty(); }
  // An ISO date "2024-01-31", stored as an Excel date shown as 2024-01-31.
  static Cell date(std::string iso) { return {Type::kDate, std::move(iso), 0, false}; }
  // A hyperlink (http or https) shown as its address.
  static Cell link(std::string url) { return {Type::kLink, std::move(url), 0, false}; }
  static Cell pct(const std::optional<double>& n) { return n ? Cell{Type::kNumber, {}, *n, true} : empty(); }
};

class Workbook {
 public:
  // created fixes the document's creation time, so equal input gives equal bytes.
  Workbook(const std::filesystem::path& file, std::time_t created, const std::string& title);
  ~Workbook();
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  // Adds a sheet (name cut to Excel's 31 characters) with a header row and data rows.
  void add_sheet(std::string name, const std::vector<Column>& columns, const std::vector<std::vector<Cell>>& rows);

  // Writes the file; throws std::runtime_error with libxlsxwriter's reason on failure.
  void close();

 private:
  lxw_workbook* book_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* wrapped_ = nullptr;
  lxw_format* integer_ = nullptr;
  lxw_format* decimal_ = nullptr;
  lxw_format* percent_[3] = {};  // 0%, 0.0%, 0.00%
  lxw_format* date_ = nullptr;
  lxw_format* link_ = nullptr;
  std::string title_;
  std::time_t created_;
  bool closed_ = false;
};

// How many decimals (0–2) a percentage needs to be shown as written: 83 → 0, 9.9 → 1.
int percent_decimals(double value);

// Excel's limit is 31 characters (not bytes) and no []:*?/\ in sheet names.
std::string sheet_name(const std::string& wanted);

}  // namespace kv::xlsx
