#include "i18n/messages.h"

#include "util/text.h"

namespace kv {
namespace {

struct Entry {
  const char* sv;
  const char* en;
};

constexpr Entry kEntries[] = {
#define MSG(id, sv, en) {sv, en},
#include "i18n/messages.def"
#undef MSG
};

}  // namespace

std::string text(Lang lang, Msg id, const std::vector<std::string>& args) {
  const Entry& e = kEntries[static_cast<int>(id)];
  return format(lang == Lang::kSv ? e.sv : e.en, args);
}

}  // namespace kv
