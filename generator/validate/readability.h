// Plain language (språklagen 11 §): LIX per answer against site.yaml's lix_gräns, and the
// per-document summary `check` prints.
#pragma once
#include <string>

#include "diag/diagnostics.h"
#include "model/site.h"

namespace kv {

// A warning for each part whose running text is above site.lix_limit (none when it is 0).
void check_readability(const model::Site& site, Diagnostics& diagnostics);
// The same for one of its documents.
void check_readability(const model::Site& site, const model::Submission& s, Diagnostics& diagnostics);

// One line per document with its overall LIX and its hardest part; "" for a site without
// running text.
std::string readability_summary(const model::Site& site, Lang lang);

// "medelsvår" / "medium": the usual name of the band lix is in.
std::string lix_band_name(int lix, Lang lang);

// "fråga 7 (”Titel”)", or "inledningen" for part 0.
std::string readability_part_name(const model::Submission& s, int number, Lang lang);

}  // namespace kv
