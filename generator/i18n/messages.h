// User-facing texts of the diagnostics and the command line, in Swedish and English.
#pragma once
#include <string>
#include <vector>

#include "i18n/lang.h"

namespace kv {

enum class Msg {
#define MSG(id, sv, en) id,
#include "i18n/messages.def"
#undef MSG
};

// The text of id in lang, with "{}" replaced by args in order.
std::string text(Lang lang, Msg id, const std::vector<std::string>& args = {});

}  // namespace kv
