#include "load/source.h"

#include <fstream>
#include <sstream>

#include "util/limits.h"
#include "util/escape.h"
#include "util/text.h"

namespace kv {

namespace fs = std::filesystem;

static SourcePos position_of(const std::string& path, std::string_view text, size_t offset) {
  SourcePos pos{path, 1, 1};
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.col = 1;
    } else if ((static_cast<unsigned char>(text[i]) >> 6) != 0x2) {
      ++pos.col;
    }
  }
  return pos;
}

std::optional<size_t> find_control_character(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    const char32_t c = decode_utf8(text, i);
    if (c == '\t' || c == '\n' || (c == '\r' && i < text.size() && text[i] == '\n')) continue;
    if (is_control_character(c)) return at;
  }
  return std::nullopt;
}

// The code point at byte offset at (decode_utf8 advances its index, this copy of it).
static char32_t code_point_at(std::string_view text, size_t at) { return decode_utf8(text, at); }

std::optional<SourceFile> read_source(const fs::path& file, Diagnostics& diagnostics) {
  const std::string path = file.generic_string();
  std::error_code ec;
  const auto status = fs::status(file, ec);
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    diagnostics.error({path, 0, 0}, diagnostics.t(Msg::kPathNotRegular, {path}), diagnostics.t(Msg::kPathNotRegularHint));
    return std::nullopt;
  }
  const auto size = fs::file_size(file, ec);
  if (!ec && size > limits::kTextFileBytes) {
    diagnostics.error({path, 0, 0}, diagnostics.t(Msg::kFileTooLarge, {group_digits(size), group_digits(limits::kTextFileBytes)}),
                 diagnostics.t(Msg::kFileTooLargeHint));
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream buffer;
  if (in) buffer << in.rdbuf();
  if (!in || in.bad()) {
    diagnostics.error({path, 0, 0}, diagnostics.t(Msg::kFileUnreadable), diagnostics.t(Msg::kFileUnreadableHint));
    return std::nullopt;
  }
  std::string text = buffer.str();
  if (text.size() > limits::kTextFileBytes) {  // grew while read, or not a plain file after all
    diagnostics.error({path, 0, 0}, diagnostics.t(Msg::kFileTooLarge, {group_digits(text.size()), group_digits(limits::kTextFileBytes)}),
                 diagnostics.t(Msg::kFileTooLargeHint));
    return std::nullopt;
  }
  if (starts_with(text, "\xEF\xBB\xBF")) text.erase(0, 3);
  if (auto bad = find_invalid_utf8(text)) {
    diagnostics.error(position_of(path, text, *bad), diagnostics.t(Msg::kInvalidUtf8), diagnostics.t(Msg::kInvalidUtf8Hint));
    return std::nullopt;
  }
  if (auto bad = find_control_character(text)) {
    diagnostics.error(position_of(path, text, *bad), diagnostics.t(Msg::kControlCharacter, {code_point_name(code_point_at(text, *bad))}),
                 diagnostics.t(Msg::kControlCharacterHint));
    return std::nullopt;
  }
  return SourceFile{path, std::move(text)};
}

std::optional<SourceFile> read_content_file(const ContentRoot& root, const fs::path& file, Diagnostics& diagnostics) {
  if (!check_content_path(root, file, file.filename().string(), {file.generic_string(), 0, 0}, diagnostics)) return std::nullopt;
  return read_source(file, diagnostics);
}

}  // namespace kv
