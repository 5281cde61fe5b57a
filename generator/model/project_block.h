// The data block of a development narrative (utvecklingsberättelse): one projekt financed
// with stimulus money — its name, period, funding, goal and result.
#pragma once
#include <optional>
#include <string>

namespace kv::model {

struct Project {  // "projekt"
  std::string name;
  std::string period;               // as written: "2007–2012"
  std::optional<long long> funding;  // kronor
  std::string goal, result;          // Markdown
};

}  // namespace kv::model
