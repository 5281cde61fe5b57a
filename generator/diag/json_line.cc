#include "diag/json_line.h"

#include <nlohmann/json.hpp>

namespace kv {

std::string diagnostic_json(const Diagnostic& d) {
  nlohmann::ordered_json j = {{"file", d.pos.path},
                              {"line", d.pos.line},
                              {"column", d.pos.col},
                              {"severity", d.severity == Severity::kError ? "error" : "warning"},
                              {"message", d.message},
                              {"hint", d.hint}};
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace kv
