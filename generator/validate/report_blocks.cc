#include "validate/report_blocks.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "model/fields.h"
#include "model/vocabulary.h"
#include "util/text.h"
#include "validate/written_numbers.h"

namespace kv {
namespace {

using Need = MapReader::Need;

std::string joined(const std::vector<std::string>& words) {
  std::string list;
  for (const auto& w : words) list += (list.empty() ? "" : ", ") + w;
  return list;
}


// An optional number; an empty value (`män:`) counts as absent, as in the printed tables.
std::optional<Number> optional_number(MapReader& map, const std::string& key) {
  if (map.has(key) && map.get(key).IsNull()) return std::nullopt;
  return written_number(map, key, Need::kOptional);
}

// Percentages lie in 0–100; counts and persons are never negative.
bool check_range(MapReader& map, const std::string& key, const std::optional<Number>& number, const std::string& unit) {
  if (!number) return true;
  const double value = number->value;
  Diagnostics& diagnostics = map.diagnostics();
  if (unit == "%" && (value < 0 || value > 100)) {
    diagnostics.error(map.pos(key), diagnostics.t(Msg::kPercentRange, {key, map.get(key).Scalar()}), diagnostics.t(Msg::kPercentRangeHint));
    return false;
  }
  if ((unit == "antal" || unit == "personer") && value < 0) {
    diagnostics.error(map.pos(key), diagnostics.t(Msg::kNegative, {key, map.get(key).Scalar()}), diagnostics.t(Msg::kNegativeHint));
    return false;
  }
  return true;
}

// "2024", "T1 2024", "T2 2024", "VB 2024", "Helår 2024": the year must be the report's.
bool period_matches(const std::string& period, int year) {
  std::string p = fold_case(std::string(trim(period)));
  for (const char* prefix : {"", "t1 ", "t2 ", "t3 ", "vb ", "helår "})
    if (p == prefix + std::to_string(year)) return true;
  return false;
}

void check_period(MapReader& map, const std::string& period, int year) {
  if (year == 0 || period_matches(period, year)) return;
  Diagnostics& diagnostics = map.diagnostics();
  std::string y = std::to_string(year);
  diagnostics.error(map.pos("period"), diagnostics.t(Msg::kBadPeriod, {period, y}), diagnostics.t(Msg::kBadPeriodHint, {y, y, y, y}));
}

// A total normally lies between the men's and the women's figures.
void check_gender_range(MapReader& map, const model::Indicator& ind) {
  if (!ind.men || !ind.women) return;
  double low = std::min(ind.men->value, ind.women->value), high = std::max(ind.men->value, ind.women->value);
  if (ind.outcome.value >= low - 1e-9 && ind.outcome.value <= high + 1e-9) return;
  Diagnostics& diagnostics = map.diagnostics();
  diagnostics.warning(map.pos("utfall"), diagnostics.t(Msg::kTotalOutsideRange, {map.get("utfall").Scalar(), map.get("män").Scalar(),
                                                                         map.get("kvinnor").Scalar()}),
                 diagnostics.t(Msg::kTotalOutsideRangeHint));
}

std::vector<model::SubUnitValue> read_sub_units(MapReader& map, const std::string& unit, bool& ok) {
  std::vector<model::SubUnitValue> values;
  std::set<std::string> names;
  for (const auto& item : map.list("delenheter", Need::kOptional)) {
    MapReader row(item, map.origin(), map.diagnostics(), model::block_keys("indikator", {"delenheter"}));
    auto name = row.text("namn", Need::kRequired);
    auto value = written_number(row, "utfall", Need::kRequired);
    if (!name || !value || !check_range(row, "utfall", value, unit)) {
      ok = false;
      continue;
    }
    if (!names.insert(*name).second)
      map.diagnostics().error(row.pos("namn"), map.diagnostics().t(Msg::kDuplicateKey, {*name}), map.diagnostics().t(Msg::kDuplicateKeyHint));
    values.push_back({*name, *value});
  }
  return values;
}

std::string plain(double v) {
  if (v == std::floor(v)) return std::to_string(static_cast<long long>(v));
  return std::to_string(v);
}

}  // namespace

std::vector<std::string> read_text_list(MapReader& map, const std::string& key, Need need) {
  std::vector<std::string> items;
  if (!map.has(key)) {
    if (need == Need::kRequired) map.text(key, need);  // reports the missing key
    return items;
  }
  YAML::Node node = map.get(key);
  if (!node.IsSequence()) {
    if (auto t = map.text(key, need)) items.push_back(*t);
    return items;
  }
  for (const auto& item : node)
    if (auto t = read_text(item, key, map.origin(), map.diagnostics()); t && !trim(*t).empty())
      items.push_back(std::string(trim(*t)));
  return items;
}


namespace {

// "2025-02-30" → {2025, 2, 30}: a text of the form ÅÅÅÅ-MM-DD, whether or not the day exists.
struct DateParts {
  int year = 0, month = 0, day = 0;
};
std::optional<DateParts> date_parts(const std::string& date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(date[i]))) return std::nullopt;
  return DateParts{std::stoi(date.substr(0, 4)), std::stoi(date.substr(5, 2)), std::stoi(date.substr(8, 2))};
}

