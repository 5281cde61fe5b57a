// `kvalitet schema`: writes the JSON Schema files (schema/json_schema.h) into a folder and
// prints the VS Code settings that use them.
#pragma once
#include <filesystem>
#include <ostream>
#include <string>

#include "i18n/lang.h"

namespace CLI {
class App;
}

namespace kv {

struct SchemaOptions {
  std::filesystem::path output_dir = "schema";
  std::filesystem::path content_root = "content";  // for the globs in the printed settings
  std::string templates_dir;
  std::filesystem::path executable;
  std::string lang;  // sv, en or empty (KVALITET_LANG, else sv)
};

int run_schema(const SchemaOptions& options, std::ostream& out, std::ostream& err);

// Adds the subcommand `schema` to app, filling options when it is given.
CLI::App* add_schema_command(CLI::App& app, SchemaOptions& options, Lang lang);

}  // namespace kv
