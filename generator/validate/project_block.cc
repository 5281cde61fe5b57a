#include "validate/project_block.h"

#include "model/fields.h"
#include "util/text.h"

namespace kv {

using Need = MapReader::Need;

std::optional<model::Project> read_project(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics) {
  MapReader map(node, origin, diagnostics, model::block_keys("projekt"));
  auto name = map.text("namn", Need::kRequired);
  // Amounts are written as people write them: "3 200 000" as well as 3200000.
  auto amount = map.number("finansiering", Need::kOptional);
  if (!name || (map.has("finansiering") && !amount)) return std::nullopt;
  std::optional<long long> funding;
  if (amount) {
    if (*amount < 0 || *amount != static_cast<double>(static_cast<long long>(*amount)) || *amount > 1e15) {
      diagnostics.error(map.pos("finansiering"), diagnostics.t(Msg::kProjectFunding, {map.text("finansiering", Need::kOptional).value_or("")}),
                   diagnostics.t(Msg::kProjectFundingHint));
      return std::nullopt;
    }
    funding = static_cast<long long>(*amount);
  }
  model::Project p;
  p.name = *name;
  p.period = map.text("period", Need::kOptional).value_or("");
  p.funding = funding;
  p.goal = map.text("mål", Need::kOptional).value_or("");
  p.result = map.text("resultat", Need::kOptional).value_or("");
  return p;
}

void check_project_totals(const std::vector<const model::Project*>& projects, const std::optional<StatedTotal>& count,
                          const std::optional<StatedTotal>& funding, Diagnostics& diagnostics) {
  if (count && count->value != static_cast<long long>(projects.size()))
    diagnostics.warning(count->at, diagnostics.t(Msg::kProjectCount, {std::to_string(count->value), std::to_string(projects.size())}),
                   diagnostics.t(Msg::kProjectCountHint));
  if (!funding) return;
  long long sum = 0;
  int given = 0;
  for (const auto* p : projects)
    if (p->funding) sum += *p->funding, ++given;
  if (given == 0) return;  // the document gives only the total: nothing to add up
  if (given < static_cast<int>(projects.size())) {
    diagnostics.warning(funding->at, diagnostics.t(Msg::kProjectFundingMissing, {std::to_string(projects.size() - given), std::to_string(projects.size())}),
                   diagnostics.t(Msg::kProjectFundingMissingHint));
    return;
  }
  if (sum != funding->value)
    diagnostics.warning(funding->at, diagnostics.t(Msg::kProjectSum, {group_digits(static_cast<std::uintmax_t>(sum)), group_digits(static_cast<std::uintmax_t>(funding->value))}),
                   diagnostics.t(Msg::kProjectSumHint));
}

}  // namespace kv
