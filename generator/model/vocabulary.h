// The content model's vocabulary: the container and data-block names authors may use.
// Structures refer to these names in kräver:/rekommenderar:.
#pragma once
#include <string>
#include <vector>

namespace kv::model {

inline const std::vector<std::string>& container_names() {
  static const std::vector<std::string> names = {"exempel", "styrkor", "svagheter", "möjligheter", "hot"};
  return names;
}

inline const std::vector<std::string>& data_block_names() {
  static const std::vector<std::string> names = {"mål",       "uppföljning", "enkät",      "ekonomi",   "index",
                                                 "årshjul",   "bild",        "kf-mål",     "indikator", "nämndmål",
                                                 "aktivitet", "enhetsmål",   "principer",  "agenda2030", "synpunkter", "åtgärd",
                                                 "projekt"};
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
