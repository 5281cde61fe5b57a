#include "validate/data_blocks.h"

#include <cmath>
#include <set>

#include "i18n/numbers.h"
#include "model/fields.h"
#include "util/text.h"
#include "validate/written_numbers.h"

namespace kv {
namespace {

using Need = MapReader::Need;

// All values read; nullopt if any required one failed (its problem is already reported).
template <typename T>
bool all(std::initializer_list<const std::optional<T>*> values) {
  for (auto* v : values)
    if (!v->has_value()) return false;
  return true;
}

std::optional<int> read_year(MapReader& map) {
  auto year = map.integer("år", Need::kRequired);
  if (year && (*year < 1900 || *year > 2200)) {
    map.diagnostics().error(map.pos("år"), map.diagnostics().t(Msg::kBadYear, {std::to_string(*year)}),
                       map.diagnostics().t(Msg::kBadYearHint));
    return std::nullopt;
  }
  if (!year) return std::nullopt;
  return static_cast<int>(*year);
}

void check_unique_year(int year, std::set<int>& seen, const SourcePos& pos, Diagnostics& diagnostics) {
  if (!seen.insert(year).second) diagnostics.error(pos, diagnostics.t(Msg::kDuplicateYear, {std::to_string(year)}));
}

}  // namespace

const std::vector<std::string>& month_names() {
  static const std::vector<std::string> names = {"januari", "februari", "mars",      "april",   "maj",      "juni",
                                                 "juli",    "augusti",  "september", "oktober", "november", "december"};
  return names;
}

std::optional<model::Goal> read_goal(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics) {
  MapReader map(node, origin, diagnostics, model::block_keys("mål"));
  auto goal = map.text("mål", Need::kRequired);
  auto expected = map.text("förväntat_resultat", Need::kRequired);
  auto method = map.text("arbetssätt", Need::kRequired);
  auto follow_up = map.text("uppföljning", Need::kRequired);
  if (!all({&goal, &expected, &method, &follow_up})) return std::nullopt;
  return model::Goal{*goal, *expected, *method, *follow_up};
}

std::optional<model::GoalFollowUp> read_follow_up(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics) {
  MapReader map(node, origin, diagnostics, model::block_keys("uppföljning"));
  auto goal = map.text("mål", Need::kRequired);
  auto result = map.text("resultat", Need::kRequired);
  auto analysis = map.text("analys", Need::kRequired);
  auto take = map.text("ta_tillvara", Need::kRequired);
  if (!all({&goal, &result, &analysis, &take})) return std::nullopt;
  return model::GoalFollowUp{*goal, *result, *analysis, *take};
}

std::optional<model::SurveyTable> read_survey(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics) {
  MapReader map(node, origin, diagnostics, model::block_keys("enkät"));
  model::SurveyTable table;
  auto question = map.text("fråga", Need::kRequired);
  bool ok = question.has_value();
  for (const auto& item : map.list("rader", Need::kRequired)) {
    MapReader row(item, origin, diagnostics, model::block_keys("enkät", {"rader"}));
    auto answer = row.text("svar", Need::kRequired);
    auto total = written_percent(row, "totalt", Need::kRequired);
    auto women = written_percent(row, "kvinna", Need::kOptional);
    auto men = written_percent(row, "man", Need::kOptional);
    auto other = written_percent(row, "annan", Need::kOptional);
    if (!answer || !total) {
      ok = false;
      continue;
    }
    table.rows.push_back({*answer, *total, women, men, other});
  }
  if (!ok || table.rows.empty()) return std::nullopt;
  table.question = *question;
  return table;
}

std::optional<model::EconomyTable> read_economy(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics) {
  MapReader map(node, origin, diagnostics, model::block_keys("ekonomi"));
  model::EconomyTable table;
  auto unit = map.text("enhet", Need::kRequired);
  auto footnote = map.text("fotnot", Need::kOptional);
  bool ok = unit.has_value();
  std::set<int> years;
  for (const auto& item : map.list("värden", Need::kRequired)) {
    MapReader row(item, origin, diagnostics, model::block_keys("ekonomi", {"värden"}));
    auto year = read_year(row);
    auto budget = written_number(row, "budget", Need::kRequired);
    auto outcome = written_number(row, "utfall", Need::kRequired);
    auto result = written_number(row, "resultat", Need::kRequired);
    auto forecast = row.boolean("prognos");
    if (!year || !budget || !outcome || !result) {
      ok = false;
      continue;
    }
    check_unique_year(*year, years, row.pos("år"), diagnostics);
    // The printed tables round to one decimal; a larger gap is a typing error.
    if (std::fabs(budget->value - outcome->value - result->value) > 0.15)
      diagnostics.warning(row.pos("resultat"), diagnostics.t(Msg::kEconomyMismatch, {row.get("resultat").Scalar(),
                                                                            format_number(Number{budget->value - outcome->value,
                                                                                          max_decimals({*budget, *outcome})},
                                                                                   diagnostics.lang)}),
                     diagnostics.t(Msg::kEconomyMismatchHint));
    table.years.push_back({*year, *budget, *outcome, *result, forecast.value_or(false)});
  }
  if (!ok || table.years.empty()) return std::nullopt;
  table.unit = *unit;
  table.footnote = footnote.value_or("");
  return table;
}

std::optional<model::IndexSeries> read_index(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics) {
  MapReader map(node, origin, diagnostics, model::block_keys("index"));
  model::IndexSeries series;
  auto name = map.text("namn", Need::kRequired);
  auto description = map.text("beskrivning", Need::kOptional);
  bool ok = name.has_value();
  std::set<int> years;
  for (const auto& item : map.list("värden", Need::kRequired)) {
    MapReader row(item, origin, diagnostics, model::block_keys("index", {"värden"}));
    auto year = read_year(row);
    auto value = written_number(row, "värde", Need::kRequired);
    model::IndexValue entry;
    if (row.has("delindex")) {
      YAML::Node subs = row.get("delindex");
      if (!subs.IsMap()) {
        diagnostics.error(row.pos("delindex"), diagnostics.t(Msg::kExpectedMapping), diagnostics.t(Msg::kExpectedMappingHint));
        ok = false;
      } else {
        for (const auto& sub : subs) {
          auto number = read_written_number(sub.second, sub.first.Scalar(), origin, diagnostics);
          if (number) entry.sub_indices.emplace_back(sub.first.Scalar(), *number);
          else ok = false;
        }
      }
    }
    if (!year || !value) {
      ok = false;
      continue;
    }
    check_unique_year(*year, years, row.pos("år"), diagnostics);
    entry.year = *year;
    entry.value = *value;
    series.values.push_back(std::move(entry));
  }
  if (!ok || series.values.empty()) return std::nullopt;
  series.name = *name;
  series.description = description.value_or("");
  return series;
}

std::optional<model::AnnualCycle> read_annual_cycle(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics) {
  const auto& months = month_names();
  MapReader map(node, origin, diagnostics, months);
  if (!map.is_map()) return std::nullopt;
  model::AnnualCycle cycle;
  bool ok = true;
  int last = 0;
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    auto it = std::find(months.begin(), months.end(), fold_case(key));
    if (it == months.end()) {
      ok = false;  // reported by MapReader as an unknown key
      continue;
    }
    int month = static_cast<int>(it - months.begin()) + 1;
    if (month < last)
      diagnostics.error(position(entry.first, origin), diagnostics.t(Msg::kMonthOrder, {key}), diagnostics.t(Msg::kMonthOrderHint));
    last = std::max(last, month);
    std::vector<std::string> activities;
    if (entry.second.IsSequence()) {
      for (const auto& item : entry.second)
        if (auto t = read_text(item, key, origin, diagnostics)) activities.push_back(std::string(trim(*t)));
    } else if (auto t = read_text(entry.second, key, origin, diagnostics)) {
      activities.push_back(std::string(trim(*t)));
    }
    if (activities.empty() || trim(activities.front()).empty()) {
      diagnostics.error(position(entry.second, origin), diagnostics.t(Msg::kEmptyValue, {key}), diagnostics.t(Msg::kEmptyValueHint));
      ok = false;
      continue;
    }
    cycle.months.emplace_back(month, std::move(activities));
  }
  if (!ok || cycle.months.empty()) return std::nullopt;
  return cycle;
}

std::optional<model::Figure> read_figure(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics) {
  MapReader map(node, origin, diagnostics, model::block_keys("bild"));
  if (map.has("bildtext") && map.get("bildtext").IsScalar() && trim(map.get("bildtext").Scalar()).empty()) {
    // An image without words for those who cannot see it (kvalitet importera writes one so).
    diagnostics.error(map.pos("bildtext"), diagnostics.t(Msg::kFigureNoAltText), diagnostics.t(Msg::kFigureNoAltTextHint));
    return std::nullopt;
  }
  auto caption = map.text("bildtext", Need::kRequired);
  auto file = map.text("fil", Need::kOptional);
  if (!caption) return std::nullopt;
  return model::Figure{*caption, file.value_or("")};
}

}  // namespace kv
