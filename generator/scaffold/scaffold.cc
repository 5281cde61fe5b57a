#include "scaffold/scaffold.h"

#include <map>

#include "load/content_names.h"
#include "load/unit_folder.h"
#include "diag/print_diagnostics.h"
#include "scaffold/files.h"
#include "util/escape.h"
#include "util/text.h"
#include "validate/site.h"
#include "validate/structure_file.h"
#include "write/create_all.h"
#include "write/files.h"
#include "write/output_dir.h"

namespace kv {
namespace {

namespace fs = std::filesystem;

bool present(const fs::path& p) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(p, ec));
}

// "# yaml-language-server: $schema=../../schema/x.schema.json", relative to the file's folder.
std::string modeline(const ScaffoldOptions& options, const fs::path& file, const std::string& schema) {
  if (options.schema_dir.empty()) return {};
  fs::path target = fs::absolute(fs::path(options.schema_dir) / schema).lexically_normal();
  fs::path from = fs::absolute(file.parent_path()).lexically_normal();
  return "# yaml-language-server: $schema=" + target.lexically_relative(from).generic_string();
}

// The structure named, or nullptr after saying which ones there are.
const model::Structure* pick_structure(const std::string& id, const StructureSet& structures, Diagnostics& diagnostics) {
  std::vector<std::string> ids;
  std::string list;
  for (const auto& [key, _] : structures) {
    ids.push_back(key);
    list += (list.empty() ? "" : ", ") + key;
  }
  if (auto it = structures.find(id); it != structures.end()) return it->second.get();
  std::string available = diagnostics.t(Msg::kStructureUnknownHint, {list});
  if (id.empty()) {
    diagnostics.error({"--struktur", 0, 0}, diagnostics.t(Msg::kScaffoldNoStructure), available);
    return nullptr;
  }
  std::string near = closest_match(id, ids);
  diagnostics.error({"--struktur", 0, 0}, diagnostics.t(Msg::kStructureUnknown, {id}),
               near.empty() ? available : diagnostics.t(Msg::kDidYouMean, {near}) + "; " + available);
  return nullptr;
}

// Creates every file (never replacing one); on failure none of them is left.
bool write_all(const std::vector<ScaffoldFile>& files, Diagnostics& diagnostics) {
  std::vector<NewFile> all;
  for (const auto& f : files) all.push_back({f.path, f.text, std::nullopt});
  try {
    create_all(all);
    return true;
  } catch (const WriteError& e) {
    diagnostics.error({e.path().generic_string(), 0, 0}, diagnostics.t(Msg::kWriteFailedBecause, {write_error_reason(e.error(), diagnostics)}));
    return false;
  }
}

void print_next_steps(const ScaffoldOptions& options, const fs::path& content_root, const model::Structure& structure,
                      const std::vector<ScaffoldFile>& files, const Diagnostics& diagnostics, std::ostream& out) {
  const fs::path folder = content_root / options.unit / std::to_string(structure.year) / structure.kind;
  out << diagnostics.t(Msg::kScaffoldCreated, {std::to_string(files.size()), structure.name, std::to_string(structure.year)}) << '\n';
  for (const auto& f : files) out << "  " << terminal_text(f.path.generic_string()) << '\n';
  out << '\n' << diagnostics.t(Msg::kScaffoldNextSteps) << '\n';
  std::vector<std::string> steps;
  const fs::path unit_file = content_root / options.unit / kUnitFile;
  bool new_unit = !files.empty() && files.front().path == unit_file;
  if (new_unit && (!options.name || !options.administration))
    steps.push_back(diagnostics.t(Msg::kScaffoldStepUnit, {unit_file.generic_string()}));
  if (!structure.admin_fields.empty()) steps.push_back(diagnostics.t(Msg::kScaffoldStepAdmin, {(folder / kAdminFile).generic_string()}));
  if (!structure.intro_title.empty()) steps.push_back(diagnostics.t(Msg::kScaffoldStepIntro, {(folder / kIntroFile).generic_string()}));
  auto parts = structure.questions();
  if (!parts.empty())
    steps.push_back(diagnostics.t(Msg::kScaffoldStepParts, {(folder / (structure.part_slug(parts.front()->number) + ".md")).generic_string(),
                                                       structure.part_slug(parts.back()->number) + ".md"}));
  const std::string content = content_root.generic_string();
  steps.push_back(diagnostics.t(Msg::kScaffoldStepServe, {content}));
  steps.push_back(diagnostics.t(Msg::kScaffoldStepCheck, {content}));
  steps.push_back(diagnostics.t(Msg::kScaffoldStepBuild, {content}));
  if (options.schema_dir.empty()) steps.push_back(diagnostics.t(Msg::kScaffoldStepSchema));
  for (size_t i = 0; i < steps.size(); ++i) out << "  " << i + 1 << ". " << terminal_text(steps[i]) << '\n';
}

}  // namespace

