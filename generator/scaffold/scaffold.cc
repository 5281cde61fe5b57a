#include "scaffold/scaffold.h"

#include <cstdlib>

#include "load/content_names.h"
#include "load/unit_folder.h"
#include "pipeline/resources.h"
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

void print_error(std::ostream& err, const std::string& message, const std::string& hint = {}) {
  err << "kvalitet: error: " << terminal_text(message);
  if (!hint.empty()) err << " \xE2\x80\x94 " << terminal_text(hint);
  err << '\n';
}

// The structure named, or nullptr after saying which ones there are.
const model::Structure* pick_structure(const std::string& id, const StructureSet& structures, const Diagnostics& report,
                                       std::ostream& err) {
  std::vector<std::string> ids;
  std::string list;
  for (const auto& [key, _] : structures) {
    ids.push_back(key);
    list += (list.empty() ? "" : ", ") + key;
  }
  if (auto it = structures.find(id); it != structures.end()) return it->second.get();
  std::string available = report.t(Msg::kStructureUnknownHint, {list});
  if (id.empty()) {
    print_error(err, report.t(Msg::kScaffoldNoStructure), available);
    return nullptr;
  }
  std::string near = closest_match(id, ids);
  print_error(err, report.t(Msg::kStructureUnknown, {id}),
              near.empty() ? available : report.t(Msg::kDidYouMean, {near}) + "; " + available);
  return nullptr;
}

// Creates every file (never replacing one); on failure none of them is left.
bool write_all(const std::vector<ScaffoldFile>& files, const Diagnostics& report, std::ostream& err) {
  std::vector<NewFile> all;
  for (const auto& f : files) all.push_back({f.path, f.text, std::nullopt});
  try {
    create_all(all);
    return true;
  } catch (const WriteError& e) {
    print_error(err, e.path().generic_string() + ": " + report.t(Msg::kWriteFailedBecause, {write_error_reason(e.error(), report)}),
                report.t(Msg::kScaffoldNothingWritten));
    return false;
  }
}

void print_next_steps(const ScaffoldOptions& options, const model::Structure& structure,
                      const std::vector<ScaffoldFile>& files, const Diagnostics& report, std::ostream& out) {
  const fs::path folder = options.content_root / options.unit / std::to_string(structure.year) / structure.kind;
  out << report.t(Msg::kScaffoldCreated, {std::to_string(files.size()), structure.name, std::to_string(structure.year)}) << '\n';
  for (const auto& f : files) out << "  " << terminal_text(f.path.generic_string()) << '\n';
  out << '\n' << report.t(Msg::kScaffoldNextSteps) << '\n';
  std::vector<std::string> steps;
  const fs::path unit_file = options.content_root / options.unit / kUnitFile;
  bool new_unit = !files.empty() && files.front().path == unit_file;
  if (new_unit && (!options.name || !options.administration))
    steps.push_back(report.t(Msg::kScaffoldStepUnit, {unit_file.generic_string()}));
  if (!structure.admin_fields.empty()) steps.push_back(report.t(Msg::kScaffoldStepAdmin, {(folder / kAdminFile).generic_string()}));
  if (!structure.intro_title.empty()) steps.push_back(report.t(Msg::kScaffoldStepIntro, {(folder / kIntroFile).generic_string()}));
  auto parts = structure.questions();
  if (!parts.empty())
    steps.push_back(report.t(Msg::kScaffoldStepParts, {(folder / (structure.part_slug(parts.front()->number) + ".md")).generic_string(),
                                                       structure.part_slug(parts.back()->number) + ".md"}));
  const std::string content = options.content_root.generic_string();
  steps.push_back(report.t(Msg::kScaffoldStepServe, {content}));
  steps.push_back(report.t(Msg::kScaffoldStepCheck, {content}));
  steps.push_back(report.t(Msg::kScaffoldStepBuild, {content}));
  if (options.schema_dir.empty()) steps.push_back(report.t(Msg::kScaffoldStepSchema));
  for (size_t i = 0; i < steps.size(); ++i) out << "  " << i + 1 << ". " << terminal_text(steps[i]) << '\n';
}

}  // namespace

std::vector<ScaffoldFile> plan_scaffold(const ScaffoldOptions& options, const model::Structure& structure, Lang lang) {
  std::vector<ScaffoldFile> files;
  const fs::path unit_dir = options.content_root / options.unit;
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

int run_scaffold(const ScaffoldOptions& options, std::ostream& out, std::ostream& err) {
  Lang lang = Lang::kSv;
  if (!options.lang.empty()) {
    auto parsed = parse_lang(options.lang);
    if (!parsed) {
      err << "kvalitet: error: " << text(lang, Msg::kBadLang, {terminal_text(options.lang)}) << " \xE2\x80\x94 "
          << text(lang, Msg::kBadLangHint) << '\n';
      return 2;
    }
    lang = *parsed;
  } else if (const char* env = std::getenv("KVALITET_LANG")) {
    lang = parse_lang(env).value_or(Lang::kSv);
  }
  Diagnostics report{lang, {}, {}};
  if (auto bad = unit_name_error(options.unit, report)) {
    print_error(err, bad->message, bad->hint);
    return 1;
  }
  auto templates = find_resource_dir("templates", options.templates_dir, options.executable);
  if (!templates) {
    print_error(err, report.t(Msg::kTemplatesNotFound), report.t(Msg::kTemplatesNotFoundHint));
    return 1;
  }
  StructureSet structures = read_structures(*templates / "structures", report);
  for (const auto& d : report.diags.items()) err << format_diagnostic(d, false);  // a broken structure file
  const model::Structure* structure = pick_structure(options.structure, structures, report, err);
  if (!structure) return 1;

  auto files = plan_scaffold(options, *structure, lang);
  bool conflict = false;
  for (const auto& f : files)
    if (present(f.path)) {
      err << format_diagnostic({Severity::kError, {f.path.generic_string(), 0, 0}, report.t(Msg::kScaffoldFileExists),
                                report.t(Msg::kScaffoldFileExistsHint)}, false);
      conflict = true;
    }
  std::vector<fs::path> targets;
  for (const auto& f : files) targets.push_back(f.path);
  for (const auto& t : targets_outside(options.content_root, targets)) {
    err << format_diagnostic({Severity::kError, {t.generic_string(), 0, 0}, report.t(Msg::kNewFileOutside, {options.content_root.generic_string()}),
                              report.t(Msg::kNewFileOutsideHint)}, false);
    conflict = true;
  }
  if (conflict) {
    err << report.t(Msg::kScaffoldNothingWritten) << '\n';
    return 1;
  }
  const fs::path unit_file = options.content_root / options.unit / kUnitFile;
  if ((options.name || options.administration) && files.front().path != unit_file)
    err << "kvalitet: warning: " << terminal_text(report.t(Msg::kScaffoldUnitKept, {unit_file.generic_string()})) << '\n';
  if (!write_all(files, report, err)) return 1;
  print_next_steps(options, *structure, files, report, out);
  if (!options.schema_dir.empty() && !present(fs::path(options.schema_dir) / "enhet.schema.json"))
    err << "kvalitet: warning: "
        << terminal_text(report.t(Msg::kScaffoldSchemaMissing, {options.schema_dir, options.schema_dir})) << '\n';
  return 0;
}

}  // namespace kv
