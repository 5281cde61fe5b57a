// Converted Markdown as a list of chunks separated by blank lines, with fenced blocks
// (```…```) kept whole: the unit the importer's recognisers look at and rewrite.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kv::import {

struct Chunk {
  std::string text;  // without its trailing blank lines
  bool fenced = false;
};

std::vector<Chunk> split_chunks(std::string_view markdown);
// The chunks again, one blank line between them.
std::string join_chunks(const std::vector<Chunk>& chunks);

// "**Förväntat resultat:** 90 %" → {"Förväntat resultat", "90 %"}; a paragraph with no
// label of up to five words before a colon gives an empty label.
struct RunIn {
  std::string label;
  std::string rest;
};
RunIn run_in_label(std::string_view paragraph);

}  // namespace kv::import
