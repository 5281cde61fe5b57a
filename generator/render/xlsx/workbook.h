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
struct Cell {
  enum class Type { kEmpty, kText, kNumber } type = Type::kEmpty;
  std::string text;
  double number = 0;
  static Cell empty() { return {}; }
  static Cell of(std::string s) { return {Type::kText, std::move(s), 0}; }
  static Cell of(double n) { return {Type::kNumber, {}, n}; }
  static Cell of(const std::optional<double>& n) { return n ? of(*n) : empty(); }
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
  lxw_format* percent_ = nullptr;
  std::string title_;
  std::time_t created_;
  bool closed_ = false;
};

// Excel's limit is 31 characters (not bytes) and no []:*?/\ in sheet names.
std::string sheet_name(const std::string& wanted);

}  // namespace kv::xlsx
