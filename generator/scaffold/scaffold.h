// `kvalitet ny`: writes the files of a new unit, or of a new year of a unit, for one structure,
// ready to be filled in. Never overwrites a file: if any of them exists, nothing is written.
#pragma once
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "model/structure.h"
#include "pipeline/command_context.h"

namespace CLI {
class App;
}

namespace kv {

// What `ny` takes besides the options every command takes (pipeline/command_context.h).
struct ScaffoldOptions {
  std::string unit;                     // the unit's folder name (slug)
  std::string structure;                // a structure id, e.g. kvalitetsutmarkelsen-2018
  std::optional<std::string> name, administration;  // for a new unit's enhet.yaml
  std::string schema_dir;               // non-empty: YAML files get a modeline to the schemas here
};

struct ScaffoldFile {
  std::filesystem::path path;
  std::string text;
};

// The files for unit and structure under content_root (enhet.yaml only when the unit has none),
// in the language lang.
std::vector<ScaffoldFile> plan_scaffold(const ScaffoldOptions& options, const std::filesystem::path& content_root,
                                        const model::Structure& structure, Lang lang);

// Whether every target is new and inside content_root; else each problem reported (a document
// already there once, at its folder), naming command ("kvalitet ny") as the one that never
// overwrites.
bool targets_are_new(const std::vector<std::filesystem::path>& targets, const std::filesystem::path& content_root,
                     const std::string& command, Diagnostics& diagnostics);

// Runs the command: the files made and next steps to out, problems through the diagnostics
// printer. Returns the exit status.
int run_scaffold(const CommandContext& context, const ScaffoldOptions& options, std::ostream& out, std::ostream& err);

// Adds the subcommand `ny` (alias `new`) to app, filling options when it is given.
CLI::App* add_scaffold_command(CLI::App& app, ScaffoldOptions& options, Lang lang);

}  // namespace kv
