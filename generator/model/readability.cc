#include "model/readability.h"

#include "model/site.h"

namespace kv::model {

Readability readability(const std::vector<Block>& blocks) {
  Readability total;
  for_each_block(blocks, [&](const Block& b) {
    if (const auto* prose = std::get_if<Prose>(&b.value)) total += measure_html(prose->html);
  });
  return total;
}

std::vector<PartReadability> document_readability(const Submission& s) {
  std::vector<PartReadability> parts;
  if (auto intro = readability(s.intro); !intro.empty()) parts.push_back({0, s.intro_path, intro});
  for (const auto& [number, answer] : s.answers)
    if (auto text = readability(answer.blocks); !text.empty()) parts.push_back({number, answer.source_path, text});
  return parts;
}

}  // namespace kv::model
