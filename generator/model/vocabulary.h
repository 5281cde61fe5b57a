// The content model's vocabulary: the container and data-block names authors may use.
// Award structures refer to these names in kräver:/rekommenderar:.
#pragma once
#include <string>
#include <vector>

namespace kv::model {

inline const std::vector<std::string>& container_names() {
  static const std::vector<std::string> names = {"exempel", "styrkor", "svagheter", "möjligheter", "hot"};
  return names;
}

inline const std::vector<std::string>& data_block_names() {
  static const std::vector<std::string> names = {"mål", "uppföljning", "enkät", "ekonomi", "index", "årshjul", "bild"};
  return names;
}

}  // namespace kv::model
