// How messages name one part of a document: "fråga 7 (”Titel”)" / "question 7 (“Title”)".
#pragma once
#include <string>

#include "i18n/lang.h"
#include "model/structure.h"

namespace kv {

// A number the structure lacks is named without a title.
std::string part_name(const model::Structure& structure, int number, Lang lang);

}  // namespace kv
