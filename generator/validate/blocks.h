// Turns the raw blocks of a Markdown file into typed model blocks, checking each data
// block against its schema and each prose run for raw HTML.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "load/content_path.h"
#include "load/markdown_file.h"
#include "model/blocks.h"
#include "model/structure.h"

namespace kv {

struct BlockContext {
  std::string path;                 // display path of the Markdown file
  std::filesystem::path directory;  // folder of the file, for image paths
  const ContentRoot* content = nullptr;  // the boundary every referenced file must stay in
  // For the blocks that refer to city data (KF goals, principles, Agenda 2030) and the year.
  const model::Structure* structure = nullptr;
  const model::QuestionSpec* section = nullptr;  // nullptr in the introduction
  int year = 0;
  std::optional<model::PlanDate> follow_up;  // an action plan's follow-up date, when given
};

std::vector<model::Block> to_model_blocks(const std::vector<RawBlock>& raw, const BlockContext& context,
                                          Diagnostics& diagnostics);


// True when the blocks hold any text or data at all.
bool has_content(const std::vector<model::Block>& blocks);

}  // namespace kv
