// Keeps the warnings `check` gave about each answer with the answer, so the question and
// comparison pages can show reviewers what a check found (model::Answer::warnings).
#pragma once
#include "diag/diagnostics.h"
#include "model/site.h"

namespace kv {

// Every warning whose file is an answer's file goes to that answer, in the report's order.
// content_root: as the diagnostics' paths begin; a site page names files relative to it, so
// no path of the machine that built it is published.
void attach_warnings(model::Site& site, const Diagnostics& diagnostics, const std::string& content_root);
// The same for one document.
void attach_warnings(model::Submission& document, const Diagnostics& diagnostics, const std::string& content_root);

}  // namespace kv
