#include "validate/unanswered.h"

#include "load/yaml.h"
#include "util/text.h"

namespace kv {
namespace {

// Blank lines, and headings that only repeat the part's title.
bool blank_prose(std::string_view text, const std::string& title) {
  for (std::string_view line : split_lines(text)) {
    std::string_view t = trim(line);
    if (t.empty()) continue;
    size_t hashes = t.find_first_not_of('#');
    if (hashes > 0 && hashes != std::string_view::npos && trim(t.substr(hashes)) == title) continue;
    return false;
  }
  return true;
}

// Null, an empty text, or a mapping or list of nothing but such values: a skeleton. Deeper
// than any skeleton (or an alias that contains itself, `&a [*a]`) is not one.
bool empty_value(const YAML::Node& node, int depth = 0) {
  if (!node || node.IsNull()) return true;
  if (node.IsScalar()) return trim(node.Scalar()).empty();
  if (depth > 8) return false;
  for (const auto& entry : node)
    if (!empty_value(node.IsMap() ? entry.second : YAML::Node(entry), depth + 1)) return false;
  return true;
}

bool blank_blocks(const std::vector<RawBlock>& blocks, const std::string& path, const std::string& title, Lang lang) {
  for (const auto& block : blocks) {
    switch (block.kind) {
      case RawBlock::Kind::kProse:
        if (!blank_prose(block.text, title)) return false;
        break;
      case RawBlock::Kind::kContainer:
        if (!blank_blocks(block.children, path, title, lang)) return false;
        break;
      case RawBlock::Kind::kData: {
        Diagnostics scratch{lang, {}, {}};
        auto node = parse_yaml(YamlOrigin{path, block.text_line_offset, block.text}, scratch);
        if (!node || !empty_value(*node)) return false;
        break;
      }
    }
  }
  return true;
}

}  // namespace

bool is_unanswered(const MarkdownFile& file, const BlockVocabulary& vocabulary, const std::string& title, Lang lang) {
  // Problems in the file's structure are not the scaffold's: the normal reading reports them.
  Diagnostics scratch{lang, {}, {}};
  auto blocks = split_blocks(file, vocabulary, scratch);
  if (scratch.list.has_errors()) return false;
  return blank_blocks(blocks, file.path, title, lang);
}

}  // namespace kv
