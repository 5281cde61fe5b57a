// The thread between a unit's documents of consecutive years (issue 13): goals set in one
// year's part (award question 16) are followed up in the next year's part that declares
// följer_upp: (question 13), and a report's "Utfall VB föregående år" is last year's outcome.
#pragma once
#include "diag/diagnostics.h"
#include "model/site.h"

namespace kv {

// Links each follow-up to the goal it names (matched by title, case and spacing aside) and
// each goal to its follow-ups, so both pages can point to each other. Warns, at the later
// document, about a goal of the previous year that is not followed up, a follow-up naming a
// goal that was never set (with "menade du …?"), and an indicator whose previous-year value
// is not last year's outcome. Documents without a previous year are left alone. Actions of
// an action plan learn which later pages link to them (#åtgärd-3): where they were followed up.
// only: thread just that document (read again) with its unit's previous and next year, the
// rest of the site threaded already (serve's preview of one saved document,
// pipeline/document_preview.h); what its last version's follow-ups left in the previous
// year's goals is dropped first. Other documents' actions keep where its last version
// referred to them until they are read again themselves.
void thread_years(model::Site& site, Diagnostics& diagnostics, const model::Submission* only = nullptr);

// The form goal titles are compared in: case folded, runs of spaces as one, no final '.'.
std::string goal_key(const std::string& title);

}  // namespace kv
