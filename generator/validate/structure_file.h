// Reads award/report structures from templates/structures/*.yaml.
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "model/structure.h"

namespace kv {

using StructureSet = std::map<std::string, std::shared_ptr<const model::Structure>>;  // by id

// Structures whose file has errors: id (and file name without .yaml) → the file. A
// submission that follows one is not checked: its problems would only repeat the file's.
using BrokenStructures = std::map<std::string, std::string>;

// Reads one structure file; problems are reported against that file. known: the structures
// read so far, which bygger_på: and föregående: may name (broken ones are not reported again).
std::shared_ptr<const model::Structure> read_structure(const std::filesystem::path& file, Diagnostics& diagnostics, const StructureSet& known,
                                                       const BrokenStructures& broken);
std::shared_ptr<const model::Structure> read_structure(const std::filesystem::path& file, Diagnostics& diagnostics);

// Reads every *.yaml in dir, in name order; records the ones with errors in broken.
StructureSet read_structures(const std::filesystem::path& dir, Diagnostics& diagnostics, BrokenStructures* broken = nullptr);

// The part files' prefixes of every structure ("fraga", "avsnitt"), for recognising them.
std::vector<std::string> part_slugs(const StructureSet& structures);

}  // namespace kv
