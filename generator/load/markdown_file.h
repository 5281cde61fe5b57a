// A Markdown file split into front matter (YAML) and body, and the body split into
// prose, containers (::: name … :::) and data blocks (```name … ```).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "load/source.h"

namespace kv {

struct FrontMatter {
  std::string yaml;
  int line_offset = 0;  // lines before the YAML's first line (the opening ---)
};

struct MarkdownFile {
  std::string path;
  std::optional<FrontMatter> front_matter;
  std::string body;
  int body_line_offset = 0;  // lines before the body's first line
};

// Splits off front matter when the file starts with a line "---".
// Reports an unclosed front matter (and treats the whole file as body then).
MarkdownFile split_front_matter(const SourceFile& source, Diagnostics& diagnostics);

// A code fence (CommonMark): up to three spaces, then ``` or ~~~ (three or more), then the
// info string. Everything in kvalitet that looks for fenced blocks asks these two.
struct Fence {
  char ch = 0;          // '`' or '~'
  size_t length = 0;    // how many of them
  std::string info;     // trimmed
  size_t indent = 0;    // spaces before the fence (0–3); as many are taken off the content's lines
  std::string word() const;  // the info string's first word: the block's name ("ekonomi")
};
std::optional<Fence> parse_fence(std::string_view line);
// Whether line closes the block open opened: the same character, at least as many, no info.
bool closes_fence(const Fence& open, std::string_view line);

struct RawBlock {
  enum class Kind { kProse, kContainer, kData };
  Kind kind = Kind::kProse;
  std::string name;             // container or data-block name; empty for prose
  std::string text;             // prose Markdown or data YAML
  int line = 0;                 // file line of the opening ::: or ``` (prose: its first line)
  int col = 0;                  // file column of the name
  int text_line_offset = 0;     // lines before text's first line
  std::vector<RawBlock> children;  // a container's content
};

// The words that open containers and data blocks; the splitter needs them to tell data
// blocks from ordinary code and to catch misspellings.
struct BlockVocabulary {
  std::vector<std::string> containers;
  std::vector<std::string> data_blocks;
};

// Splits a body into blocks. Every structural problem is reported; the result still holds
// everything that could be understood.
std::vector<RawBlock> split_blocks(const MarkdownFile& file, const BlockVocabulary& vocabulary, Diagnostics& diagnostics);

}  // namespace kv
