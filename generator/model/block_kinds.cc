#include "model/block_kinds.h"

#include "model/vocabulary.h"

namespace kv::model {

const BlockKind* find_block_kind(std::string_view name) {
  for (const auto& kind : kBlockKinds)
    if (name == kind.name) return &kind;
  return nullptr;
}

const char* block_name(const Block& block) {
  if (std::holds_alternative<Prose>(block.value)) return nullptr;
  if (const auto* c = std::get_if<Container>(&block.value)) return c->kind.c_str();
  return kBlockKinds[block.value.index() - 2].name;
}

std::map<std::string, int> count_parts(const std::vector<Block>& blocks) {
  std::map<std::string, int> counts;
  for_each_block(blocks, [&](const Block& block) {
    if (const char* name = block_name(block)) ++counts[name];
    // The prose was rendered by cmark-gfm, which escapes an author's own HTML: every "<table"
    // in it is a Markdown table.
    if (const auto* p = std::get_if<Prose>(&block.value))
      for (size_t at = p->html.find("<table"); at != std::string::npos; at = p->html.find("<table", at + 1)) ++counts[kTablePart];
  });
  return counts;
}

}  // namespace kv::model
