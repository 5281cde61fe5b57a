// Reader for the projekt block, and the check of a narrative's projects against the totals
// its inlamning.yaml states (the structure names those fields: projektantal, projektsumma).
#pragma once
#include <optional>
#include <vector>

#include "model/blocks.h"
#include "model/structure.h"
#include "validate/map_reader.h"

namespace kv {

std::optional<model::Project> read_project(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics);

// A stated total, read from inlamning.yaml, with where it was written.
struct StatedTotal {
  long long value = 0;
  SourcePos at;
};

// Warns when the projects' number or summed funding disagree with what the document states.
// The sum is checked only when some project gives its funding; all must then give it.
void check_project_totals(const std::vector<const model::Project*>& projects, const std::optional<StatedTotal>& count,
                          const std::optional<StatedTotal>& funding, Diagnostics& diagnostics);

}  // namespace kv
