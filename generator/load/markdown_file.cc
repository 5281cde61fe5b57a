#include "load/markdown_file.h"

#include <algorithm>

#include "util/text.h"

namespace kv {

MarkdownFile split_front_matter(const SourceFile& source, Diagnostics& diagnostics) {
  MarkdownFile file{source.path, std::nullopt, source.text, 0};
  auto lines = split_lines(source.text);
  if (lines.empty() || trim(lines[0]) != "---") return file;
  for (size_t i = 1; i < lines.size(); ++i) {
    if (trim(lines[i]) == "---" || trim(lines[i]) == "...") {
      std::string yaml;
      for (size_t k = 1; k < i; ++k) yaml.append(lines[k]).push_back('\n');
      std::string body;
      for (size_t k = i + 1; k < lines.size(); ++k) body.append(lines[k]).push_back('\n');
      file.front_matter = FrontMatter{std::move(yaml), 1};
      file.body = std::move(body);
      file.body_line_offset = static_cast<int>(i) + 1;
      return file;
    }
  }
  diagnostics.error({source.path, 1, 1}, diagnostics.t(Msg::kFrontMatterUnclosed), diagnostics.t(Msg::kFrontMatterUnclosedHint));
  return file;
}

std::string Fence::word() const { return info.substr(0, info.find_first_of(" \t{")); }

std::optional<Fence> parse_fence(std::string_view line) {
  size_t indent = 0;
  while (indent < line.size() && indent < 4 && line[indent] == ' ') ++indent;
  if (indent > 3 || indent >= line.size()) return std::nullopt;
  char ch = line[indent];
  if (ch != '`' && ch != '~') return std::nullopt;
  size_t n = indent;
  while (n < line.size() && line[n] == ch) ++n;
  if (n - indent < 3) return std::nullopt;
  std::string info(trim(line.substr(n)));
  if (ch == '`' && info.find('`') != std::string::npos) return std::nullopt;
  return Fence{ch, n - indent, info, indent};
}

bool closes_fence(const Fence& open, std::string_view line) {
  auto f = parse_fence(line);
  return f && f->ch == open.ch && f->length >= open.length && f->info.empty();
}

namespace {

// "::: name" → name; ":::" → ""; otherwise nullopt.
std::optional<std::string> parse_colon_fence(std::string_view line) {
  std::string_view t = trim(line);
  if (!starts_with(t, ":::")) return std::nullopt;
  size_t n = 0;
  while (n < t.size() && t[n] == ':') ++n;
  return std::string(trim(t.substr(n)));
}

bool contains(const std::vector<std::string>& list, const std::string& word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

class Splitter {
 public:
  Splitter(const MarkdownFile& file, const BlockVocabulary& vocabulary, Diagnostics& diagnostics)
      : file_(file), vocabulary_(vocabulary), diagnostics_(diagnostics), lines_(split_lines(file.body)) {}

  std::vector<RawBlock> run() {
    std::vector<RawBlock> top;
    RawBlock* container = nullptr;
    for (i_ = 0; i_ < lines_.size(); ++i_) {
      std::vector<RawBlock>& into = container ? container->children : top;
      std::string_view line = lines_[i_];
      if (auto fence = parse_fence(line)) {
        take_fence(*fence, into);
      } else if (auto name = parse_colon_fence(line)) {
        if (name->empty()) {
          if (container) {
            flush(container->children);
            container = nullptr;
          } else {
            diagnostics_.error(pos(1), diagnostics_.t(Msg::kContainerStrayClose), diagnostics_.t(Msg::kContainerStrayCloseHint));
          }
        } else {
          flush(into);
          if (container) {
            diagnostics_.error(pos(col_of(line, *name)), diagnostics_.t(Msg::kContainerNested, {*name, container->name}),
                          diagnostics_.t(Msg::kContainerNestedHint));
            continue;
          }
          top.push_back(open_container(*name, line));
          container = &top.back();
        }
      } else {
        prose_append(line);
      }
    }
    if (container) {
      flush(container->children);
      diagnostics_.error({file_.path, container->line, container->col}, diagnostics_.t(Msg::kContainerUnclosed, {container->name}),
                    diagnostics_.t(Msg::kContainerUnclosedHint));
    } else {
      flush(top);
    }
    return top;
  }

 private:
  int file_line() const { return file_.body_line_offset + static_cast<int>(i_) + 1; }
  SourcePos pos(int col) const { return {file_.path, file_line(), col}; }
  static int col_of(std::string_view line, const std::string& word) {
    size_t at = line.find(word);
    return at == std::string_view::npos ? 1 : static_cast<int>(utf8_length(line.substr(0, at))) + 1;
  }

  RawBlock open_container(const std::string& name, std::string_view line) {
    RawBlock block;
    block.kind = RawBlock::Kind::kContainer;
    block.name = name;
    block.line = file_line();
    block.col = col_of(line, name);
    if (!contains(vocabulary_.containers, name))
      diagnostics_.error(pos(block.col), diagnostics_.t(Msg::kContainerUnknown, {name}), diagnostics_.suggest(name, vocabulary_.containers));
    return block;
  }

  // A fence opens a data block when its info string names one; otherwise it is code and
  // stays in the prose. Code fences are skipped whole so that ::: inside them is literal.
  void take_fence(const Fence& fence, std::vector<RawBlock>& into) {
    std::string word = fence.word();
    const bool data = contains(vocabulary_.data_blocks, word);
    if (!data && !word.empty()) {
      std::string near = closest_match(word, vocabulary_.data_blocks);
      if (!near.empty())
        diagnostics_.error(pos(static_cast<int>(fence.indent + fence.length) + 1), diagnostics_.t(Msg::kDataBlockUnknown, {word}),
                      diagnostics_.t(Msg::kDidYouMean, {near}));
    }
    const size_t open = i_;
    RawBlock block;
    block.kind = RawBlock::Kind::kData;
    block.name = word;
    block.line = file_line();
    block.col = static_cast<int>(fence.indent + fence.length) + 1;
    block.text_line_offset = block.line;
    bool closed = false;
    std::string body;
    for (++i_; i_ < lines_.size(); ++i_) {
      if (closes_fence(fence, lines_[i_])) {
        closed = true;
        break;
      }
      std::string_view l = lines_[i_];
      for (size_t k = 0; k < fence.indent && !l.empty() && l.front() == ' '; ++k) l.remove_prefix(1);
      body.append(l).push_back('\n');
    }
    if (!data) {
      for (size_t k = open; k < i_ && k < lines_.size(); ++k) prose_append(lines_[k], k);
      if (closed) prose_append(lines_[i_], i_);
      return;
    }
    flush(into);
    if (!closed) {
      diagnostics_.error({file_.path, block.line, block.col}, diagnostics_.t(Msg::kDataBlockUnclosed, {word}),
                    diagnostics_.t(Msg::kDataBlockUnclosedHint));
      return;
    }
    block.text = std::move(body);
    into.push_back(std::move(block));
  }

  void prose_append(std::string_view line) { prose_append(line, i_); }
  void prose_append(std::string_view line, size_t index) {
    if (prose_.empty() && trim(line).empty()) return;  // a run starts at its first text line
    if (prose_.empty()) prose_line_ = file_.body_line_offset + static_cast<int>(index) + 1;
    prose_.append(line).push_back('\n');
  }

  // Ends the current prose run; runs of only blank lines are dropped.
  void flush(std::vector<RawBlock>& into) {
    if (!trim(prose_).empty()) {
      RawBlock block;
      block.kind = RawBlock::Kind::kProse;
      block.text = std::move(prose_);
      block.line = prose_line_;
      block.text_line_offset = prose_line_ - 1;
      into.push_back(std::move(block));
    }
    prose_.clear();
  }

  const MarkdownFile& file_;
  const BlockVocabulary& vocabulary_;
  Diagnostics& diagnostics_;
  std::vector<std::string_view> lines_;
  size_t i_ = 0;
  std::string prose_;
  int prose_line_ = 0;
};

}  // namespace

std::vector<RawBlock> split_blocks(const MarkdownFile& file, const BlockVocabulary& vocabulary, Diagnostics& diagnostics) {
  return Splitter(file, vocabulary, diagnostics).run();
}

}  // namespace kv
