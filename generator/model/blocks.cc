#include "model/blocks.h"

#include <algorithm>

namespace kv::model {

std::optional<Number> IndexValue::sub_index(const std::string& name) const {
  for (const auto& [key, value] : sub_indices)
    if (key == name) return value;
  return std::nullopt;
}

std::vector<std::string> sub_index_names(const std::vector<const IndexSeries*>& series) {
  std::vector<std::string> names;
  for (const auto* s : series)
    for (const auto& v : s->values)
      for (const auto& [name, _] : v.sub_indices)
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  return names;
}

}  // namespace kv::model
