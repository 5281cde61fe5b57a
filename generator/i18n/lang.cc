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

std::string month_name(int month, Lang lang) {
  static const char* const kSv[] = {"Januari", "Februari", "Mars",      "April",   "Maj",      "Juni",
                                    "Juli",    "Augusti",  "September", "Oktober", "November", "December"};
  static const char* const kEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                    "July",    "August",   "September", "October", "November", "December"};
  if (month < 1 || month > 12) return std::to_string(month);
  return (lang == Lang::kSv ? kSv : kEn)[month - 1];
}

}  // namespace kv
