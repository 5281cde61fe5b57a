#include "validate/submission_structure.h"

#include "load/content_names.h"
#include "util/text.h"

namespace kv {
namespace {

namespace fs = std::filesystem;

// The value node of struktur:, or an undefined node.
YAML::Node structure_node(const AdminFile& admin) {
  if (admin.root && admin.root->IsMap())
    for (const auto& e : *admin.root)
      if (e.first.IsScalar() && e.first.Scalar() == "struktur") return e.second;
  return YAML::Node(YAML::NodeType::Undefined);
}

std::string default_id(const SubmissionLocation& where) { return where.kind_slug + "-" + std::to_string(where.year); }

std::string joined(const std::vector<std::string>& items) {
  std::string list;
  for (const auto& item : items) list += (list.empty() ? "" : ", ") + item;
  return list;
}

// No structure <slag>-<år> for the folder: one error with both ways out — a folder that has a
// structure, or struktur: in inlamning.yaml (the closest structure, when one is close).
void report_no_structure_for_folder(const SubmissionLocation& where, const StructureSet& structures, Diagnostics& diagnostics) {
  std::vector<std::string> ids, folders;
  for (const auto& [id, s] : structures) {
    ids.push_back(id);
    folders.push_back(std::to_string(s->year) + "/" + s->kind);
  }
  const std::string id = default_id(where);
  const std::string near = closest_match(id, ids);
  const std::string hint = near.empty()
                               ? diagnostics.t(Msg::kNoStructureForFolderHintList, {joined(folders), joined(ids)})
                               : diagnostics.t(Msg::kNoStructureForFolderHint, {joined(folders), near});
  diagnostics.error({where.folder.generic_string(), 0, 0},
               diagnostics.t(Msg::kNoStructureForFolder, {where.kind_slug, std::to_string(where.year), id}), hint);
}

}  // namespace

AdminFile read_admin_file(const ContentRoot& root, const SubmissionLocation& where, bool lookalike_reported,
                          Diagnostics& diagnostics) {
  AdminFile admin;
  const fs::path meta = where.folder / kAdminFile;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(meta, ec))) {
    if (!lookalike_reported)
      diagnostics.error({meta.generic_string(), 0, 0}, diagnostics.t(Msg::kSubmissionFileMissing), diagnostics.t(Msg::kSubmissionFileMissingHint));
    return admin;
  }
  admin.source = read_content_file(root, meta, diagnostics);
  if (!admin.source) {
    admin.unreadable = true;
    return admin;
  }
  admin.origin = YamlOrigin{admin.source->path, 0, admin.source->text};
  if (auto node = parse_yaml(admin.origin, diagnostics)) admin.root = empty_as_map(*node);
  else admin.unreadable = true;
  return admin;
}

std::shared_ptr<const model::Structure> structure_for(const SubmissionLocation& where, const AdminFile& admin,
                                                      const StructureSet& structures, const BrokenStructures& broken,
                                                      Diagnostics& diagnostics) {
  const YAML::Node named = structure_node(admin);
  const bool given = named.IsDefined() && named.IsScalar();
  const std::string id = given ? named.Scalar() : default_id(where);
  const SourcePos at = given ? position(named, admin.origin) : SourcePos{where.folder.generic_string(), 0, 0};
  if (auto it = broken.find(id); it != broken.end()) {
    diagnostics.warning(at, diagnostics.t(Msg::kStructureBrokenSkipped, {id}), diagnostics.t(Msg::kStructureBrokenSkippedHint, {it->second}));
    return nullptr;
  }
  auto it = structures.find(id);
  if (it == structures.end()) {
    // An unreadable inlamning.yaml may name the structure: its syntax error is the one cause.
    if (admin.unreadable) return nullptr;
    if (!given) {
      report_no_structure_for_folder(where, structures, diagnostics);
      return nullptr;
    }
    std::vector<std::string> ids;
    for (const auto& [key, _] : structures) ids.push_back(key);
    std::string near = closest_match(id, ids);
    diagnostics.error(at, diagnostics.t(Msg::kStructureUnknown, {id}),
                 near.empty() ? diagnostics.t(Msg::kStructureUnknownHint, {joined(ids)}) : diagnostics.t(Msg::kDidYouMean, {near}));
    return nullptr;
  }
  if (it->second->year != where.year)
    diagnostics.warning(at, diagnostics.t(Msg::kStructureYearMismatch, {std::to_string(it->second->year), std::to_string(where.year)}),
                   diagnostics.t(Msg::kStructureYearMismatchHint));
  return it->second;
}

}  // namespace kv
