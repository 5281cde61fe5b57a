// The user-facing language: Swedish by default, English on request.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kv {

enum class Lang { kSv, kEn };

// "sv" / "en" (also "svenska", "english", …: lang_words(), any case); nullopt for anything else.
std::optional<Lang> parse_lang(std::string_view s);
// Every word parse_lang takes (lower case): "sv" and "en" first. site.yaml's språk: choices.
const std::vector<std::string>& lang_words();
const char* lang_code(Lang lang);

// "Januari" / "January" for 1–12 (capitalised, as a table row heads with it); the number
// itself for any other month.
std::string month_name(int month, Lang lang);

}  // namespace kv
