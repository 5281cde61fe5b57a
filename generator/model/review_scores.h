// The numbers of the reviewers' loop, computed from what the review forms hold
// (model/review.h) and the structure's scoring model and weights:
//   question score = the agreed score of the consensus form where there is one, else the
//                    mean of its reviewers' scores;
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
  std::optional<double> mean;   // of the reviewers' scores
  const AgreedEntry* agreed = nullptr;  // the consensus form's row, when it has one
  std::optional<double> score;  // what counts: the agreed score, else the mean
  double spread = 0;          // highest minus lowest score
  bool disagreement = false;  // spread above the structure's oenighet: (when it has one)
  bool agreed_score() const { return agreed && agreed->score; }
};

struct AreaResult {
  const AreaSpec* spec = nullptr;
  std::vector<QuestionResult> questions;
  std::optional<double> score;
  std::optional<double> mean_score;  // the same from the reviewers' means alone
  int scored = 0;  // questions with a score (a reviewer's or an agreed one)
};

struct UnitResult {
  std::string unit_slug;
  std::vector<AreaResult> areas;
  std::optional<double> total;
  std::optional<double> mean_total;  // the total from the reviewers' means, as if nothing were agreed
  int scored = 0, questions = 0;
  int agreed = 0;  // scored questions with an agreed score
  bool complete() const { return scored == questions; }
  bool preliminary() const { return agreed < scored; }  // some score is not agreed yet
};

// unit's result; entries_of_unit and agreed_of_unit may be null (nobody reviewed the unit,
// nothing agreed).
UnitResult unit_result(const Structure& structure, const std::string& unit_slug,
                       const std::map<int, std::vector<ReviewEntry>>* entries_of_unit,
                       const std::map<int, AgreedEntry>* agreed_of_unit = nullptr);
// The same from an edition's forms.
UnitResult unit_result(const Structure& structure, const ReviewedEdition& review, const std::string& unit_slug);

// Places in a result list: 1 for the highest total; equal totals share a place and the next
// place skips ("1, 2, 2, 4"); units without a total get 0. results must be sorted by
// sort_by_total first.
std::vector<int> result_places(const std::vector<UnitResult>& results);
// Highest total first; units without a total last; ties keep their given order.
void sort_by_total(std::vector<UnitResult>& results);

}  // namespace kv::model
