// How readable an answer's running text is (util/lix.h), for `check`'s summary, the warning
// threshold in site.yaml and `serve`.
#pragma once
#include <string>
#include <vector>

#include "model/blocks.h"
#include "util/lix.h"

namespace kv::model {

struct Submission;

// The running text of the blocks: prose, also inside containers such as Exempel. Data blocks
// (goals, tables) are not running text.
Readability readability(const std::vector<Block>& blocks);

// One answered part of a document, or its introduction (number 0).
struct PartReadability {
  int number = 0;
  std::string source_path;
  Readability text;
};

// Every part with running text, the introduction first, then in part order.
std::vector<PartReadability> document_readability(const Submission& s);

}  // namespace kv::model
