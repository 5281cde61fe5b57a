#include "validate/waivers.h"

#include <algorithm>

#include "model/vocabulary.h"
#include "validate/blocks.h"

namespace kv {

std::vector<Waiver> read_waivers(const MapReader& front_matter, const std::vector<std::string>& names, Diagnostics& diagnostics) {
  std::vector<Waiver> out;
  if (!front_matter.has(kWaiverKey)) return out;
  MapReader map(front_matter.get(kWaiverKey), front_matter.origin(), diagnostics, names);
  if (!map.is_map()) return out;
  for (const auto& entry : front_matter.get(kWaiverKey)) {
    const std::string name = entry.first.IsScalar() ? entry.first.Scalar() : "";
    if (std::find(names.begin(), names.end(), name) == names.end()) continue;  // reported by map
    // The reason is what makes a waiver reviewable: a missing or empty one is an error.
    if (auto reason = map.text(name, MapReader::Need::kRequired)) out.push_back({name, *reason, map.pos(name)});
  }
  return out;
}

std::map<std::string, std::string> check_waivers(const std::vector<Waiver>& waivers, const model::QuestionSpec& spec,
                                                 const std::vector<model::Block>& blocks, Diagnostics& diagnostics) {
  std::map<std::string, std::string> waived;
  if (waivers.empty()) return waived;
  auto counts = model::count_parts(blocks);
  for (const auto& w : waivers) {
    auto required = spec.required.find(w.part);
    auto recommended = spec.recommended.find(w.part);
    if (required != spec.required.end()) {
      diagnostics.error(w.at, diagnostics.t(Msg::kWaiverRequired, {w.part}), diagnostics.t(Msg::kWaiverRequiredHint, {w.part}));
    } else if (recommended == spec.recommended.end()) {
      diagnostics.warning(w.at, diagnostics.t(Msg::kWaiverNotRecommended, {w.part}), diagnostics.t(Msg::kWaiverUnneededHint));
    } else if (counts[w.part] >= recommended->second) {
      diagnostics.warning(w.at, diagnostics.t(Msg::kWaiverPresent, {w.part}), diagnostics.t(Msg::kWaiverUnneededHint));
    } else {
      waived[w.part] = w.reason;
    }
  }
  return waived;
}

}  // namespace kv
