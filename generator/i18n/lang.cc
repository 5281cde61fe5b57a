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

std::string month_name(int month, Lang lang) {
  static const char* const kSv[] = {"Januari", "Februari", "Mars",      "April",   "Maj",      "Juni",
                                    "Juli",    "Augusti",  "September", "Oktober", "November", "December"};
  static const char* const kEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                    "July",    "August",   "September", "October", "November", "December"};
  if (month < 1 || month > 12) return std::to_string(month);
  return (lang == Lang::kSv ? kSv : kEn)[month - 1];
}

}  // namespace kv
