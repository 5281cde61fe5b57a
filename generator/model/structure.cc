#include "model/structure.h"

#include <algorithm>
#include <cstdio>

#include "model/vocabulary.h"
#include "util/text.h"

namespace kv::model {

const QuestionSpec* Structure::find_question(int number) const {
  for (const auto& area : areas)
    for (const auto& q : area.questions)
      if (q.number == number) return &q;
  return nullptr;
}

const QuestionSpec* Structure::find_label(std::string_view label) const {
  const std::string wanted{trim(label)};
  const auto as_number = parse_integer(wanted);
  for (const auto* q : questions()) {
    if (q->label == wanted) return q;
    if (as_number && parse_integer(q->label) == as_number) return q;
  }
  return nullptr;
}

std::string Structure::label(int number) const {
  const QuestionSpec* q = find_question(number);
  return q && !q->label.empty() ? q->label : std::to_string(number);
}

bool Structure::has_text_labels() const {
  for (const auto* q : questions())
    if (!q->label.empty() && !parse_integer(q->label)) return true;
  return false;
}

const ContainerSpec* Structure::find_container(const std::string& name) const {
  for (const auto& c : containers)
    if (c.name == name) return &c;
  return nullptr;
}

std::vector<std::string> Structure::container_names() const {
  std::vector<std::string> names = model::container_names();
  for (const auto& c : containers) names.push_back(c.name);
  return names;
}

std::vector<std::string> Structure::part_names() const {
  std::vector<std::string> names = model::part_names();
  for (const auto& c : containers) names.push_back(c.name);
  return names;
}

std::vector<const QuestionSpec*> Structure::questions() const {
  std::vector<const QuestionSpec*> all;
  for (const auto& area : areas)
    for (const auto& q : area.questions) all.push_back(&q);
  return all;
}

const AreaSpec* Structure::area_of(int number) const {
  for (const auto& area : areas)
    for (const auto& q : area.questions)
      if (q.number == number) return &area;
  return nullptr;
}

const KfGoalSpec* ReportSpec::find_kf_goal(const std::string& number) const {
  for (const auto& direction : direction_goals)
    for (const auto& goal : direction.goals)
      if (goal.number == number) return &goal;
  return nullptr;
}

std::vector<std::string> ReportSpec::kf_goal_numbers() const {
  std::vector<std::string> numbers;
  for (const auto& direction : direction_goals)
    for (const auto& goal : direction.goals) numbers.push_back(goal.number);
  return numbers;
}

std::string Structure::part_slug(int number) const { return part_slug_of(label(number)); }

std::string Structure::part_slug_of(std::string_view label) const {
  if (auto n = parse_integer(label)) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "-%02lld", *n);
    return part.slug + buffer;
  }
  std::string out = part.slug + "-";
  for (char c : label) {
    const bool word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    out += word ? static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c) : '-';
  }
  return out;
}

std::string Structure::part_word(Lang lang, bool capitalised) const {
  const std::string& word = lang == Lang::kEn ? part.english : part.name;
  // The words are ASCII-initial (fråga, avsnitt, question, section).
  return capitalised ? kv::capitalised(word) : word;
}

std::string Structure::part_plural(Lang lang) const { return lang == Lang::kEn ? part.english + "s" : part.plural; }

int corresponding_part(const Structure& from, int number, const Structure& to) {
  if (from.id == to.id) return to.find_question(number) ? number : 0;
  const QuestionSpec* q = from.find_question(number);
  if (!q) return 0;
  for (const auto& ref : q->earlier)
    if (ref.structure == to.id && to.find_question(ref.number)) return ref.number;
  const PartRef self{from.id, number};
  for (const auto* other : to.questions()) {
    for (const auto& ref : other->earlier)
      if (ref == self) return other->number;
  }
  // Both go back to the same part of an earlier edition (two editions made from one).
  for (const auto* other : to.questions())
    for (const auto& mine : q->earlier)
      if (std::find(other->earlier.begin(), other->earlier.end(), mine) != other->earlier.end()) return other->number;
  return 0;
}

const std::vector<std::string>& admin_field_types() {
  static const std::vector<std::string> types = {"text", "telefon", "e-post", "heltal", "datum", "decimaltal", "url", "val"};
  return types;
}

}  // namespace kv::model
