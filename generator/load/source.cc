#include "load/source.h"

#include <fstream>
#include <sstream>

#include "util/text.h"

namespace kv {

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

std::optional<SourceFile> read_source(const std::filesystem::path& file, Report& report) {
  const std::string path = file.generic_string();
  std::ifstream in(file, std::ios::binary);
  std::ostringstream buffer;
  if (in) buffer << in.rdbuf();
  if (!in || in.bad()) {
    report.error({path, 0, 0}, report.t(Msg::kFileUnreadable), report.t(Msg::kFileUnreadableHint));
    return std::nullopt;
  }
  std::string text = buffer.str();
  if (starts_with(text, "\xEF\xBB\xBF")) text.erase(0, 3);
  if (auto bad = find_invalid_utf8(text)) {
    report.error(position_of(path, text, *bad), report.t(Msg::kInvalidUtf8), report.t(Msg::kInvalidUtf8Hint));
    return std::nullopt;
  }
  return SourceFile{path, std::move(text)};
}

}  // namespace kv
