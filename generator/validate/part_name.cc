#include "validate/part_name.h"

#include "i18n/messages.h"

namespace kv {

std::string part_name(const model::Structure& structure, int number, Lang lang) {
  const model::QuestionSpec* spec = structure.find_question(number);
  return text(lang, Msg::kQuestionContext, {structure.part_word(lang), structure.label(number), spec ? spec->title : ""});
}

}  // namespace kv