int days_in_month(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

bool valid_iso_date(const std::string& date) {
  auto p = date_parts(date);
  return p && p->month >= 1 && p->month <= 12 && p->day >= 1 && p->day <= days_in_month(p->year, p->month);
}

void report_bad_date(const SourcePos& at, const std::string& date, Diagnostics& diagnostics) {
  auto p = date_parts(date);
  if (!p) {
    diagnostics.error(at, diagnostics.t(Msg::kBadDate, {date}), diagnostics.t(Msg::kBadDateHint));
  } else if (p->month < 1 || p->month > 12) {
    diagnostics.error(at, diagnostics.t(Msg::kDateNoSuchMonth, {date, date.substr(5, 2)}), diagnostics.t(Msg::kDateNoSuchHint));
  } else {
    std::string month = month_name(p->month, diagnostics.lang);
    if (diagnostics.lang == Lang::kSv) month = fold_case(month);  // Swedish months are lower case
    diagnostics.error(at, diagnostics.t(Msg::kDateNoSuchDay, {date, month, date.substr(0, 4), std::to_string(days_in_month(p->year, p->month))}),
                      diagnostics.t(Msg::kDateNoSuchHint));
  }
}

std::optional<model::GoalStatus> parse_goal_status(const std::string& word) {
  if (word.empty()) return model::GoalStatus::kNone;
  const auto& names = model::goal_status_names();
  static const model::GoalStatus kStatus[] = {model::GoalStatus::kMet, model::GoalStatus::kPartlyMet,
                                              model::GoalStatus::kNotMet, model::GoalStatus::kNoData};
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == word) return kStatus[i];
  return std::nullopt;
}

std::optional<model::KfGoal> read_kf_goal(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics,
                                          const model::Structure* structure, const model::QuestionSpec* section) {
  MapReader map(node, origin, diagnostics, model::block_keys("kf-mål"));
  auto number = map.text("nr", Need::kRequired);
  auto status = map.choice("status", model::goal_status_names(), Need::kOptional);
  if (!number || (map.has("status") && !status)) return std::nullopt;
  model::KfGoal goal{*number, "", *parse_goal_status(status.value_or(""))};
  const model::KfGoalSpec* spec = structure ? structure->report.find_kf_goal(*number) : nullptr;
  if (!spec) {
    std::string where = structure ? structure->id : "";
    auto numbers = structure ? structure->report.kf_goal_numbers() : std::vector<std::string>{};
    std::string near = closest_match(*number, numbers);
    diagnostics.error(map.pos("nr"), diagnostics.t(Msg::kKfGoalUnknown, {*number, where}),
                 near.empty() ? diagnostics.t(Msg::kKfGoalUnknownHint, {joined(numbers)}) : diagnostics.t(Msg::kDidYouMean, {near}));
    return std::nullopt;
  }
  goal.title = spec->title;
  if (!section || section->direction_goal == 0) {
    diagnostics.error(map.pos("nr"), diagnostics.t(Msg::kKfGoalNoDirection), diagnostics.t(Msg::kKfGoalNoDirectionHint));
    return std::nullopt;
  }
  std::string direction = number->substr(0, number->find('.'));
  if (direction != std::to_string(section->direction_goal)) {
    diagnostics.error(map.pos("nr"),
                 diagnostics.t(Msg::kKfGoalWrongSection, {*number, direction, std::to_string(section->direction_goal)}),
                 diagnostics.t(Msg::kKfGoalWrongSectionHint, {direction}));
    return std::nullopt;
  }
  return goal;
}

// kolada: a KPI id as Kolada writes them, a capital letter and five digits (U21468).
std::string read_kolada_kpi(MapReader& map) {
  auto kpi = map.text("kolada", Need::kOptional);
  if (!kpi) return "";
  const bool valid = kpi->size() == 6 && (*kpi)[0] >= 'A' && (*kpi)[0] <= 'Z' &&
                     std::all_of(kpi->begin() + 1, kpi->end(), [](char c) { return c >= '0' && c <= '9'; });
  if (valid) return *kpi;
  Diagnostics& diagnostics = map.diagnostics();
  diagnostics.error(map.pos("kolada"), diagnostics.t(Msg::kKoladaKpiInvalid, {*kpi}), diagnostics.t(Msg::kKoladaKpiInvalidHint));
  return "";
}

