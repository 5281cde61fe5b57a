#include "render/xlsx/workbook.h"

#include <cmath>
#include <stdexcept>

namespace kv::xlsx {

std::string sheet_name(const std::string& wanted) {
  std::string out;
  int chars = 0;
  for (size_t i = 0; i < wanted.size() && chars < 31;) {
    unsigned char c = static_cast<unsigned char>(wanted[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::string ch = wanted.substr(i, len);
    out += (ch.size() == 1 && std::string("[]:*?/\\").find(ch[0]) != std::string::npos) ? "-" : ch;
    i += len;
    ++chars;
  }
  return out.empty() ? "Blad" : out;
}

int percent_decimals(double value) {
  for (int d = 0; d < 2; ++d) {
    double scaled = value * (d == 0 ? 1 : 10);
    if (std::fabs(scaled - std::round(scaled)) < 1e-9) return d;
  }
  return 2;
}

Workbook::Workbook(const std::filesystem::path& file, std::time_t created, const std::string& title)
    : title_(title), created_(created) {
  book_ = workbook_new(file.c_str());
  if (!book_) throw std::runtime_error(file.string());
  header_ = workbook_add_format(book_);
  format_set_bold(header_);
  format_set_text_wrap(header_);
  format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
  format_set_bottom(header_, LXW_BORDER_THIN);
  wrapped_ = workbook_add_format(book_);
  format_set_text_wrap(wrapped_);
  format_set_align(wrapped_, LXW_ALIGN_VERTICAL_TOP);
  integer_ = workbook_add_format(book_);
  format_set_num_format(integer_, "0");
  format_set_align(integer_, LXW_ALIGN_VERTICAL_TOP);
  decimal_ = workbook_add_format(book_);
  format_set_num_format(decimal_, "#,##0.0#");
  format_set_align(decimal_, LXW_ALIGN_VERTICAL_TOP);
  date_ = workbook_add_format(book_);
  format_set_num_format(date_, "yyyy-mm-dd");
  format_set_align(date_, LXW_ALIGN_VERTICAL_TOP);
  link_ = workbook_add_format(book_);
  format_set_underline(link_, LXW_UNDERLINE_SINGLE);
  format_set_font_color(link_, LXW_COLOR_BLUE);
  format_set_align(link_, LXW_ALIGN_VERTICAL_TOP);
  const char* percent_formats[] = {"0%", "0.0%", "0.00%"};
  for (int d = 0; d < 3; ++d) {
    percent_[d] = workbook_add_format(book_);
    format_set_num_format(percent_[d], percent_formats[d]);
    format_set_align(percent_[d], LXW_ALIGN_VERTICAL_TOP);
  }
}

Workbook::~Workbook() {
  if (!closed_ && book_) workbook_close(book_);  // never throw from a destructor
}

void Workbook::add_sheet(std::string name, const std::vector<Column>& columns,
                         const std::vector<std::vector<Cell>>& rows) {
  lxw_worksheet* sheet = workbook_add_worksheet(book_, sheet_name(name).c_str());
  if (!sheet) throw std::runtime_error("sheet " + name);
  std::vector<lxw_format*> formats;
  for (size_t c = 0; c < columns.size(); ++c) {
    const auto& col = columns[c];
    lxw_format* format = col.kind == Column::Kind::kWrappedText ? wrapped_
                         : col.kind == Column::Kind::kInteger   ? integer_
                         : col.kind == Column::Kind::kDecimal   ? decimal_
                         : col.kind == Column::Kind::kPercent   ? percent_[0]
                                                                : wrapped_;
    formats.push_back(format);
    auto col_index = static_cast<lxw_col_t>(c);
    worksheet_set_column(sheet, col_index, col_index, col.width, format);
    worksheet_write_string(sheet, 0, col_index, col.header.c_str(), header_);
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].size() && c < columns.size(); ++c) {
      const Cell& cell = rows[r][c];
      auto row_index = static_cast<lxw_row_t>(r + 1);
      auto col_index = static_cast<lxw_col_t>(c);
      // Percentages are stored as fractions (0.76) so Excel's percent format shows 76 %.
      const bool percent = cell.percent || columns[c].kind == Column::Kind::kPercent;
      double value = percent ? cell.number / 100.0 : cell.number;
      lxw_format* format = percent ? percent_[percent_decimals(cell.number)] : formats[c];
      if (cell.type == Cell::Type::kNumber) worksheet_write_number(sheet, row_index, col_index, value, format);
      else if (cell.type == Cell::Type::kDate) {
        lxw_datetime when{std::stoi(cell.text.substr(0, 4)), std::stoi(cell.text.substr(5, 2)),
                          std::stoi(cell.text.substr(8, 2)), 0, 0, 0};
        worksheet_write_datetime(sheet, row_index, col_index, &when, date_);
      } else if (cell.type == Cell::Type::kLink) {
        worksheet_write_url(sheet, row_index, col_index, cell.text.c_str(), link_);
      } else if (cell.type == Cell::Type::kText) worksheet_write_string(sheet, row_index, col_index, cell.text.c_str(), formats[c]);
    }
  }
  worksheet_freeze_panes(sheet, 1, 0);
  if (!columns.empty())
    worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(rows.size()), static_cast<lxw_col_t>(columns.size() - 1));
}

void Workbook::close() {
  lxw_doc_properties properties{};
  properties.title = title_.data();  // libxlsxwriter 1.1 takes char*; it only reads it
  properties.created = created_;
  workbook_set_properties(book_, &properties);
  closed_ = true;
  lxw_error error = workbook_close(book_);
  if (error != LXW_NO_ERROR) throw std::runtime_error(lxw_strerror(error));
}

}  // namespace kv::xlsx
