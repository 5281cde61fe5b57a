#include "validate/part_name.h"

#include "i18n/messages.h"
#include "util/text.h"

namespace kv {

std::string short_title(std::string_view title) {
  title = trim(title);
  if (utf8_length(title) <= kShortTitleChars) return std::string(title);
  // The last space among the first kShortTitleChars characters ends the cut, unless that
  // leaves less than half the room: then the cut falls inside the word.
  const std::string room = utf8_prefix(title, kShortTitleChars);
  const size_t space = room.rfind(' ');
  std::string cut = space != std::string::npos && utf8_length(room.substr(0, space)) >= kShortTitleChars / 2
                        ? room.substr(0, space)
                        : utf8_prefix(title, kShortTitleChars - 1);
  // Punctuation and dashes left at the cut end a word, not the title: they go (ASCII bytes
  // never occur inside a multi-byte character; the en dash is removed whole).
  for (bool more = true; more && !cut.empty();) {
    if (std::string_view(" ,.;:-").find(cut.back()) != std::string_view::npos) cut.pop_back();
    else if (cut.size() >= 3 && cut.compare(cut.size() - 3, 3, "\xE2\x80\x93") == 0) cut.resize(cut.size() - 3);
    else more = false;
  }
  return cut + "\xE2\x80\xA6";
}

std::string part_name(const model::Structure& structure, int number, Lang lang) {
  const model::QuestionSpec* spec = structure.find_question(number);
  return text(lang, Msg::kQuestionContext, {structure.part_word(lang), structure.label(number), spec ? short_title(spec->title) : ""});
}

}  // namespace kv
