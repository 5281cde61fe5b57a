// The note `serve` puts in the corner of a page that shows an answer: its readability (LIX),
// so that an author sees while writing whether the text is plain (språklagen 11 §). Never
// part of the published site.
#pragma once
#include <string>

#include "i18n/lang.h"
#include "pipeline/page_readability.h"

namespace kv::serve {

// An <aside> with inline style (the page's own CSS does not know it); limit: site.yaml's
// lix_gräns, 0 for none. Every text in it is escaped.
std::string readability_badge(const PageReadability& page, int limit, Lang lang);

}  // namespace kv::serve
