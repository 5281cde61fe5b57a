// Reads award/report structures from templates/structures/*.yaml.
#pragma once
#include <filesystem>
#include <map>
#include <memory>

#include "diag/report.h"
#include "model/structure.h"

namespace kv {

using StructureSet = std::map<std::string, std::shared_ptr<const model::Structure>>;  // by id

// Reads one structure file; problems are reported against that file.
std::shared_ptr<const model::Structure> read_structure(const std::filesystem::path& file, Report& report);

// Reads every *.yaml in dir, in name order.
StructureSet read_structures(const std::filesystem::path& dir, Report& report);

}  // namespace kv
