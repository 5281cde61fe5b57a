// Empty skeletons for `kvalitet ny`: a data block's keys without values, each with a comment
// saying whether it is required, its type and what to write (from model/fields.h).
#pragma once
#include <string>

#include "i18n/lang.h"
#include "model/fields.h"
#include "model/structure.h"

namespace kv::scaffold {

// "krävs · text · målet i en mening"
std::string field_comment(const model::FieldSpec& field, Lang lang, const std::string& type_override = {});

// "text", "procent, 0–100", "ett av: högre, lägre", …
std::string type_word(const model::FieldSpec& field, Lang lang);

// The YAML between ```name and ```, ending in a newline. The structure and the section give
// the keys of principer and the KF goals a kf-mål may name.
std::string data_block_skeleton(const model::BlockSpec& block, const model::Structure& structure,
                                const model::QuestionSpec& section, Lang lang);

// Lines "key:   # comment" with the comments lined up; indent is prepended to each line,
// first_prefix replaces the indent of the first line ("  - " for a list item).
std::string field_lines(const std::vector<model::FieldSpec>& fields, Lang lang, const std::string& indent,
                        const std::string& first_prefix);

}  // namespace kv::scaffold
