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

QuestionResult question_result(const QuestionSpec& q, const ScoringSpec& scoring, const std::vector<ReviewEntry>* entries,
                               const AgreedEntry* agreed) {
  QuestionResult r;
  r.spec = &q;
  r.agreed = agreed;
  if (agreed) r.score = agreed->score;
  if (!entries || entries->empty()) return r;
  double sum = 0, low = (*entries)[0].score, high = low;
  for (const auto& e : *entries) {
    r.entries.push_back(&e);
    sum += e.score;
    low = std::min(low, e.score);
    high = std::max(high, e.score);
  }
  r.mean = sum / static_cast<double>(entries->size());
  if (!r.score) r.score = r.mean;
  r.spread = high - low;
  r.disagreement = scoring.disagreement > 0 && r.spread > scoring.disagreement;
  return r;
}

}  // namespace

UnitResult unit_result(const Structure& structure, const std::string& unit_slug,
                       const std::map<int, std::vector<ReviewEntry>>* entries_of_unit,
                       const std::map<int, AgreedEntry>* agreed_of_unit) {
  UnitResult unit;
  unit.unit_slug = unit_slug;
  std::vector<std::pair<std::optional<double>, double>> area_scores, area_means;
  for (const auto& area : structure.areas) {
    AreaResult a;
    a.spec = &area;
    std::vector<std::pair<std::optional<double>, double>> scores, means;
    for (const auto& q : area.questions) {
      const std::vector<ReviewEntry>* entries = nullptr;
      if (entries_of_unit)
        if (auto it = entries_of_unit->find(q.number); it != entries_of_unit->end()) entries = &it->second;
      const AgreedEntry* agreed = nullptr;
      if (agreed_of_unit)
        if (auto it = agreed_of_unit->find(q.number); it != agreed_of_unit->end()) agreed = &it->second;
      const QuestionResult& r = a.questions.emplace_back(question_result(q, structure.scoring, entries, agreed));
      scores.emplace_back(r.score, q.weight);
      means.emplace_back(r.mean, q.weight);
      a.scored += r.score ? 1 : 0;
      unit.agreed += r.agreed_score() ? 1 : 0;
    }
    a.score = weighted_mean(scores);
    a.mean_score = weighted_mean(means);
    area_scores.emplace_back(a.score, area.weight);
    area_means.emplace_back(a.mean_score, area.weight);
    unit.scored += a.scored;
    unit.questions += static_cast<int>(area.questions.size());
    unit.areas.push_back(std::move(a));
  }
  unit.total = weighted_mean(area_scores);
  unit.mean_total = weighted_mean(area_means);
  return unit;
}

UnitResult unit_result(const Structure& structure, const ReviewedEdition& review, const std::string& unit_slug) {
  auto entries = review.entries.find(unit_slug);
  auto agreed = review.agreed.find(unit_slug);
  return unit_result(structure, unit_slug, entries == review.entries.end() ? nullptr : &entries->second,
                     agreed == review.agreed.end() ? nullptr : &agreed->second);
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
