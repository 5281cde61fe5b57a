// Reads one submission folder (<enhet>/<år>/<slag>/) into a model::Submission, checking it
// against its award structure: administrative data, introduction, every question present
// once, required and recommended parts.
#pragma once
#include <filesystem>
#include <optional>

#include "diag/diagnostics.h"
#include "model/site.h"
#include "validate/structure_file.h"

namespace kv {

struct SubmissionLocation {
  std::filesystem::path content_root;
  std::filesystem::path folder;  // content_root/<enhet>/<år>/<slag>
  model::Unit unit;
  int year = 0;
  std::string kind_slug;
};

// A submission whose structure is in broken is not checked (one warning says so).
// A submission with errors gives nullopt; draft, when given, receives what could be read of
// it, so that its links can still be checked in the same run (validate/links.h).
std::optional<model::Submission> read_submission(const SubmissionLocation& where, const StructureSet& structures,
                                                 Diagnostics& diagnostics, const BrokenStructures& broken = {},
                                                 std::optional<model::Submission>* draft = nullptr);

// Checks an administrative value of the given type (telefon, e-post, heltal, text).
bool valid_admin_value(const std::string& type, const std::string& value);

}  // namespace kv
