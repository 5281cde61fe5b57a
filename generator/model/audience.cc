#include "model/audience.h"

namespace kv::model {

std::string_view audience_word(Audience a) {
  switch (a) {
    case Audience::kPublic: return "publik";
    case Audience::kReviewers: return "bedomare";
    case Audience::kDrafts: return "utkast";
    case Audience::kPreview: return "forhandsvisning";
    case Audience::kPartial: return "del";
  }
  return "publik";
}

std::optional<Audience> parse_audience_word(std::string_view word) {
  for (Audience a : {Audience::kPublic, Audience::kReviewers, Audience::kDrafts, Audience::kPreview, Audience::kPartial})
    if (audience_word(a) == word) return a;
  return std::nullopt;
}

}  // namespace kv::model
