#include "model/structure.h"

namespace kv::model {

const QuestionSpec* Structure::find_question(int number) const {
  for (const auto& area : areas)
    for (const auto& q : area.questions)
      if (q.number == number) return &q;
  return nullptr;
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

}  // namespace kv::model
