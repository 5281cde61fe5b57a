#include "import/import_command.h"

#include <algorithm>
#include <map>
#include <ostream>
#include <set>
#include <system_error>

#include <yaml-cpp/yaml.h>

#include "diag/diagnostics.h"
#include "import/containers.h"
#include "import/docx_bounds.h"
#include "import/docx_filter.h"
#include "import/docx_text_boxes.h"
#include "import/admin_lines.h"
#include "import/report_blocks.h"
#include "import/run_in_blocks.h"
#include "import/split_parts.h"
#include "import/table_blocks.h"
#include "load/content_names.h"
#include "load/content_path.h"
#include "load/source.h"
#include "util/limits.h"
#include "load/unit_folder.h"
#include "diag/print_diagnostics.h"
#include "scaffold/files.h"
#include "scaffold/scaffold.h"
#include "util/escape.h"
#include "util/subprocess.h"
#include "util/text.h"
#include "validate/structure_file.h"
#include "write/create_all.h"
#include "write/files.h"
#include "write/output_dir.h"
#include "write/scratch_dir.h"

namespace kv {
namespace fs = std::filesystem;

namespace {

constexpr auto kPandocLimit = std::chrono::minutes(2);

// What pandoc printed, kept short: it goes into one message.
constexpr size_t kPandocSaidChars = 2000;
// GHC's runtime exits with this status when the heap limit (+RTS -M) is reached.
constexpr int kHeapExhaustedStatus = 251;

// The document as GitHub-flavoured Markdown (no raw HTML: images as ![alt](…)), its images
// extracted under media; nullopt after reporting why pandoc could not convert it.
std::optional<std::string> convert(const fs::path& docx, const fs::path& scratch, unsigned heap_mib, Diagnostics& diags) {
  const SourcePos at{docx.generic_string(), 0, 0};
  const auto pandoc = find_program("pandoc");
  if (!pandoc) {
    diags.error(at, diags.t(Msg::kImportNoPandoc), diags.t(Msg::kImportNoPandocHint));
    return std::nullopt;
  }
  // Text boxes moved into the flow first: pandoc would drop them.
  const auto input = import::docx_for_pandoc(docx, scratch, diags);
  if (!input) return std::nullopt;
  std::string said;
  write_file(scratch / "kvalitet.lua", std::string(import::docx_lua_filter()));
  // +RTS -M: the heap limit of pandoc's runtime; past it pandoc stops with "Heap exhausted".
  const auto result = run_process({pandoc->string(), "+RTS", "-M" + std::to_string(heap_mib) + "m", "-RTS",
                                   "-f", "docx+styles", "-t", "gfm-raw_html", "--wrap=none",
                                   "--lua-filter=" + (scratch / "kvalitet.lua").string(),
                                   "--extract-media=" + (scratch / "media").string(), "-o", (scratch / "out.md").string(),
                                   input->string()},
                                  {}, kPandocLimit, [&](std::string_view line) {
                                    if (said.size() < kPandocSaidChars) said += std::string(line.substr(0, kPandocSaidChars)) + " ";
                                  });
  if (result.timed_out) {
    diags.error(at, diags.t(Msg::kImportPandocTimedOut, {std::to_string(std::chrono::seconds(kPandocLimit).count()) + " s"}),
                diags.t(Msg::kImportPandocTooMuchHint));
    return std::nullopt;
  }
  if (result.exit_status == kHeapExhaustedStatus || said.find("Heap exhausted") != std::string::npos) {
    diags.error(at, diags.t(Msg::kImportPandocOutOfMemory, {std::to_string(heap_mib)}),
                diags.t(Msg::kImportPandocTooMuchHint));
    return std::nullopt;
  }
  std::error_code ec;
  if (!result.started || result.exit_status != 0 || !fs::is_regular_file(fs::symlink_status(scratch / "out.md", ec))) {
    diags.error(at, diags.t(Msg::kImportPandocFailed, {std::string(trim(said))}), diags.t(Msg::kImportPandocFailedHint));
    return std::nullopt;
  }
  return read_file(scratch / "out.md");
}

// Everything pandoc extracted must be a regular file (or a folder) inside the scratch folder:
// a link there would be followed when the image is copied into the content folder.
bool media_are_files(const fs::path& scratch, const fs::path& docx, Diagnostics& diags) {
  std::error_code ec;
  const fs::path media = scratch / "media";
  if (!fs::exists(fs::symlink_status(media, ec))) return true;
  bool ok = true;
  auto refuse = [&](const fs::path& p) {
    diags.error({docx.generic_string(), 0, 0}, diags.t(Msg::kImportMediaNotFile, {p.lexically_relative(scratch).generic_string()}),
                diags.t(Msg::kImportPandocFailedHint));
    ok = false;
  };
  if (!fs::is_directory(fs::symlink_status(media, ec))) {
    refuse(media);
    return false;
  }
  for (auto it = fs::recursive_directory_iterator(media, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const auto status = fs::symlink_status(it->path(), ec);
    if (!fs::is_regular_file(status) && !fs::is_directory(status)) refuse(it->path());
  }
  if (ec) refuse(media);
  return ok;
}

// Images pandoc extracted go to the submission folder's bilder/ (added to copies, to be
// created with the other files), and the text points there. A figure's file is named after
// its caption (bilder/organisationsskiss.png), in the order the figures come; other images
// keep the name Word gave them. Only regular files are copied (media_are_files checked them).
// The figures the Word filter marked are written as ```bild blocks here (import/docx_filter.h).
std::string move_images(const std::string& text, const fs::path& scratch, const fs::path& folder, std::vector<NewFile>& copies) {
  const fs::path media = scratch / "media" / "media";
  std::error_code ec;
  std::vector<fs::path> files;
  if (fs::is_directory(fs::symlink_status(media, ec)))
    for (auto it = fs::directory_iterator(media, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
      if (fs::is_regular_file(fs::symlink_status(it->path(), ec))) files.push_back(it->path());
  std::sort(files.begin(), files.end());
  std::map<std::string, std::string> names;  // in the .docx → in bilder/
  std::set<std::string> taken, present;
  auto give = [&](const std::string& name, const std::string& stem) {
    const std::string ext = fs::path(name).extension().string();
    std::string candidate = stem + ext;
    for (int n = 2; taken.count(candidate); ++n) candidate = stem + "-" + std::to_string(n) + ext;
    taken.insert(candidate);
    names[name] = candidate;
  };
  const std::string inside = "media/";  // a figure's path inside the .docx, as the filter gives it
  for (const auto& figure : import::marked_figures(text))
    if (starts_with(figure.file, inside) && !names.count(figure.file.substr(inside.size())))
      give(figure.file.substr(inside.size()), slugify(figure.caption, "bild"));
  for (const auto& file : files) {
    const std::string name = file.filename().string();
    if (!names.count(name)) give(name, file.stem().string());
    present.insert(name);
    copies.push_back({folder / "bilder" / names[name], {}, file});
  }
  std::string out = import::write_figures(text, [&](const model::Figure& figure) {
    const std::string name = starts_with(figure.file, inside) ? figure.file.substr(inside.size()) : "";
    return present.count(name) ? "bilder/" + names[name] : figure.file;
  });
  for (const auto& name : present) {  // images in prose
    const std::string from = media.string() + "/" + name, to = "bilder/" + names[name];
    for (size_t at = 0; (at = out.find(from, at)) != std::string::npos; at += to.size()) out.replace(at, from.size(), to);
  }
  return out;
}

// A part's (or the introduction's) text with the blocks and containers Word only shows by
// layout written as authors write them. Tables first: they read the paragraph before them.
std::string recognise(const std::string& text, const model::Structure& structure) {
  const std::string report = import::recognise_report_blocks(text, structure);
  return import::mark_examples(import::mark_containers(import::recognise_run_in_blocks(import::recognise_tables(report)), structure));
}

// inlamning.yaml with the values found; enhet.yaml with the unit's name and förvaltning when
// the unit is new, else what differs from the existing one reported (never overwritten).
void write_admin(std::vector<ScaffoldFile>& files, const model::Structure& structure, const import::AdminFound& admin,
                 const fs::path& content_root, const fs::path& unit_file, Diagnostics& diags) {
  bool new_unit = false;
  for (auto& f : files) {
    const std::string name = f.path.filename().string();
    if (name == kAdminFile && !admin.values.empty()) f.text = scaffold::submission_file(structure, diags.lang, "", admin.values);
    if (f.path == unit_file) {
      new_unit = true;
      if (admin.unit_name || admin.administration) f.text = scaffold::unit_file(admin.unit_name, admin.administration, diags.lang, "");
    }
  }
  if (new_unit) return;
  // Read as every content file is: inside the content folder, bounded in size.
  if (classify_path(ContentRoot(content_root), unit_file) != PathState::kInside) return;
  Diagnostics scratch{diags.lang, {}, {}, false};  // check reports what is wrong with the file
  auto source = read_source(unit_file, scratch);
  if (!source) return;
  YAML::Node existing;
  try {
    existing = YAML::Load(source->text);
  } catch (const std::exception&) {
    return;
  }
  auto compare = [&](const char* key, const std::optional<std::string>& found) {
    if (!found || !existing.IsMap() || !existing[key] || !existing[key].IsScalar()) return;
    const std::string now = existing[key].Scalar();
    if (fold_case(trim(now)) != fold_case(trim(*found)))
      diags.warning({unit_file.generic_string(), 0, 0}, diags.t(Msg::kImportUnitDiffers, {key, now, *found}),
                    diags.t(Msg::kImportUnitDiffersHint, {key}));
  };
  compare("namn", admin.unit_name);
  compare("förvaltning", admin.administration);
}

}  // namespace

int run_import(const CommandContext& context, const ImportOptions& o, std::ostream& out, std::ostream& err) {
  const fs::path& content_root = context.options.content_root;
  const OutputStyle& style = context.options.style;
  Diagnostics diags = context.diagnostics();
  auto fail = [&] {
    print_diagnostics(diags, style, out, err);
    return 1;
  };
  if (auto bad = unit_name_error(o.unit, diags)) {
    diags.error({"--enhet", 0, 0}, bad->message, bad->hint);
    return fail();
  }
  if (!context.templates_or_report(diags)) return fail();
  const StructureSet structures = read_structures(*context.templates / "structures", diags);
  auto it = structures.find(o.structure);
  if (it == structures.end()) {
    std::vector<std::string> ids;
    for (const auto& [id, _] : structures) ids.push_back(id);
    diags.error({o.structure, 0, 0}, diags.t(Msg::kStructureUnknown, {o.structure}), diags.suggest(o.structure, ids));
    return fail();
  }
  const model::Structure& structure = *it->second;
  ScaffoldOptions plan_options;
  plan_options.unit = o.unit;
  plan_options.structure = o.structure;
  auto files = plan_scaffold(plan_options, content_root, structure, diags.lang);

  // Every file to be created must be new and land inside the content folder; checked for all
  // of them before any is written (again below, once the images and ej-placerad-text.md are known).
  std::vector<fs::path> targets;
  for (const auto& f : files) targets.push_back(f.path);
  targets_are_new(targets, content_root, "kvalitet importera", diags);
  std::error_code docx_ec;
  if (!fs::is_regular_file(o.docx, docx_ec)) diags.error({o.docx.generic_string(), 0, 0}, diags.t(Msg::kImportNoFile), diags.t(Msg::kImportNoFileHint));
  if (diags.list.error_count()) return fail();
  if (!import::docx_within_limits(o.docx, diags)) return fail();

  const fs::path folder = content_root / o.unit / std::to_string(structure.year) / structure.kind;  // as plan_scaffold
  try {
    std::optional<ScratchDir> scratch;
    try {
      scratch.emplace("kvalitet-import-");
    } catch (const std::system_error& e) {
      diags.error({temp_base().generic_string(), 0, 0},
                  diags.t(Msg::kImportScratchFailed, {temp_base().generic_string(), write_error_reason(e.code().value(), diags)}),
                  diags.t(Msg::kImportScratchFailedHint));
      return fail();
    }
    auto markdown = convert(o.docx, scratch->path(), o.pandoc_heap_mib, diags);
    if (!markdown || !media_are_files(scratch->path(), o.docx, diags)) return fail();
    std::vector<NewFile> images;
    import::SplitDocument doc = import::split_parts(move_images(*markdown, scratch->path(), folder, images), structure);
    // The administrative data on the cover (or, in a report, wherever it was left unplaced).
    import::AdminFound admin = import::take_admin(doc.intro, structure);
    for (auto& [key, value] : import::take_admin(doc.unplaced, structure).values) admin.values.emplace(key, value);
    write_admin(files, structure, admin, content_root, content_root / o.unit / kUnitFile, diags);
    // What the admin data and the title left of the cover: blank lines are no text to place.
    for (std::string* text : {&doc.intro, &doc.unplaced})
      if (trim(*text).empty()) text->clear();
    int placed = 0;
    std::vector<std::string> missing;
    std::string unplaced = doc.unplaced;
    for (auto& f : files) {
      const std::string name = f.path.filename().string();
      if (name == kIntroFile) {
        if (!doc.intro.empty()) f.text = recognise(doc.intro, structure);
        continue;
      }
      for (const auto* q : structure.questions()) {
        if (name != structure.part_slug(q->number) + ".md") continue;
        auto part = doc.parts.find(q->number);
        if (part == doc.parts.end() || part->second.empty()) {
          missing.push_back(name);
          break;
        }
        const std::string front = structure.has_text_labels() ? scaffold::yaml_quoted(q->label) : q->label;
        f.text = "---\n" + structure.part.name + ": " + front + "\n---\n\n" +
                 recognise(part->second, structure);
        ++placed;
      }
    }
    if (structure.intro_title.empty() && !doc.intro.empty()) unplaced = doc.intro + (unplaced.empty() ? "" : "\n" + unplaced);
    std::vector<NewFile> all;
    for (const auto& f : files) all.push_back({f.path, f.text, std::nullopt});
    if (!unplaced.empty()) all.push_back({folder / kUnplacedFile, unplaced, std::nullopt});
    all.insert(all.end(), images.begin(), images.end());
    targets.clear();
    for (const auto& f : all) targets.push_back(f.path);
    targets_are_new(targets, content_root, "kvalitet importera", diags);
    if (diags.list.error_count()) return fail();
    create_all(all);

    print_diagnostics(diags, style, out, err);
    if (style.quiet) return 0;
    std::ostream& people = people_stream(style, out, err);
    people << diags.t(Msg::kImportDone, {std::to_string(placed), std::to_string(structure.questions().size()), structure.part_plural(diags.lang),
                                         terminal_text(folder.generic_string())})
           << '\n';
    if (!missing.empty()) people << diags.t(Msg::kImportMissing, {join(missing, ", ")}) << '\n';
    if (!unplaced.empty()) people << diags.t(Msg::kImportUnplaced, {kUnplacedFile, structure.part_word(diags.lang)}) << '\n';
    people << diags.t(Msg::kImportNext, {terminal_text(content_root.generic_string())}) << '\n';
    return 0;
  } catch (const WriteError& e) {
    const std::string reason = e.op() == WriteError::Op::kRead ? diags.t(Msg::kReadFailedBecause, {write_error_reason(e.error(), diags)})
                                                               : write_error_reason(e.error(), diags);
    diags.error({e.path().generic_string(), 0, 0}, diags.t(Msg::kImportWriteFailed, {reason}), diags.t(Msg::kImportWriteFailedHint));
  } catch (const fs::filesystem_error& e) {
    diags.error({e.path1().generic_string(), 0, 0}, diags.t(Msg::kImportWriteFailed, {write_error_reason(e.code().value(), diags)}),
                diags.t(Msg::kImportWriteFailedHint));
  }
  return fail();
}

}  // namespace kv
