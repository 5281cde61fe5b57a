// The reader of each data-block kind of the registry (model/block_kinds.h): from the block's
// YAML to its typed model value, reporting what is wrong.
#pragma once
#include <optional>
#include <string_view>

#include "model/blocks.h"
#include "validate/blocks.h"
#include "validate/map_reader.h"

namespace kv {

struct BlockInput {
  const YAML::Node& node;
  const YamlOrigin& origin;
  SourcePos at;  // where the block's fence opens
  const BlockContext& context;
};

using BlockReader = std::optional<model::Block> (*)(const BlockInput& in, Diagnostics& diagnostics);

// The reader of a kind, by its name; nullptr for a name the registry does not have.
BlockReader block_reader(std::string_view name);

}  // namespace kv
