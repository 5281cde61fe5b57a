// The user-facing language: Swedish by default, English on request.
#pragma once
#include <optional>
#include <string_view>

namespace kv {

enum class Lang { kSv, kEn };

// "sv" / "en" (also "svenska", "english"); nullopt for anything else.
std::optional<Lang> parse_lang(std::string_view s);
const char* lang_code(Lang lang);

}  // namespace kv
