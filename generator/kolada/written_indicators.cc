#include "kolada/written_indicators.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "load/markdown_file.h"
#include "model/vocabulary.h"
#include "util/text.h"
#include "write/files.h"

namespace kv::kolada {
namespace fs = std::filesystem;

namespace {

// An indikator block's YAML (text, its opening fence on line open), if it names a KPI.
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
// exactly when `check` reads it; the problems found on the way are `check`'s to report.
void scan_file(const fs::path& file, const std::string& unit, int year, std::vector<WrittenIndicator>& out) {
  Diagnostics ignored;
  SourceFile source{file.generic_string(), ""};
  try {
    source.text = read_file(file);
  } catch (const std::exception&) {
    return;
  }
  const MarkdownFile markdown = split_front_matter(source, ignored);
  const std::vector<RawBlock> blocks =
      split_blocks(markdown, {model::container_names(), model::data_block_names()}, ignored);
  std::vector<const RawBlock*> indicators;
  collect_indicators(blocks, indicators);
  for (const RawBlock* b : indicators)
    if (auto w = read_block(b->text, b->line)) {
      w->file = file;
      w->unit_slug = unit;
      w->year = year;
      out.push_back(std::move(*w));
    }
}

std::vector<fs::path> sorted_entries(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (!name.empty() && name[0] != '.' && name[0] != '_' && !fs::is_symlink(e.symlink_status())) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::vector<WrittenIndicator> written_indicators(const fs::path& content_root) {
  std::vector<WrittenIndicator> out;
  for (const auto& unit : sorted_entries(content_root)) {
    if (!fs::is_directory(unit)) continue;
    for (const auto& year_dir : sorted_entries(unit)) {
      const auto year = parse_integer(year_dir.filename().string());
      if (!year || !fs::is_directory(year_dir)) continue;
      for (const auto& kind : sorted_entries(year_dir))
        for (const auto& file : sorted_entries(kind))
          if (file.extension() == ".md") scan_file(file, unit.filename().string(), static_cast<int>(*year), out);
    }
  }
  return out;
}

namespace {
// One scalar of enhet.yaml, or "" (a file check reports on is no concern here).
std::string unit_field(const fs::path& content_root, const std::string& unit_slug, const char* key) {
  try {
    const YAML::Node root = YAML::LoadFile((content_root / unit_slug / "enhet.yaml").string());
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
