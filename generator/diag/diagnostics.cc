#include "diag/diagnostics.h"

#include "util/text.h"

namespace kv {

std::string Diagnostics::suggest(const std::string& word, const std::vector<std::string>& candidates) const {
  std::string best = closest_match(word, candidates);
  if (!best.empty()) return t(Msg::kDidYouMean, {best});
  std::string list;
  for (const auto& c : candidates) list += (list.empty() ? "" : ", ") + c;
  return t(Msg::kAllowedAre, {list});
}

}  // namespace kv
