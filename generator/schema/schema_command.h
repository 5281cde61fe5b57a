// `kvalitet schema`: writes the JSON Schema files (schema/json_schema.h) into a folder and
// prints the VS Code settings that use them.
#pragma once
#include <filesystem>
#include <ostream>
#include <string>

#include "i18n/lang.h"
#include "pipeline/command_context.h"

namespace CLI {
class App;
}

namespace kv {

// What `schema` takes besides the options every command takes; the content folder is only
// used for the globs in the printed settings.
struct SchemaOptions {
  std::filesystem::path output_dir = "schema";
};

int run_schema(const CommandContext& context, const SchemaOptions& options, std::ostream& out, std::ostream& err);

// Adds the subcommand `schema` to app, filling options when it is given.
CLI::App* add_schema_command(CLI::App& app, SchemaOptions& options, Lang lang);

}  // namespace kv
