#include "i18n/lang.h"

#include "util/text.h"

namespace kv {

namespace {

struct LangWord {
  const char* word;
  Lang lang;
};

constexpr LangWord kLangWords[] = {{"sv", Lang::kSv},      {"en", Lang::kEn},       {"svenska", Lang::kSv},
                                   {"sv-se", Lang::kSv},   {"english", Lang::kEn},  {"engelska", Lang::kEn},
                                   {"en-gb", Lang::kEn},   {"en-us", Lang::kEn}};

}  // namespace

std::optional<Lang> parse_lang(std::string_view s) {
  const std::string v = fold_case(trim(s));
  for (const auto& w : kLangWords)
    if (v == w.word) return w.lang;
  return std::nullopt;
}

const std::vector<std::string>& lang_words() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> out;
    for (const auto& w : kLangWords) out.push_back(w.word);
    return out;
  }();
  return words;
}

const char* lang_code(Lang lang) { return lang == Lang::kSv ? "sv" : "en"; }

}  // namespace kv
