// The command line of `kvalitet ny` (CLI11), kept here so that main.cc stays short; main adds
// the options every command takes.
#include <CLI/CLI.hpp>

#include "scaffold/scaffold.h"

namespace kv {

CLI::App* add_scaffold_command(CLI::App& app, ScaffoldOptions& options, Lang lang) {
  auto t = [lang](Msg m) { return text(lang, m); };
  CLI::App* cmd = app.add_subcommand("ny", t(Msg::kCliNew));
  cmd->alias("new");
  cmd->add_option("ENHET", options.unit, t(Msg::kCliNewUnit))->required();
  cmd->add_option("-s,--struktur", options.structure, t(Msg::kCliNewStructure));
  cmd->add_option("--namn", options.name, t(Msg::kCliNewName));
  cmd->add_option("--forvaltning", options.administration, t(Msg::kCliNewAdministration));
  cmd->add_option("--schema", options.schema_dir, t(Msg::kCliNewSchema));
  return cmd;
}

}  // namespace kv