// kolada_fyllt: which of utfall, kvinnor, män came from Kolada.
std::vector<std::string> read_kolada_filled(MapReader& map) {
  std::vector<std::string> out;
  Diagnostics& diagnostics = map.diagnostics();
  for (const auto& item : map.list("kolada_fyllt", Need::kOptional)) {
    const std::string key = item.IsScalar() ? item.Scalar() : "";
    if (key == "utfall" || key == "kvinnor" || key == "män") out.push_back(key);
    else diagnostics.error(position(item, map.origin()), diagnostics.t(Msg::kUnknownKey, {key}), diagnostics.suggest(key, {"utfall", "kvinnor", "män"}));
  }
  return out;
}

std::optional<model::Indicator> read_indicator(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics,
                                               int year) {
  MapReader map(node, origin, diagnostics, model::block_keys("indikator"));
  model::Indicator ind;
  auto name = map.text("indikator", Need::kRequired);
  auto unit = map.choice("enhet", model::indicator_units(), Need::kRequired);
  auto direction = map.choice("riktning", {"högre", "lägre"}, Need::kOptional);
  const std::string kpi = read_kolada_kpi(map);
  // With a KPI, kvalitet kolada can fill in the outcome: the error says so.
  auto outcome = written_number(map, "utfall", kpi.empty() ? Need::kRequired : Need::kOptional);
  if (!kpi.empty() && !outcome && (!map.has("utfall") || map.get("utfall").IsNull()))
    diagnostics.error(map.pos("utfall"), diagnostics.t(Msg::kKoladaOutcomeMissing), diagnostics.t(Msg::kKoladaOutcomeMissingHint, {kpi}));
  auto target = written_number(map, "årsmål", Need::kRequired);
  auto period = map.text("period", Need::kRequired);
  auto analysis = map.text("analys", Need::kOptional);
  ind.men = optional_number(map, "män");
  ind.women = optional_number(map, "kvinnor");
  ind.previous = optional_number(map, "vb");
  bool ok = name && unit && outcome && target && period && (!map.has("riktning") || direction);
  if (map.has("kf_årsmål") && !map.get("kf_årsmål").IsNull()) {
    if (auto text = map.text("kf_årsmål", Need::kOptional)) {
      ind.kf_target = parse_written_number(*text);
      ind.kf_target_text = *text;
    } else {
      ok = false;
    }
  }
  const std::string u = unit.value_or("");
  for (auto [key, value] : {std::pair{"utfall", outcome}, {"män", ind.men}, {"kvinnor", ind.women}, {"vb", ind.previous},
                            {"årsmål", target}, {"kf_årsmål", ind.kf_target}})
    ok = check_range(map, key, value, u) && ok;
  ind.sub_units = read_sub_units(map, u, ok);
  ind.kolada = kpi;
  ind.from_kolada = read_kolada_filled(map);
  if (period) check_period(map, *period, year);
  if (!ok) return std::nullopt;
  ind.name = *name;
  ind.unit = u;
  ind.higher_is_better = direction.value_or("högre") == "högre";
  ind.outcome = *outcome;
  ind.target = *target;
  ind.period = *period;
  ind.analysis = analysis.value_or("");
  check_gender_range(map, ind);
  return ind;
}

std::optional<model::BoardGoal> read_board_goal(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics) {
  MapReader map(node, origin, diagnostics, model::block_keys("nämndmål"));
  auto goal = map.text("nämndmål", Need::kRequired);
  auto description = map.text("beskrivning", Need::kOptional);
  auto expected = read_text_list(map, "förväntat_resultat", Need::kOptional);
  if (!goal) return std::nullopt;
  return model::BoardGoal{*goal, description.value_or(""), std::move(expected)};
}

std::optional<model::Activity> read_activity(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics) {
  MapReader map(node, origin, diagnostics, model::block_keys("aktivitet"));
  auto activity = map.text("aktivitet", Need::kRequired);
  auto start = map.text("startdatum", Need::kRequired);
  auto end = map.text("slutdatum", Need::kRequired);
  auto deviation = map.boolean("avvikelse");
  auto analysis = map.text("analys", Need::kOptional);
  bool ok = activity && start && end && (!map.has("avvikelse") || deviation);
  for (auto [key, value] : {std::pair{"startdatum", start}, {"slutdatum", end}}) {
    if (value && !valid_iso_date(*value)) {
      report_bad_date(map.pos(key), *value, diagnostics);
      ok = false;
    }
  }
  if (ok && *end < *start) {  // ISO dates order as strings
    diagnostics.error(map.pos("slutdatum"), diagnostics.t(Msg::kDateOrder, {*end, *start}), diagnostics.t(Msg::kDateOrderHint));
    ok = false;
  }
  if (!ok) return std::nullopt;
  return model::Activity{*activity, *start, *end, deviation.value_or(false), analysis.value_or("")};
}

