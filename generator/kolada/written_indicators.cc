#include "kolada/written_indicators.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "util/text.h"
#include "write/files.h"

namespace kv::kolada {
namespace fs = std::filesystem;

namespace {

bool is_fence(std::string_view line, std::string_view info) {
  line = trim(line);
  return starts_with(line, "```") && trim(line.substr(3)) == info;
}

// The block between lines open and close (0-based, exclusive) of lines, if it names a KPI.
std::optional<WrittenIndicator> read_block(const std::vector<std::string>& lines, size_t open, size_t close) {
  std::string yaml;
  for (size_t i = open + 1; i < close; ++i) yaml += lines[i] + "\n";
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
  if (!root.IsMap() || !root["kolada"] || !root["kolada"].IsScalar()) return std::nullopt;
  WrittenIndicator w;
  w.close_line = static_cast<int>(close) + 1;
  for (const auto& entry : root) {
    if (!entry.first.IsScalar()) continue;
    const std::string key = entry.first.Scalar();
    const int line = static_cast<int>(open) + 2 + entry.first.Mark().line;
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

void scan_file(const fs::path& file, const std::string& unit, int year, std::vector<WrittenIndicator>& out) {
  std::vector<std::string> lines;
  try {
    const std::string text = read_file(file);
    for (auto line : split_lines(text)) lines.emplace_back(line);
  } catch (const std::exception&) {
    return;  // `check` reports a file it cannot read
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!is_fence(lines[i], "indikator")) continue;
    size_t close = i + 1;
    while (close < lines.size() && !is_fence(lines[close], "")) ++close;
    if (close == lines.size()) return;
    if (auto w = read_block(lines, i, close)) {
      w->file = file;
      w->unit_slug = unit;
      w->year = year;
      out.push_back(std::move(*w));
    }
    i = close;
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

std::string unit_kolada_id(const fs::path& content_root, const std::string& unit_slug) {
  try {
    const YAML::Node root = YAML::LoadFile((content_root / unit_slug / "enhet.yaml").string());
    if (root.IsMap() && root["kolada"] && root["kolada"].IsScalar()) return std::string(trim(root["kolada"].Scalar()));
  } catch (const YAML::Exception&) {
  }
  return "";
}

}  // namespace kv::kolada
