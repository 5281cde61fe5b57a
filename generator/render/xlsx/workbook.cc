#include "render/xlsx/workbook.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <mutex>

#include "i18n/messages.h"
#include "i18n/numbers.h"
#include "util/escape.h"
#include "util/text.h"

namespace kv::xlsx {

int percent_decimals(double value) {
  for (int d = 0; d < 2; ++d) {
    double scaled = value * (d == 0 ? 1 : 10);
    if (std::fabs(scaled - std::round(scaled)) < 1e-9) return d;
  }
  return 2;
}

// A cell of a sheet, named as Excel does ("M2") in messages.
struct Workbook::Place {
  const std::string& sheet;
  lxw_row_t row;
  lxw_col_t col;
  std::string describe(const Diagnostics& diagnostics) const {
    char cell[LXW_MAX_CELL_NAME_LENGTH];
    lxw_rowcol_to_cell(cell, row, col);
    return diagnostics.t(Msg::kXlsxAtCell, {sheet, cell});
  }
};

Workbook::Workbook(const Target& target, Lang lang, std::time_t created, const std::string& title)
    : target_(target), lang_(lang), title_(title_text(title)), created_(document_time(created)) {
  book_ = workbook_new(target_.file.c_str());
  if (!book_) fail(target_.diagnostics.t(Msg::kXlsxAtOpen), lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED));
  try {
    header_ = add_format();
    format_set_bold(header_);
    format_set_text_wrap(header_);
    format_set_bottom(header_, LXW_BORDER_THIN);
    wrapped_ = add_format();
    format_set_text_wrap(wrapped_);
    integer_ = add_format();
    format_set_num_format(integer_, "0");
    decimal_ = add_format();
    format_set_num_format(decimal_, "#,##0.0#");
    date_ = add_format();
    format_set_num_format(date_, "yyyy-mm-dd");
    month_ = add_format();
    format_set_num_format(month_, "yyyy-mm");
    link_ = add_format();
    format_set_underline(link_, LXW_UNDERLINE_SINGLE);
    format_set_font_color(link_, LXW_COLOR_BLUE);
    const char* percent_formats[] = {"0%", "0.0%", "0.00%"};
    for (int d = 0; d < 3; ++d) {
      percent_[d] = add_format();
      format_set_num_format(percent_[d], percent_formats[d]);
    }
  } catch (...) {
    lxw_workbook_free(book_);
    throw;
  }
}

Workbook::~Workbook() {
  // Never throw from a destructor, and never write a half-made workbook: free it unsaved.
  if (!closed_ && book_) lxw_workbook_free(book_);
}

// Every format aligns to the top, so a row with a long wrapped text still reads as a row.
lxw_format* Workbook::add_format() {
  lxw_format* format = workbook_add_format(book_);
  if (!format) fail(target_.diagnostics.t(Msg::kXlsxAtOpen), lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED));
  format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
  return format;
}

void Workbook::check(lxw_error error, const std::string& where) {
  if (error != LXW_NO_ERROR) fail(where, lxw_strerror(error));
}

// The build stops at its first failed write and reports it once (write_output_dir), so the
// message travels in the exception. errno is kept: the caller tells a full disk by it.
void Workbook::fail(const std::string& where, const std::string& reason) {
  const int error = errno;
  std::string message = target_.diagnostics.t(Msg::kXlsxFailed, {target_.site_path, where, reason});
  errno = error;
  throw Failed(message);
}

void Workbook::warn(std::string message, std::string hint) {
  target_.diagnostics.warning({target_.site_path, 0, 0}, std::move(message), std::move(hint));
}

// Excel compares sheet names without regard to case; libxlsxwriter 1.1.4 only exactly.
std::string Workbook::unique_sheet_name(const std::string& wanted) {
  const std::string base = sheet_name(wanted);
  std::string name = base;
  auto taken = [&] {
    return workbook_validate_sheet_name(book_, name.c_str()) == LXW_ERROR_SHEETNAME_ALREADY_USED ||
           std::find(used_sheet_names_.begin(), used_sheet_names_.end(), fold_case(name)) != used_sheet_names_.end();
  };
  for (int n = 2; taken(); ++n) {
    const std::string suffix = " (" + std::to_string(n) + ")";
    name = std::string(excel_prefix(base, kMaxSheetNameChars - suffix.size())) + suffix;
  }
  check(workbook_validate_sheet_name(book_, name.c_str()), target_.diagnostics.t(Msg::kXlsxAtSheet, {name}));
  used_sheet_names_.push_back(fold_case(name));
  return name;
}

