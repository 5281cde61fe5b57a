// A submission's inlamning.yaml and the structure it follows, each reported once. A missing or
// unreadable inlamning.yaml does not stop the checks: the structure then comes from the folder
// name (<slag>-<år>). A structure that does not exist is one error naming both fixes; one whose
// file has errors is one warning, and the submission is not checked further (every problem
// would only repeat the structure file's).
#pragma once
#include <memory>
#include <optional>

#include "load/source.h"
#include "load/yaml.h"
#include "validate/structure_file.h"
#include "validate/submission.h"

namespace kv {

struct AdminFile {
  std::optional<SourceFile> source;  // owns the text origin points into
  YamlOrigin origin;
  std::optional<YAML::Node> root;  // a mapping (an empty file is an empty one); none when missing or broken
  bool unreadable = false;         // present but not readable as YAML (reported)
};

// Reads where.folder/inlamning.yaml. Its absence is an error unless lookalike_reported (a file
// such as inlamning.yml was reported already with the fix).
AdminFile read_admin_file(const ContentRoot& root, const SubmissionLocation& where, bool lookalike_reported,
                          Diagnostics& diagnostics);

// The structure the submission follows (struktur: or <slag>-<år>), or nullptr (reported once).
std::shared_ptr<const model::Structure> structure_for(const SubmissionLocation& where, const AdminFile& admin,
                                                      const StructureSet& structures, const BrokenStructures& broken,
                                                      Diagnostics& diagnostics);

}  // namespace kv