std::optional<model::UnitGoal> read_unit_goal(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics) {
  MapReader map(node, origin, diagnostics, model::block_keys("enhetsmål"));
  auto goal = map.text("enhetsmål", Need::kRequired);
  auto status = map.choice("status", model::goal_status_names(), Need::kRequired);
  auto expected = read_text_list(map, "förväntat_resultat", Need::kOptional);
  auto analysis = map.text("analys", Need::kOptional);
  if (!goal || !status) return std::nullopt;
  return model::UnitGoal{*goal, *parse_goal_status(*status), std::move(expected), analysis.value_or("")};
}

std::optional<model::Principles> read_principles(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics,
                                                 const model::Structure* structure) {
  std::vector<std::string> keys;
  if (structure)
    for (const auto& p : structure->report.principles) keys.push_back(p.key);
  if (keys.empty()) {
    diagnostics.error(position(node, origin), diagnostics.t(Msg::kNotInStructure, {structure ? structure->id : "", "kvalitetsprogram"}),
                 diagnostics.t(Msg::kNotInStructureHint));
    return std::nullopt;
  }
  MapReader map(node, origin, diagnostics, keys);
  model::Principles out;
  bool ok = true;
  for (const auto& p : structure->report.principles) {
    auto text = map.text(p.key, Need::kRequired);
    if (text) out.texts.emplace_back(p.name, *text);
    else ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<model::Agenda2030> read_agenda(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics,
                                             const model::Structure* structure) {
  MapReader map(node, origin, diagnostics, model::block_keys("agenda2030"));
  model::Agenda2030 out;
  bool ok = true;
  const size_t goals = structure ? structure->report.agenda_2030.size() : 0;
  for (const auto& item : map.list("mål", Need::kRequired)) {
    MapReader goal(item, origin, diagnostics, model::block_keys("agenda2030", {"mål"}));
    auto number = goal.integer("nr", Need::kRequired);
    auto text = goal.text("text", Need::kRequired);
    if (number && (*number < 1 || *number > 17 || static_cast<size_t>(*number) > goals)) {
      diagnostics.error(goal.pos("nr"), diagnostics.t(Msg::kAgendaGoal, {std::to_string(*number)}), diagnostics.t(Msg::kAgendaGoalHint));
      ok = false;
      continue;
    }
    if (!number || !text) {
      ok = false;
      continue;
    }
    out.goals.push_back({static_cast<int>(*number), structure->report.agenda_2030[*number - 1], *text});
  }
  if (!ok || out.goals.empty()) return std::nullopt;
  return out;
}

std::optional<model::Complaints> read_complaints(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics) {
  MapReader map(node, origin, diagnostics, model::block_keys("synpunkter"));
  model::Complaints out;
  bool ok = true;
  for (const auto& group_node : map.list("grupper", Need::kRequired)) {
    MapReader g(group_node, origin, diagnostics, model::block_keys("synpunkter", {"grupper"}));
    model::ComplaintGroup group;
    auto title = g.text("grupp", Need::kRequired);
    for (const auto& row_node : g.list("rader", Need::kRequired)) {
      MapReader r(row_node, origin, diagnostics, model::block_keys("synpunkter", {"grupper", "rader"}));
      model::ComplaintRow row;
      auto category = r.text("kategori", Need::kRequired);
      row.t1 = optional_number(r, "t1");
      row.t2 = optional_number(r, "t2");
      row.vb = optional_number(r, "vb");
      row.total = optional_number(r, "totalt");
      row.summary = r.text("sammanfattning", Need::kOptional).value_or("");
      bool row_ok = category.has_value();
      for (auto [key, value] : {std::pair{"t1", row.t1}, {"t2", row.t2}, {"vb", row.vb}, {"totalt", row.total}})
        row_ok = check_range(r, key, value, "antal") && row_ok;
      double sum = row.t1.value_or(Number{}).value + row.t2.value_or(Number{}).value + row.vb.value_or(Number{}).value;
      if (row_ok && row.total && std::fabs(row.total->value - sum) > 1e-9)
        diagnostics.warning(r.pos("totalt"), diagnostics.t(Msg::kComplaintSum, {r.get("totalt").Scalar(), plain(sum)}),
                       diagnostics.t(Msg::kComplaintSumHint));
      if (!row_ok) {
        ok = false;
        continue;
      }
      row.category = *category;
      group.rows.push_back(std::move(row));
    }
    if (!title) {
      ok = false;
      continue;
    }
    group.title = *title;
    out.groups.push_back(std::move(group));
  }
  if (!ok || out.groups.empty()) return std::nullopt;
  return out;
}

}  // namespace kv
