// Positions in a Markdown text. cmark-gfm reports byte columns, and for inline nodes its
// columns are only a hint: they leave out the indentation of a paragraph's continuation
// lines, and links the autolink extension makes have none at all. Diagnostics need the line
// and the column in characters of what the author wrote, so inline nodes are found in the
// source from cmark's hint onwards.
#pragma once
#include <string_view>
#include <vector>

#include "markdown/markdown.h"

namespace kv::markdown {

class SourceText {
 public:
  explicit SourceText(std::string_view text);

  // Byte offset of a 1-based line and byte column, clamped to that line (and to the text).
  size_t offset(int line, int byte_col) const;
  // 1-based line and column in characters of a byte offset.
  Location location(size_t offset) const;

 private:
  std::string_view text_;
  std::vector<size_t> line_starts_;
};

// Finds inline nodes in document order: each search starts at cmark's hint, but never
// before the node found last, so two links on one line are told apart.
class InlineFinder {
 public:
  explicit InlineFinder(std::string_view text) : text_(text), source_(text) {}

  // Where `opener` ("![", "[", or an autolink's text) starts, searched from cmark's
  // position (line, byte_col; 0 when cmark has none). An autolink's "<" or a link's "[" just
  // before an autolink text is taken as its start. Not found: {line, 0} (the whole line), or
  // where the previous node was when cmark gave no line either.
  Location find(int line, int byte_col, std::string_view opener);

 private:
  std::string_view text_;
  SourceText source_;
  size_t cursor_ = 0;
};

}  // namespace kv::markdown
