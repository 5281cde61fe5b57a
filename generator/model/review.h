// What reviewers (bedömare) wrote in the filled review forms of one edition, read back by
// `kvalitet bedomning` (validate/review_forms.h), and what they agreed in the consensus form.
// Only well-formed entries get here: every score is on the structure's scale, every unit and
// question exists.
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

// What the reviewers agreed on for one answer in the consensus form (konsensus.xlsx): the
// score and the texts that replace their individual ones; each may be left out.
struct AgreedEntry {
  std::optional<double> score;
  std::string strengths, improvements;  // "" where the panel kept the individual texts
};

struct ReviewedEdition {
  std::string kind_slug;
  int year = 0;
  std::vector<std::string> reviewers;  // in the order their forms were read (file, then sheet)
  // unit slug → question number → one entry per reviewer who scored it, in reviewers' order.
  std::map<std::string, std::map<int, std::vector<ReviewEntry>>> entries;
  // unit slug → question number → what the consensus form agreed (only rows with something in
  // them); empty without a konsensus.xlsx.
  std::map<std::string, std::map<int, AgreedEntry>> agreed;
};

}  // namespace kv::model
