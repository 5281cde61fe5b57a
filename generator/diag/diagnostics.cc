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

std::string Diagnostics::suggest_file(const std::string& near, const std::string& written, std::string otherwise) const {
  if (near.empty()) return otherwise;
  return t(fold_case(near) == fold_case(written) ? Msg::kCaseDiffersHint : Msg::kDidYouMean, {near});
}

}  // namespace kv
