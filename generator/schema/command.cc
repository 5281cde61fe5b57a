// The command line of `kvalitet schema` (CLI11), kept here so that main.cc stays short.
#include <CLI/CLI.hpp>

#include "i18n/messages.h"
#include "schema/schema_command.h"

namespace kv {

CLI::App* add_schema_command(CLI::App& app, SchemaOptions& options, Lang lang) {
  auto t = [lang](Msg m) { return text(lang, m); };
  CLI::App* cmd = app.add_subcommand("schema", t(Msg::kCliSchema));
  cmd->add_option("-o,--output", options.output_dir, t(Msg::kCliSchemaOut));
  return cmd;
}

}  // namespace kv
