// What a build covers and for whom: --enhet's units, the drafts left out, and the audience
// an output folder was built for (model/audience.h).
#pragma once
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "diag/print_diagnostics.h"
#include "model/audience.h"
#include "model/site.h"

namespace kv {

// --enhet: every unit named must be a unit folder (else an error with "menade du"); only the
// problems of those units' files and of files of no unit (site.yaml, structures) are kept.
void only_units(const std::vector<std::string>& units, const std::filesystem::path& content_root, Diagnostics& diagnostics);

// --enhet: only those units' documents stay in the site (validated with the rest first, so
// that links across units resolve).
void keep_units(const std::vector<std::string>& units, model::Site& site);

// One line per draft left out (its name and its count of problems), for people.
void print_drafts_left_out(const std::vector<model::DraftNote>& drafts, const Diagnostics& diagnostics, const OutputStyle& style,
                           std::ostream& out, std::ostream& err);

// "Dokument: 4 inlämnade, 1 utkast." and each document with its state, for check's summary.
void print_document_states(const model::Site& site, const Diagnostics& diagnostics, std::ostream& out);

// An output folder built for another audience is never overwritten: an error naming both.
void check_output_audience(const std::filesystem::path& out, model::Audience audience, Diagnostics& diagnostics);

// The folder a build for audience writes to when -o is not given; a unit's own build
// (kPartial) goes to output-<its first unit>.
std::string default_output_dir(model::Audience audience, const std::vector<std::string>& units = {});

}  // namespace kv
