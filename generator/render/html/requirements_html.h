// What a complete answer to a part contains (the structure's kräver: and rekommenderar:) as a
// checklist of what one answer has and lacks, and the warnings `check` gave about it: what a
// reviewer reads an answer against, on its question page and on the comparison page.
#pragma once
#include <kainjow/mustache.hpp>

#include "i18n/lang.h"
#include "model/site.h"
#include "model/structure.h"

namespace kv {

// {show, title, items: [{level, part, status, css}], has_warnings, warnings_title,
// warnings: [{message}]}; show is false when there is nothing to list.
// Only what the audience sees (model/audience.h): the checklist and the check's remarks are
// for reviewers and authors, never for the public site.
kainjow::mustache::data requirements_data(const model::QuestionSpec& spec, const model::Answer& answer, Lang lang,
                                          const model::Visibility& visible);

}  // namespace kv
