// Where a path under content/ lies in its layout (docs/content-model.md): in a unit's folder
// (content/<enhet>/…) and, deeper, in a document's (content/<enhet>/<år>/<slag>/…). serve
// places its errors by it (pipeline/preview_build.h), and the input stamp groups its hashes
// by it (pipeline/input_stamp.h); validation's walk checks the same layout with messages.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace kv {

struct ContentPlace {
  std::string unit;  // the unit folder's name
  int year = 0;      // 0: not inside a document folder
  std::string kind;  // the document's kind folder; "" with year 0
  std::string document;  // "<enhet>/<år>/<slag>" as the folders are named; "" with year 0
};

// relative: a path relative to content/. nullopt outside every unit folder: empty, hidden
// or kvalitet's own (_beslut, _arkiv, …) first part. A file directly in content/ comes back
// as a "unit" of its name: callers that know it is a file decide.
std::optional<ContentPlace> content_place(const std::filesystem::path& relative);

}  // namespace kv
