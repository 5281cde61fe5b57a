#include "markdown/source_text.h"

#include <algorithm>

namespace kv::markdown {

SourceText::SourceText(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') line_starts_.push_back(i + 1);
}

size_t SourceText::offset(int line, int byte_col) const {
  if (line < 1) return 0;
  if (static_cast<size_t>(line) > line_starts_.size()) return text_.size();
  const size_t start = line_starts_[static_cast<size_t>(line) - 1];
  size_t end = text_.find('\n', start);
  if (end == std::string_view::npos) end = text_.size();
  return std::min(start + static_cast<size_t>(std::max(byte_col, 1) - 1), end);
}

Location SourceText::location(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const size_t line = static_cast<size_t>(next - line_starts_.begin());
  int col = 1;
  for (size_t i = line_starts_[line - 1]; i < offset; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;  // count UTF-8 lead bytes
  return {static_cast<int>(line), col};
}

Location InlineFinder::find(int line, int byte_col, std::string_view opener) {
  // cmark's column can only fall short of the true one (it misses indentation), except for
  // the autolink extension's, which may point anywhere on the line: so search from the hint,
  // then from the start of its line, never before the previous node.
  const size_t hint = line > 0 ? source_.offset(line, byte_col) : cursor_;
  const size_t line_start = line > 0 ? source_.offset(line, 1) : cursor_;
  size_t at = text_.find(opener, std::max(hint, cursor_));
  if (at == std::string_view::npos) at = text_.find(opener, std::max(line_start, cursor_));
  if (at == std::string_view::npos || opener.empty()) return line > 0 ? Location{line, 0} : source_.location(cursor_);
  if (at > 0 && opener[0] != '[' && opener[0] != '!' && (text_[at - 1] == '<' || text_[at - 1] == '[')) --at;
  cursor_ = at + 1;
  return source_.location(at);
}

}  // namespace kv::markdown
