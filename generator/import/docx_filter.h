// The pandoc Lua filter kvalitet importera runs on a Word file: what only the document's
// styles and layout say, written as Markdown the importer's recognisers read —
//   paragraphs in a style whose name starts "Exempel", or a one-cell table whose text starts
//   "Exempel", between "::: exempel" and ":::" (a new "Exempel" lead starts the next one);
//   an image alone in its paragraph as a ```bild block, captioned by a caption-styled
//   paragraph after it, else by its alt text;
//   a table's caption as the paragraph before it (where survey questions and index names are
//   looked for); a table Markdown cannot hold as it is (merged cells, lists or paragraphs in
//   a cell) with its cells unmerged and each cell's text on one line, never "[TABLE]"; a
//   one-cell box that is no example as its text.
// Word's table of contents (paragraphs in the styles "toc N", "TOC Heading") is left out: the
// site makes its own. Other styles are dropped and their text kept.
#pragma once
#include <string_view>

namespace kv::import {

std::string_view docx_lua_filter();

}  // namespace kv::import
