// A theme as validation found it (validate/theme_file.h): the folders the renderer takes
// layouts and assets from (render/theme.h). Nothing is read from them after validation but
// the files they hold.
#pragma once
#include <filesystem>
#include <vector>

namespace kv::model {

struct Theme {
  std::vector<std::filesystem::path> chain;  // the chosen theme's folder first, then its parents'
};

}  // namespace kv::model
