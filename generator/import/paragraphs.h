// How the importer's recognisers read converted Markdown: as chunks separated by blank lines,
// with fenced blocks kept whole (found by the loader's fence parser, load/markdown_file.h, so
// ~~~, an indented fence and a longer closing fence are read as `check` reads them); a heading's text; a line standing alone; the :::
// containers a line opens or closes; a run-in label.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/markdown_file.h"

namespace kv::import {

// Fed a text's lines in order, says of each whether it belongs to a fenced block: its opening
// fence, its content or its closing fence. A fence left open runs to the end, as in the loader.
class FenceTracker {
 public:
  bool in_fence(std::string_view line);
  // Whether the line just given opened a block.
  bool opened() const { return opened_; }

 private:
  std::optional<Fence> open_;
  bool opened_ = false;
};

struct Chunk {
  std::string text;  // without its trailing blank lines
  bool fenced = false;
};

std::vector<Chunk> split_chunks(std::string_view markdown);
// The chunks again, one blank line between them.
std::string join_chunks(const std::vector<Chunk>& chunks);

// A paragraph of text: not a fenced block, heading, table or ::: line.
bool is_prose(const Chunk& c);

// A recogniser's find at chunks[i]: the block's text and how many chunks it replaces.
using Found = std::optional<std::pair<std::string, size_t>>;
// The markdown with each run of chunks a recogniser finds replaced by its block.
std::string replace_chunks(std::string_view markdown, const std::function<Found(const std::vector<Chunk>&, size_t)>& find);

// "## **7. Titel**" → "7. Titel": a heading's (or line's) text without #, emphasis and spaces.
std::string heading_text(std::string_view line);

// Whether lines[i] is a paragraph of one line: blank (or nothing) before and after it.
bool stands_alone(const std::vector<std::string_view>& lines, size_t i);

// How a line changes the depth of ::: containers: +1 opens one ("::: exempel"), -1 closes
// (":::"), 0 for any other line.
int container_step(std::string_view line);

// "**Förväntat resultat:** 90 %" → {"Förväntat resultat", "90 %"}; a paragraph with no
// label of up to five words before a colon gives an empty label.
struct RunIn {
  std::string label;
  std::string rest;
};
RunIn run_in_label(std::string_view paragraph);

}  // namespace kv::import
