// An award or report structure, read from templates/structures/*.yaml.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace kv::model {

struct AdminFieldSpec {
  std::string key, label;
  std::string type;  // text, telefon, e-post, heltal
  bool required = false;
};

// What an answer must (or should) contain: part name → minimum count.
using PartCounts = std::map<std::string, int>;

struct QuestionSpec {
  int number = 0;
  std::string title;
  PartCounts required;
  PartCounts recommended;
};

struct AreaSpec {
  std::string title;
  std::vector<QuestionSpec> questions;
};

struct Structure {
  std::string id;    // e.g. kvalitetsutmarkelsen-2018
  std::string kind;  // e.g. kvalitetsutmarkelsen
  std::string name;  // e.g. Kvalitetsutmärkelsen
  int year = 0;
  std::string footer;  // print footer pattern, e.g. "Sida {sida} av {sidor}"
  std::vector<AdminFieldSpec> admin_fields;
  std::string intro_title;
  bool intro_required = false;
  std::vector<AreaSpec> areas;

  const QuestionSpec* find_question(int number) const;
  std::vector<const QuestionSpec*> questions() const;  // in order
  const AreaSpec* area_of(int number) const;
};

}  // namespace kv::model
