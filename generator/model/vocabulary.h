// The content model's vocabulary: the container and data-block names authors may use.
// Structures refer to these names in kräver:/rekommenderar:.
#pragma once
#include <string>
#include <vector>

#include "model/block_kinds.h"

namespace kv::model {

inline const std::vector<std::string>& container_names() {
  static const std::vector<std::string> names = {"exempel", "styrkor", "svagheter", "möjligheter", "hot"};
  return names;
}

// The data-block names, from the registry (model/block_kinds.h), in its order.
inline const std::vector<std::string>& data_block_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& kind : kBlockKinds) out.push_back(kind.name);
    return out;
  }();
  return names;
}

// A Markdown table in the prose ("| … |"), counted as a part of its own.
inline constexpr const char* kTablePart = "tabell";

// Every part name a structure counts (kräver:, rekommenderar:) or an author waives
// (undantag:): the containers, the data blocks, then tables. A structure's own containers
// come on top (Structure::part_names).
inline const std::vector<std::string>& part_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out = container_names();
    out.insert(out.end(), data_block_names().begin(), data_block_names().end());
    out.push_back(kTablePart);
    return out;
  }();
  return names;
}

}  // namespace kv::model

namespace kv::model {

// The status words of goals, as authors write them (lower case).
inline const std::vector<std::string>& goal_status_names() {
  static const std::vector<std::string> names = {"uppfylls helt", "uppfylls delvis", "uppfylls inte", "inga data"};
  return names;
}

// An action's status in an action plan.
inline const std::vector<std::string>& action_status_names() {
  static const std::vector<std::string> names = {"ej påbörjad", "pågår", "klar", "försenad"};
  return names;
}

inline const std::vector<std::string>& indicator_units() {
  static const std::vector<std::string> names = {"%", "antal", "index", "personer"};
  return names;
}

}  // namespace kv::model
