// Page layouts: mustache files in templates/layouts/ (or a theme's layouts/, which override
// them), loaded once and checked for syntax.
#pragma once
#include <kainjow/mustache.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"

namespace kv {

class Layouts {
 public:
  // Loads the named layouts, each from the first of dirs that has it; reports missing or
  // invalid ones and returns nullopt then.
  static std::optional<Layouts> load(const std::vector<std::filesystem::path>& dirs,
                                     const std::vector<std::string>& names, Diagnostics& diagnostics);

  // Renders a layout; calls may run in parallel.
  std::string render(const std::string& name, const kainjow::mustache::data& data) const;

 private:
  using Compiled = kainjow::mustache::mustache;
  // kainjow's render() is not const (it keeps error state), so one compiled template cannot
  // serve two threads at once. Compiled templates are lent out from this pool and returned
  // after use: each layout is parsed once per thread that needs it, not once per page.
  struct Pool {
    std::mutex mutex;
    std::map<std::string, std::vector<std::unique_ptr<Compiled>>> idle;
  };
  std::unique_ptr<Compiled> borrow(const std::string& name) const;
  void give_back(const std::string& name, std::unique_ptr<Compiled> compiled) const;

  std::map<std::string, std::string> sources_;
  std::shared_ptr<Pool> pool_ = std::make_shared<Pool>();
};

}  // namespace kv
