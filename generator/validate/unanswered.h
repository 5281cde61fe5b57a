// A part file that holds nothing but what `kvalitet ny` wrote has not been answered yet:
// front matter and its # comments, the part's title as a heading, empty containers and data
// blocks whose keys have no values (the skeletons). Checked before the blocks are read, so a
// fresh scaffold gives one "not answered yet" per part instead of one error per empty field.
#pragma once
#include <string>

#include "load/markdown_file.h"

namespace kv {

bool is_unanswered(const MarkdownFile& file, const BlockVocabulary& vocabulary, const std::string& title, Lang lang);

}  // namespace kv
