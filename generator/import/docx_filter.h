// The pandoc Lua filter kvalitet importera runs on a Word file: what only the document's
// styles and layout say, written as Markdown the importer's recognisers read —
//   paragraphs in a style whose name starts "Exempel", or a one-cell table whose text starts
//   "Exempel", between "::: exempel" and ":::" (a new "Exempel" lead starts the next one);
//   an image alone in its paragraph as a figure, captioned by a caption-styled paragraph
//   after it, else by its alt text: marked as a code block of class kvalitet-bild (its path,
//   then its caption), which write_figures turns into the ```bild block — the block's text is
//   written by kvalitet's block writer, not by the filter;
//   a table's caption as the paragraph before it (where survey questions and index names are
//   looked for); a table Markdown cannot hold as it is (merged cells, lists or paragraphs in
//   a cell) with its cells unmerged and each cell's text on one line, never "[TABLE]"; a
//   one-cell box that is no example as its text.
// Word's table of contents (paragraphs in the styles "toc N", "TOC Heading") is left out: the
// site makes its own. Other styles are dropped and their text kept.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/blocks.h"

namespace kv::import {

std::string_view docx_lua_filter();

// The figures the filter marked in pandoc's Markdown, in order (file: the path in the .docx).
std::vector<model::Figure> marked_figures(std::string_view markdown);
// The Markdown with each marked figure written as its ```bild block, its file: file(figure).
std::string write_figures(std::string_view markdown, const std::function<std::string(const model::Figure&)>& file);

}  // namespace kv::import
