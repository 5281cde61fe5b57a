#include "kolada/written_indicators.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "load/content_names.h"
#include "load/content_path.h"
#include "load/markdown_file.h"
#include "load/source.h"
#include "model/vocabulary.h"
#include "util/text.h"
#include "validate/file_inventory.h"
#include "validate/site.h"

namespace kv::kolada {
namespace fs = std::filesystem;

namespace {

// An indikator block's YAML (text, its lines after file line open), if it names a KPI.
std::optional<WrittenIndicator> read_block(const std::string& text, int open) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
  if (!root.IsMap() || !root["kolada"] || !root["kolada"].IsScalar()) return std::nullopt;
  WrittenIndicator w;
  w.close_line = open + 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  for (const auto& entry : root) {
    if (!entry.first.IsScalar()) continue;
    const std::string key = entry.first.Scalar();
    const int line = open + 1 + entry.first.Mark().line;
    const std::string value = entry.second.IsScalar() ? std::string(trim(entry.second.Scalar())) : "";
    if (key == "kolada") {
      w.kpi = value;
      w.kpi_line = line;
    } else if (key == "indikator") {
      w.name = value;
    } else if (key == "enhet") {
      w.measure = value;
    } else if (key == "kolada_fyllt") {
      w.filled_line = line;
      if (entry.second.IsSequence())
        for (const auto& item : entry.second)
          if (item.IsScalar()) w.filled.push_back(item.Scalar());
    } else if (std::find(std::begin(kValueKeys), std::end(kValueKeys), key) != std::end(kValueKeys)) {
      w.values[key] = {value.empty() ? std::nullopt : parse_number(value), line};
    }
  }
  return w;
}

void collect_indicators(const std::vector<RawBlock>& blocks, std::vector<const RawBlock*>& out) {
  for (const auto& b : blocks) {
    if (b.kind == RawBlock::Kind::kData && b.name == "indikator") out.push_back(&b);
    collect_indicators(b.children, out);
  }
}

// The file's blocks as validation splits them (load/markdown_file.h), so a block is found here
// exactly when `check` reads it; the problems found in its Markdown and YAML are `check`'s to
// report.
void scan_file(const SourceFile& source, const std::string& unit, int year, std::vector<WrittenIndicator>& out) {
  Diagnostics ignored;
  const MarkdownFile markdown = split_front_matter(source, ignored);
  const std::vector<RawBlock> blocks =
      split_blocks(markdown, {model::container_names(), model::data_block_names()}, ignored);
  std::vector<const RawBlock*> indicators;
  collect_indicators(blocks, indicators);
  const auto lines = split_lines(source.text);
  for (const RawBlock* b : indicators)
    if (auto w = read_block(b->text, b->text_line_offset)) {
      // The lines the loader took the fence's indent off: new ones get it back.
      const std::string_view kpi = w->kpi_line >= 1 && w->kpi_line <= static_cast<int>(lines.size()) ? lines[w->kpi_line - 1] : "";
      w->indent = std::string(kpi.substr(0, kpi.find_first_not_of(' ')));
      w->file = source.path;
      w->unit_slug = unit;
      w->year = year;
      out.push_back(std::move(*w));
    }
}

}  // namespace

std::vector<WrittenIndicator> written_indicators(const fs::path& content_root, Diagnostics& diags) {
  std::vector<WrittenIndicator> out;
  const ContentRoot root(content_root);
  std::error_code ec;
  for (const auto& unit : content_subfolders(root, list_content_folder(content_root, diags), diags)) {
    if (!valid_slug(unit.filename().string())) continue;  // `check` names the folder; nothing in it is read
    const Entries unit_entries = list_content_folder(unit, diags);
    const fs::path unit_file = unit / kUnitFile;
    if (fs::exists(fs::symlink_status(unit_file, ec)))  // read for kolada: below, so through the same gate
      check_content_path(root, unit_file, unit_file.filename().string(), {unit_file.generic_string(), 0, 0}, diags);
    for (const auto& year_dir : content_subfolders(root, unit_entries, diags)) {
      const std::string name = year_dir.filename().string();
      const auto year = parse_integer(name);
      if (!year || name.size() != 4) continue;  // not a year: `check`'s to report, as validation skips it
      for (const auto& kind : content_subfolders(root, list_content_folder(year_dir, diags), diags)) {
        if (!valid_slug(kind.filename().string())) continue;
        for (const auto& entry : list_content_folder(kind, diags)) {
          const std::string file = entry.path().filename().string();
          if (file != kIntroFile && !is_part_file(entry)) continue;  // the Markdown files validation reads
          if (auto source = read_content_file(root, entry.path(), diags))
            scan_file(*source, unit.filename().string(), static_cast<int>(*year), out);
        }
      }
    }
  }
  return out;
}

namespace {
// One scalar of enhet.yaml, or "" (a file check reports on is no concern here).
std::string unit_field(const fs::path& content_root, const std::string& unit_slug, const char* key) {
  Diagnostics ignored;
  const auto source = read_content_file(ContentRoot(content_root), content_root / unit_slug / kUnitFile, ignored);
  if (!source) return "";
  try {
    const YAML::Node root = YAML::Load(source->text);
    if (root.IsMap() && root[key] && root[key].IsScalar()) return std::string(trim(root[key].Scalar()));
  } catch (const YAML::Exception&) {
  }
  return "";
}
}  // namespace

std::string unit_kolada_id(const fs::path& content_root, const std::string& unit_slug) {
  return unit_field(content_root, unit_slug, "kolada");
}

std::string unit_name(const fs::path& content_root, const std::string& unit_slug) {
  return unit_field(content_root, unit_slug, "namn");
}

}  // namespace kv::kolada
