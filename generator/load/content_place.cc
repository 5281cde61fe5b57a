#include "load/content_place.h"

#include <algorithm>

namespace kv {

std::optional<ContentPlace> content_place(const std::filesystem::path& relative) {
  auto part = relative.begin();
  if (part == relative.end()) return std::nullopt;
  ContentPlace place{part->string(), 0, "", ""};
  if (place.unit.empty() || place.unit[0] == '_' || place.unit[0] == '.') return std::nullopt;  // also "." and ".."
  if (++part == relative.end()) return place;
  const std::string year = part->string();
  if (++part == relative.end()) return place;
  if (year.size() == 4 && std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    place.year = std::stoi(year);
    place.kind = part->string();
    place.document = place.unit + "/" + year + "/" + place.kind;
  }
  return place;
}

}  // namespace kv
