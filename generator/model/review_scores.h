// The numbers of the reviewers' loop, computed from what the review forms hold
// (model/review.h) and the structure's scoring model and weights:
//   question score = the mean of its reviewers' scores;
//   area score     = the mean of its scored questions' scores, weighted by their vikt:;
//   total          = the mean of the scored areas' scores, weighted by their vikt:.
// Every score is on the structure's scale (från–till). Questions no reviewer scored are
// left out of the means and counted, so a page can say the result is incomplete.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/review.h"
#include "model/structure.h"

namespace kv::model {

struct QuestionResult {
  const QuestionSpec* spec = nullptr;
  std::vector<const ReviewEntry*> entries;  // in the reviewers' order
  std::optional<double> mean;
  double spread = 0;          // highest minus lowest score
  bool disagreement = false;  // spread above the structure's oenighet: (when it has one)
};

struct AreaResult {
  const AreaSpec* spec = nullptr;
  std::vector<QuestionResult> questions;
  std::optional<double> score;
  int scored = 0;  // questions with at least one score
};

struct UnitResult {
  std::string unit_slug;
  std::vector<AreaResult> areas;
  std::optional<double> total;
  int scored = 0, questions = 0;
  bool complete() const { return scored == questions; }
};

// unit's result; entries_of_unit may be null (nobody reviewed the unit).
UnitResult unit_result(const Structure& structure, const std::string& unit_slug,
                       const std::map<int, std::vector<ReviewEntry>>* entries_of_unit);

// Places in a result list: 1 for the highest total; equal totals share a place and the next
// place skips ("1, 2, 2, 4"); units without a total get 0. results must be sorted by
// sort_by_total first.
std::vector<int> result_places(const std::vector<UnitResult>& results);
// Highest total first; units without a total last; ties keep their given order.
void sort_by_total(std::vector<UnitResult>& results);

}  // namespace kv::model
