// Page layouts: mustache files in templates/layouts/ (or a theme's layouts/, which override
// them), loaded once and checked for syntax.
#pragma once
#include <kainjow/mustache.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "diag/report.h"

namespace kv {

class Layouts {
 public:
  // Loads the named layouts, each from the first of dirs that has it; reports missing or
  // invalid ones and returns nullopt then.
  static std::optional<Layouts> load(const std::vector<std::filesystem::path>& dirs,
                                     const std::vector<std::string>& names, Report& report);

  // Renders a layout. Each call compiles its own template, so calls may run in parallel.
  std::string render(const std::string& name, const kainjow::mustache::data& data) const;

 private:
  std::map<std::string, std::string> sources_;
};

}  // namespace kv
