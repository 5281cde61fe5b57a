#include "i18n/lang.h"

#include "util/text.h"

namespace kv {

std::optional<Lang> parse_lang(std::string_view s) {
  std::string v = fold_case(trim(s));
  if (v == "sv" || v == "svenska" || v == "sv-se") return Lang::kSv;
  if (v == "en" || v == "english" || v == "engelska" || v == "en-gb" || v == "en-us") return Lang::kEn;
  return std::nullopt;
}

const char* lang_code(Lang lang) { return lang == Lang::kSv ? "sv" : "en"; }

}  // namespace kv