void Workbook::add_sheet(std::string wanted, const std::vector<Column>& columns,
                         const std::vector<std::vector<Cell>>& rows) {
  const std::string name = unique_sheet_name(wanted);
  const std::string at_sheet = target_.diagnostics.t(Msg::kXlsxAtSheet, {name});
  lxw_worksheet* sheet = workbook_add_worksheet(book_, name.c_str());
  if (!sheet) fail(at_sheet, lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED));
  std::vector<lxw_format*> formats;
  for (size_t c = 0; c < columns.size(); ++c) {
    const auto& col = columns[c];
    lxw_format* format = col.kind == Column::Kind::kInteger   ? integer_
                         : col.kind == Column::Kind::kDecimal ? decimal_
                         : col.kind == Column::Kind::kPercent ? percent_[0]
                                                              : wrapped_;
    formats.push_back(format);
    auto col_index = static_cast<lxw_col_t>(c);
    check(worksheet_set_column(sheet, col_index, col_index, col.width, format), at_sheet);
    write_text(sheet, {name, 0, col_index}, col.header, header_);
  }
  size_t links = 0;
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t c = 0; c < rows[r].size() && c < columns.size(); ++c)
      write_cell(sheet, {name, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c)}, rows[r][c], columns[c], formats[c],
                 links);
  for (size_t c = 0; c < columns.size(); ++c)
    if (columns[c].validation && !rows.empty())
      validate_column(sheet, {name, 1, static_cast<lxw_col_t>(c)}, rows.size(), *columns[c].validation);
  worksheet_freeze_panes(sheet, 1, 0);
  if (!columns.empty())
    check(worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(rows.size()), static_cast<lxw_col_t>(columns.size() - 1)),
          at_sheet);
}

void Workbook::validate_column(lxw_worksheet* sheet, const Place& first, size_t rows, const Validation& v) {
  lxw_data_validation dv{};
  // Excel's limits for the help: 32 characters of title, 255 of message.
  std::string title(excel_prefix(xml_text(v.title), 32)), message(excel_prefix(xml_text(v.message), 255));
  std::vector<std::string> values;
  std::vector<char*> list;
  if (!v.list.empty()) {
    for (const auto& value : v.list) values.emplace_back(excel_prefix(xml_text(value), 255));
    for (auto& value : values) list.push_back(value.data());
    list.push_back(nullptr);
    dv.validate = LXW_VALIDATION_TYPE_LIST;
    dv.value_list = list.data();
  } else {
    dv.validate = v.whole ? LXW_VALIDATION_TYPE_INTEGER : LXW_VALIDATION_TYPE_DECIMAL;
    dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    dv.minimum_number = v.min;
    dv.maximum_number = v.max;
  }
  dv.input_title = title.data();
  dv.input_message = message.data();
  dv.error_title = title.data();
  dv.error_message = message.data();
  check(worksheet_data_validation_range(sheet, first.row, first.col, static_cast<lxw_row_t>(first.row + rows - 1), first.col, &dv),
        first.describe(target_.diagnostics));
}

lxw_format* Workbook::written_format(int decimals, bool percent, bool grouped) {
  const int d = std::clamp(decimals, 0, kMaxDecimals);
  const std::string code = std::string(grouped && !percent ? "#,##0" : "0") + (d > 0 ? "." + std::string(d, '0') : "") +
                           (percent ? "%" : "");
  auto [it, added] = written_.try_emplace(code, nullptr);
  if (added) {
    it->second = add_format();
    format_set_num_format(it->second, code.c_str());
  }
  return it->second;
}

void Workbook::write_cell(lxw_worksheet* sheet, const Place& at, const Cell& cell, const Column& column,
                          lxw_format* format, size_t& links) {
  switch (cell.type) {
    case Cell::Type::kEmpty: return;
    case Cell::Type::kText: return write_text(sheet, at, cell.text, format);
    case Cell::Type::kDate: return write_date(sheet, at, cell.text, format);
    case Cell::Type::kLink: return write_link(sheet, at, cell, links);
    case Cell::Type::kNumber: break;
  }
  // Percentages are stored as fractions (0.76) so Excel's percent format shows 76 %.
  const bool percent = cell.percent || column.kind == Column::Kind::kPercent;
  const double value = percent ? cell.number / 100.0 : cell.number;
  if (!std::isfinite(value)) {  // libxlsxwriter would write "INF", which Excel refuses
    warn(target_.diagnostics.t(Msg::kXlsxBadNumber, {at.describe(target_.diagnostics)}), target_.diagnostics.t(Msg::kXlsxBadNumberHint));
    return;
  }
  if (cell.decimals >= 0)
    format = written_format(cell.decimals, percent, column.kind == Column::Kind::kDecimal);
  else if (percent)
    format = percent_[percent_decimals(cell.number)];
  check(worksheet_write_number(sheet, at.row, at.col, value, format), at.describe(target_.diagnostics));
}

