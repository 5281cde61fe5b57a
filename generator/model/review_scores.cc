#include "model/review_scores.h"

#include <algorithm>

namespace kv::model {
namespace {

// The weighted mean of the values that exist; nullopt when none does or their weights sum to 0.
std::optional<double> weighted_mean(const std::vector<std::pair<std::optional<double>, double>>& values) {
  double sum = 0, weights = 0;
  for (const auto& [value, weight] : values)
    if (value) sum += *value * weight, weights += weight;
  if (weights <= 0) return std::nullopt;
  return sum / weights;
}

QuestionResult question_result(const QuestionSpec& q, const ScoringSpec& scoring, const std::vector<ReviewEntry>* entries) {
  QuestionResult r{&q, {}, std::nullopt, 0, false};
  if (!entries || entries->empty()) return r;
  double sum = 0, low = (*entries)[0].score, high = low;
  for (const auto& e : *entries) {
    r.entries.push_back(&e);
    sum += e.score;
    low = std::min(low, e.score);
    high = std::max(high, e.score);
  }
  r.mean = sum / static_cast<double>(entries->size());
  r.spread = high - low;
  r.disagreement = scoring.disagreement > 0 && r.spread > scoring.disagreement;
  return r;
}

}  // namespace

UnitResult unit_result(const Structure& structure, const std::string& unit_slug,
                       const std::map<int, std::vector<ReviewEntry>>* entries_of_unit) {
  UnitResult unit{unit_slug, {}, std::nullopt, 0, 0};
  std::vector<std::pair<std::optional<double>, double>> area_scores;
  for (const auto& area : structure.areas) {
    AreaResult a{&area, {}, std::nullopt, 0};
    std::vector<std::pair<std::optional<double>, double>> scores;
    for (const auto& q : area.questions) {
      const std::vector<ReviewEntry>* entries = nullptr;
      if (entries_of_unit)
        if (auto it = entries_of_unit->find(q.number); it != entries_of_unit->end()) entries = &it->second;
      a.questions.push_back(question_result(q, structure.scoring, entries));
      scores.emplace_back(a.questions.back().mean, q.weight);
      a.scored += a.questions.back().mean ? 1 : 0;
    }
    a.score = weighted_mean(scores);
    area_scores.emplace_back(a.score, area.weight);
    unit.scored += a.scored;
    unit.questions += static_cast<int>(area.questions.size());
    unit.areas.push_back(std::move(a));
  }
  unit.total = weighted_mean(area_scores);
  return unit;
}

void sort_by_total(std::vector<UnitResult>& results) {
  std::stable_sort(results.begin(), results.end(), [](const UnitResult& a, const UnitResult& b) {
    if (a.total.has_value() != b.total.has_value()) return a.total.has_value();
    return a.total && *a.total > *b.total;
  });
}

std::vector<int> result_places(const std::vector<UnitResult>& results) {
  std::vector<int> places;
  for (size_t i = 0; i < results.size(); ++i) {
    if (!results[i].total) places.push_back(0);
    else if (i > 0 && results[i - 1].total && *results[i - 1].total == *results[i].total) places.push_back(places.back());
    else places.push_back(static_cast<int>(i) + 1);
  }
  return places;
}

}  // namespace kv::model
