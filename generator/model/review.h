// What reviewers (bedömare) wrote in the filled review forms of one edition, read back by
// `kvalitet bedomning` (validate/review_forms.h). Only well-formed entries get here: every
// score is on the structure's scale, every unit and question exists.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kv::model {

// One reviewer's judgement of one answer.
struct ReviewEntry {
  std::string reviewer;
  double score = 0;
  std::string strengths, improvements;  // styrkor, förbättringsområden; may be empty
};

struct ReviewedEdition {
  std::string kind_slug;
  int year = 0;
  std::vector<std::string> reviewers;  // in the order their forms were read (file, then sheet)
  // unit slug → question number → one entry per reviewer who scored it, in reviewers' order.
  std::map<std::string, std::map<int, std::vector<ReviewEntry>>> entries;
};

}  // namespace kv::model
