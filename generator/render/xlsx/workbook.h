// A thin RAII wrapper over libxlsxwriter: one workbook, shared formats, and sheet helpers
// that apply the project's conventions (bold frozen header, autofilter, widths, wrapping).
//
// Every workbook is valid by construction, whatever the texts: each string passes
// cell_text/sheet_name/title_text (XML-safe, within Excel's limits) before libxlsxwriter
// sees it, a too-long text is cut with a note and a warning, an impossible date or link is
// written as text with a warning, and every libxlsxwriter result is checked: a failure
// throws Failed, whose message (in the user's language) names the workbook, sheet and cell.
#pragma once
#include <xlsxwriter.h>

#include <ctime>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "render/xlsx/cell_text.h"
#include "util/number.h"

namespace kv::xlsx {

// What Excel lets a reader type into a column's cells (a reviewer's score), and the help it
// shows when one is selected.
struct Validation {
  double min = 0, max = 0;         // a number from min to max
  bool whole = true;               // whole numbers only
  std::vector<std::string> list;   // when not empty: only these values (a drop-down)
  std::string title, message;      // the help: at most 32 and 255 characters
};

struct Column {
  std::string header;
  double width = 12;
  enum class Kind { kText, kWrappedText, kInteger, kDecimal, kPercent } kind = Kind::kText;
  std::optional<Validation> validation = std::nullopt;  // applied to every data row
};

// A cell: text, number, or empty (missing values stay empty, never "" or 0).
// A percentage (percent = true, or any number in a kPercent column) is given as 0–100 and
// stored as a fraction with a percent format showing the value's own decimals (9,9 → 9.9%).
// A number as its author wrote it (util/number.h) is shown with the decimals written, in
// any column: 22,0 → "0.0" (or "#,##0.0" in a kDecimal column), 12,50 → "0.00", 76 → "0",
// a percentage 9,50 → "0.00%".
struct Cell {
  enum class Type { kEmpty, kText, kNumber, kDate, kLink } type = Type::kEmpty;
  std::string text;
  double number = 0;
  bool percent = false;
  std::string shown;  // a file link's text ("": a link shows its address)
  int decimals = -1;  // of a number as written; -1: the column's format
  static Cell empty() { return {}; }
  static Cell of(std::string s) { return {Type::kText, std::move(s), 0, false, {}, -1}; }
  static Cell of(double n) { return {Type::kNumber, {}, n, false, {}, -1}; }
  static Cell of(const std::optional<double>& n) { return n ? of(*n) : empty(); }
  static Cell of(const Number& n) { return {Type::kNumber, {}, n.value, false, {}, n.decimals}; }
  static Cell of(const std::optional<Number>& n) { return n ? of(*n) : empty(); }
  // An ISO date "2024-01-31", stored as an Excel date shown as 2024-01-31; a month
  // "2007-10" is stored as its first day and shown as 2007-10.
  static Cell date(std::string iso) { return {Type::kDate, std::move(iso), 0, false, {}, -1}; }
  // A hyperlink (http or https) shown as its address.
  static Cell link(std::string url) { return {Type::kLink, std::move(url), 0, false, {}, -1}; }
  // A link to a file relative to the workbook's own folder ("../../2018/…/index.html"),
  // which works when the site is opened from disk; shown as `shown`.
  static Cell file_link(std::string relative, std::string shown) {
    return {Type::kLink, std::move(relative), 0, false, std::move(shown), -1};
  }
  static Cell pct(const std::optional<double>& n) { return n ? Cell{Type::kNumber, {}, *n, true, {}, -1} : empty(); }
  static Cell pct(const std::optional<Number>& n) {
    return n ? Cell{Type::kNumber, {}, n->value, true, {}, n->decimals} : empty();
  }
};

// Where a workbook is written and where its problems are told.
struct Target {
  std::filesystem::path file;  // written here (in the build's staging folder)
  std::string site_path;       // named so in messages: its path in the site, "2024/indikatorer.xlsx"
  Diagnostics& diagnostics;              // gets the warnings, in the user's language
};

// libxlsxwriter refused something: what() says where and why, in the report's language.
class Failed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Workbook {
 public:
  // lang: the site's language (the note in a cut text). created fixes the document's
  // creation time, so equal input gives equal bytes.
  Workbook(const Target& target, Lang lang, std::time_t created, const std::string& title);
  ~Workbook();
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  // Adds a sheet (name made valid: see sheet_name) with a header row and data rows.
  void add_sheet(std::string name, const std::vector<Column>& columns, const std::vector<std::vector<Cell>>& rows);

  // Writes the file.
  void close();

 private:
  struct Place;  // a sheet and cell, for messages
  lxw_format* add_format();
  void check(lxw_error error, const std::string& where);
  [[noreturn]] void fail(const std::string& where, const std::string& reason);
  void warn(std::string message, std::string hint);
  std::string unique_sheet_name(const std::string& wanted);
  void write_cell(lxw_worksheet* sheet, const Place& at, const Cell& cell, const Column& column, lxw_format* format,
                  size_t& links);
  // The format of a number shown with its written decimals (made once per workbook).
  lxw_format* written_format(int decimals, bool percent, bool grouped);
  void write_text(lxw_worksheet* sheet, const Place& at, const std::string& text, lxw_format* format);
  void write_date(lxw_worksheet* sheet, const Place& at, const std::string& iso, lxw_format* format);
  void write_link(lxw_worksheet* sheet, const Place& at, const Cell& cell, size_t& links);
  void validate_column(lxw_worksheet* sheet, const Place& first, size_t rows, const Validation& v);

  Target target_;
  Lang lang_;
  lxw_workbook* book_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* wrapped_ = nullptr;
  lxw_format* integer_ = nullptr;
  lxw_format* decimal_ = nullptr;
  lxw_format* percent_[3] = {};  // 0%, 0.0%, 0.00%
  lxw_format* date_ = nullptr;
  lxw_format* month_ = nullptr;
  lxw_format* link_ = nullptr;
  std::map<std::string, lxw_format*> written_;  // by number format: "0.0", "#,##0.00", "0.0%"
  std::vector<std::string> used_sheet_names_;  // case-folded
  std::string title_;
  std::time_t created_;
  bool closed_ = false;
};

// How many decimals (0–2) a percentage needs to be shown as written: 83 → 0, 9.9 → 1.
int percent_decimals(double value);

}  // namespace kv::xlsx
