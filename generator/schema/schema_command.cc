#include "schema/schema_command.h"

#include "diag/diagnostics.h"
#include "diag/print_diagnostics.h"
#include "load/content_names.h"
#include "schema/json_schema.h"
#include "util/escape.h"
#include "util/text.h"
#include "write/files.h"
#include "write/output_dir.h"

namespace kv {
namespace {

namespace fs = std::filesystem;

// "yaml.schemas" for .vscode/settings.json: schema file → the files it describes.
schema::Json vscode_settings(const SchemaOptions& options, const fs::path& content_root, const StructureSet& structures) {
  const std::string dir = options.output_dir.generic_string(), content = content_root.generic_string();
  schema::Json map = schema::Json::object();
  map[dir + "/site.schema.json"] = content + "/" + kSiteFile;
  map[dir + "/enhet.schema.json"] = content + "/*/" + kUnitFile;
  for (const auto& [id, s] : structures)
    map[dir + "/inlamning-" + id + ".schema.json"] = content + "/*/" + std::to_string(s->year) + "/" + s->kind + "/" + kAdminFile;
  return {{"yaml.schemas", map}};
}

}  // namespace

namespace {

// The schema files written, or nullopt after reporting why not.
std::optional<size_t> write_schemas(const CommandContext& context, const SchemaOptions& options, StructureSet& structures,
                                    Diagnostics& diagnostics) {
  if (!context.templates_or_report(diagnostics)) return std::nullopt;
  structures = read_structures(*context.templates / "structures", diagnostics);
  if (diagnostics.list.has_errors()) return std::nullopt;
  auto files = schema::schema_files(structures, context.lang);
  try {
    // replace_file: a schema an editor has open is swapped whole, never seen half-written.
    for (const auto& f : files) replace_file(options.output_dir / f.name, f.json.dump(2) + "\n");
  } catch (const WriteError& e) {
    diagnostics.error({e.path().generic_string(), 0, 0}, write_error_reason(e.error(), diagnostics));
    return std::nullopt;
  }
  return files.size();
}

}  // namespace

int run_schema(const CommandContext& context, const SchemaOptions& options, std::ostream& out, std::ostream& err) {
  Diagnostics diagnostics = context.diagnostics();
  StructureSet structures;
  const auto written = write_schemas(context, options, structures, diagnostics);
  print_diagnostics(diagnostics, context.options.style, out, err);
  if (!written) return 1;
  if (context.options.style.quiet) return 0;
  std::ostream& people = people_stream(context.options.style, out, err);
  people << diagnostics.t(Msg::kSchemaWritten, {std::to_string(*written), terminal_text(options.output_dir.generic_string())}) << "\n\n"
         << diagnostics.t(Msg::kSchemaVsCode) << '\n';
  const std::string settings = vscode_settings(options, context.options.content_root, structures).dump(2);
  for (std::string_view line : split_lines(settings)) people << terminal_text(line) << '\n';
  return 0;
}

}  // namespace kv