std::vector<ScaffoldFile> plan_scaffold(const ScaffoldOptions& options, const fs::path& content_root,
                                        const model::Structure& structure, Lang lang) {
  std::vector<ScaffoldFile> files;
  const fs::path unit_dir = content_root / options.unit;
  const fs::path folder = unit_dir / std::to_string(structure.year) / structure.kind;
  if (!present(unit_dir / kUnitFile))
    files.push_back({unit_dir / kUnitFile, scaffold::unit_file(options.name, options.administration, lang,
                                                                  modeline(options, unit_dir / kUnitFile, "enhet.schema.json"))});
  fs::path admin = folder / kAdminFile;
  files.push_back({admin, scaffold::submission_file(structure, lang, modeline(options, admin, "inlamning-" + structure.id + ".schema.json"))});
  if (!structure.intro_title.empty()) files.push_back({folder / kIntroFile, scaffold::intro_file(structure, lang)});
  for (const auto* part : structure.questions())
    files.push_back({folder / (structure.part_slug(part->number) + ".md"), scaffold::part_file(structure, *part, lang)});
  return files;
}

namespace {

// The files written, or nullopt after reporting why none was.
std::optional<std::vector<ScaffoldFile>> write_scaffold(const CommandContext& context, const ScaffoldOptions& options,
                                                        std::shared_ptr<const model::Structure>& chosen, Diagnostics& diagnostics) {
  const fs::path& content_root = context.options.content_root;
  if (auto bad = unit_name_error(options.unit, diagnostics)) {
    diagnostics.error({}, bad->message, bad->hint);
    return std::nullopt;
  }
  if (!context.templates_or_report(diagnostics)) return std::nullopt;
  StructureSet structures = read_structures(*context.templates / "structures", diagnostics);  // a broken one is reported
  const model::Structure* structure = pick_structure(options.structure, structures, diagnostics);
  if (!structure) return std::nullopt;
  chosen = structures.at(structure->id);  // kept beyond the set's life for the next steps
  auto files = plan_scaffold(options, content_root, *structure, context.lang);
  std::vector<fs::path> targets;
  for (const auto& f : files) targets.push_back(f.path);
  // Said before any error, so one run tells everything.
  const fs::path unit_file = content_root / options.unit / kUnitFile;
  if ((options.name || options.administration) && files.front().path != unit_file)
    diagnostics.warning({}, diagnostics.t(Msg::kScaffoldUnitKept, {unit_file.generic_string()}));
  if (!targets_are_new(targets, content_root, "kvalitet ny", diagnostics)) return std::nullopt;
  if (!write_all(files, diagnostics)) return std::nullopt;
  if (!options.schema_dir.empty() && !present(fs::path(options.schema_dir) / "enhet.schema.json"))
    diagnostics.warning({}, diagnostics.t(Msg::kScaffoldSchemaMissing, {options.schema_dir, options.schema_dir}));
  return files;
}

}  // namespace

int run_scaffold(const CommandContext& context, const ScaffoldOptions& options, std::ostream& out, std::ostream& err) {
  Diagnostics diagnostics = context.diagnostics();
  std::shared_ptr<const model::Structure> structure;
  auto files = write_scaffold(context, options, structure, diagnostics);
  print_diagnostics(diagnostics, context.options.style, out, err);
  if (!files) {
    if (!context.options.style.quiet) err << diagnostics.t(Msg::kScaffoldNothingWritten) << '\n';  // as build's "nothing was built"
    return 1;
  }
  if (!context.options.style.quiet)
    print_next_steps(options, context.options.content_root, *structure, *files, diagnostics, people_stream(context.options.style, out, err));
  return 0;
}

bool targets_are_new(const std::vector<fs::path>& targets, const fs::path& content_root, const std::string& command,
                     Diagnostics& diagnostics) {
  bool safe = true;
  // Existing files by folder: a document already there is one error at its folder, not one per file.
  std::map<fs::path, std::vector<fs::path>> existing;
  for (const auto& t : targets)
    if (present(t)) existing[t.parent_path()].push_back(t);
  for (const auto& [folder, files] : existing) {
    safe = false;
    if (files.size() == 1) {
      diagnostics.error({files[0].generic_string(), 0, 0}, diagnostics.t(Msg::kScaffoldFileExists, {command}),
                        diagnostics.t(Msg::kScaffoldFileExistsHint));
    } else {
      diagnostics.error({folder.generic_string(), 0, 0},
                        diagnostics.t(Msg::kScaffoldFilesExist, {std::to_string(files.size()), files[0].filename().string(), command}),
                        diagnostics.t(Msg::kScaffoldFilesExistHint));
    }
  }
  for (const auto& t : targets_outside(content_root, targets)) {
    diagnostics.error({t.generic_string(), 0, 0}, diagnostics.t(Msg::kNewFileOutside, {content_root.generic_string()}),
                      diagnostics.t(Msg::kNewFileOutsideHint));
    safe = false;
  }
  return safe;
}

}  // namespace kv
