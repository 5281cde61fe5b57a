#include "schema/schema_command.h"

#include <cstdlib>

#include "diag/diagnostics.h"
#include "load/content_names.h"
#include "pipeline/resources.h"
#include "schema/json_schema.h"
#include "util/escape.h"
#include "util/text.h"
#include "write/files.h"
#include "write/output_dir.h"

namespace kv {
namespace {

namespace fs = std::filesystem;

std::optional<Lang> resolve_lang(const std::string& option) {
  if (!option.empty()) return parse_lang(option);
  if (const char* env = std::getenv("KVALITET_LANG")) return parse_lang(env).value_or(Lang::kSv);
  return Lang::kSv;
}

// "yaml.schemas" for .vscode/settings.json: schema file → the files it describes.
schema::Json vscode_settings(const SchemaOptions& options, const StructureSet& structures) {
  const std::string dir = options.output_dir.generic_string(), content = options.content_root.generic_string();
  schema::Json map = schema::Json::object();
  map[dir + "/site.schema.json"] = content + "/" + kSiteFile;
  map[dir + "/enhet.schema.json"] = content + "/*/" + kUnitFile;
  for (const auto& [id, s] : structures)
    map[dir + "/inlamning-" + id + ".schema.json"] = content + "/*/" + std::to_string(s->year) + "/" + s->kind + "/" + kAdminFile;
  return {{"yaml.schemas", map}};
}

}  // namespace

int run_schema(const SchemaOptions& options, std::ostream& out, std::ostream& err) {
  auto lang = resolve_lang(options.lang);
  if (!lang) {
    err << "kvalitet: error: " << text(Lang::kSv, Msg::kBadLang, {terminal_text(options.lang)}) << " \xE2\x80\x94 "
        << text(Lang::kSv, Msg::kBadLangHint) << '\n';
    return 2;
  }
  Diagnostics report{*lang, {}, {}};
  auto templates = find_resource_dir("templates", options.templates_dir, options.executable);
  if (!templates) {
    err << "kvalitet: error: " << report.t(Msg::kTemplatesNotFound) << " \xE2\x80\x94 " << report.t(Msg::kTemplatesNotFoundHint) << '\n';
    return 1;
  }
  StructureSet structures = read_structures(*templates / "structures", report);
  for (const auto& d : report.diags.items()) err << format_diagnostic(d, false);
  if (report.diags.has_errors()) return 1;
  auto files = schema::schema_files(structures, *lang);
  try {
    // replace_file: a schema an editor has open is swapped whole, never seen half-written.
    for (const auto& f : files) replace_file(options.output_dir / f.name, f.json.dump(2) + "\n");
  } catch (const WriteError& e) {
    err << "kvalitet: error: " << terminal_text(e.path().generic_string()) << ": " << write_error_reason(e.error(), report) << '\n';
    return 1;
  }
  out << report.t(Msg::kSchemaWritten, {std::to_string(files.size()), terminal_text(options.output_dir.generic_string())}) << "\n\n"
      << report.t(Msg::kSchemaVsCode) << '\n';
  const std::string settings = vscode_settings(options, structures).dump(2);
  for (std::string_view line : split_lines(settings)) out << terminal_text(line) << '\n';
  return 0;
}

}  // namespace kv