void Workbook::write_text(lxw_worksheet* sheet, const Place& at, const std::string& raw, lxw_format* format) {
  const CellText t = cell_text(raw, lang_);
  if (t.cut) {
    const Diagnostics& diagnostics = target_.diagnostics;
    warn(diagnostics.t(Msg::kXlsxTextCut, {at.describe(diagnostics), format_number(static_cast<double>(t.length), diagnostics.lang),
                                     format_number(static_cast<double>(kMaxCellChars), diagnostics.lang)}),
         diagnostics.t(Msg::kXlsxTextCutHint));
  }
  check(worksheet_write_string(sheet, at.row, at.col, t.text.c_str(), format), at.describe(target_.diagnostics));
}

// A date that is not one (or one Excel cannot show) is kept as the text it was given as.
void Workbook::write_date(lxw_worksheet* sheet, const Place& at, const std::string& iso, lxw_format* format) {
  if (iso.empty()) return;
  const bool month = iso.size() == 7;  // "2007-10": a plan's month, shown as such
  if (auto when = excel_date(month ? iso + "-01" : iso)) {
    check(worksheet_write_datetime(sheet, at.row, at.col, &*when, month ? month_ : date_), at.describe(target_.diagnostics));
    return;
  }
  const Diagnostics& diagnostics = target_.diagnostics;
  warn(diagnostics.t(Msg::kXlsxBadDate, {at.describe(diagnostics), utf8_prefix(xml_text(iso), 40)}), diagnostics.t(Msg::kXlsxBadDateHint));
  write_text(sheet, at, iso, format);
}

// A link Excel cannot hold (too long, or past the sheet's limit) is kept as its address in text.
void Workbook::write_link(lxw_worksheet* sheet, const Place& at, const Cell& cell, size_t& links) {
  const std::string url = xml_text(cell.text);
  if (url.empty()) return;
  const Diagnostics& diagnostics = target_.diagnostics;
  if (escaped_url_length(url) > kMaxUrlChars) {
    warn(diagnostics.t(Msg::kXlsxLinkAsText, {at.describe(diagnostics), std::to_string(kMaxUrlChars)}),
         diagnostics.t(Msg::kXlsxLinkAsTextHint));
    return write_text(sheet, at, url, wrapped_);
  }
  if (links >= kMaxLinksPerSheet) {
    if (links++ == kMaxLinksPerSheet)  // once per sheet
      warn(diagnostics.t(Msg::kXlsxTooManyLinks, {at.describe(diagnostics), std::to_string(kMaxLinksPerSheet)}), {});
    return write_text(sheet, at, url, wrapped_);
  }
  ++links;
  if (!cell.shown.empty()) {  // a file beside the workbook: libxlsxwriter's external: form
    const std::string target = "external:" + url, shown = cell_text(cell.shown, lang_).text;
    check(worksheet_write_url_opt(sheet, at.row, at.col, target.c_str(), link_, shown.c_str(), nullptr), at.describe(diagnostics));
    // libxlsxwriter shows an external link with Windows separators; the site's own form is
    // what a reader looks for, so the cell's text is written again over the link.
    check(worksheet_write_string(sheet, at.row, at.col, shown.c_str(), link_), at.describe(diagnostics));
    return;
  }
  check(worksheet_write_url(sheet, at.row, at.col, url.c_str(), link_), at.describe(diagnostics));
}

void Workbook::close() {
  const std::string at_close = target_.diagnostics.t(Msg::kXlsxAtClose);
  lxw_doc_properties properties{};
  properties.title = title_.data();  // libxlsxwriter 1.1 takes char*; it only reads it
  properties.created = created_;
  check(workbook_set_properties(book_, &properties), at_close);
  closed_ = true;  // workbook_close frees the workbook, whatever its result
  lxw_error closed;
  {
    // libxlsxwriter writes the creation date through gmtime(), whose one static result two
    // workbooks closing at once would share (a 2018 workbook dated 2007): one at a time.
    static std::mutex gmtime_in_libxlsxwriter;
    std::lock_guard<std::mutex> lock(gmtime_in_libxlsxwriter);
    closed = workbook_close(book_);
  }
  check(closed, at_close);
}

}  // namespace kv::xlsx
