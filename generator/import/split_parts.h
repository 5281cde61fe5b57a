// A converted Word document (Markdown from pandoc) split at the structure's part headings:
// a heading names a part by its label ("Fråga 7", "7.", "1.1 Våra mål") or, without one, by a
// title close to the part's. Text before the first part is the introduction; whatever cannot
// be placed is kept, never dropped. A heading naming one of the structure's areas between parts
// is left out (the site prints it). Paragraphs led by "Exempel" become ::: exempel containers.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/structure.h"

namespace kv::import {

struct SplitDocument {
  std::string intro;                 // before the first part
  std::map<int, std::string> parts;  // by part number, without the part's own heading
  std::string unplaced;              // a part heading met twice, with its text
  std::vector<int> reordered;        // parts whose heading came after a later part's
};

// The part a heading's text names, or 0.
int part_of_heading(std::string_view heading, const model::Structure& structure);

SplitDocument split_parts(std::string_view markdown, const model::Structure& structure);

// Examples set apart as Word documents do, wrapped in ::: exempel … ::: (the word itself left
// out): a heading "Exempel" (up to the next heading), a line "**Exempel**" (the paragraph
// after it), a paragraph starting "Exempel:" (that paragraph).
std::string mark_examples(std::string_view text);

}  // namespace kv::import
