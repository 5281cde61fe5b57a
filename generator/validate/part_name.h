// How messages name one part of a document: "fråga 7 (”Titel”)" / "question 7 (“Title”)".
// A title is shortened to short_title wherever a message names a part, so that a message
// about one line of a file is not hidden behind a 160-character question.
#pragma once
#include <string>
#include <string_view>

#include "i18n/lang.h"
#include "model/structure.h"

namespace kv {

// At most kShortTitleChars characters: a longer title is cut at the last word boundary
// that leaves room for "…" (in the middle of a word only when it has no space early enough),
// without the punctuation before the cut. UTF-8 safe.
inline constexpr size_t kShortTitleChars = 60;
std::string short_title(std::string_view title);

// A number the structure lacks is named without a title.
std::string part_name(const model::Structure& structure, int number, Lang lang);

}  // namespace kv
