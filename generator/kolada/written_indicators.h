// The indikator blocks that name a Kolada KPI (kolada: U21468), read as written rather than
// through validation: `kvalitet kolada` fills in values an author left out, which validation
// would refuse, and must change nothing but the lines it adds.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"

namespace kv::kolada {

// The figures Kolada gives by gender, as the block's keys name them.
inline constexpr const char* kValueKeys[] = {"utfall", "kvinnor", "män"};

struct WrittenValue {
  std::optional<double> value;  // nullopt: not written (or empty)
  int line = 0;                 // its line in the file (1-based); 0 when not written
};

struct WrittenIndicator {
  std::filesystem::path file;
  std::string unit_slug;
  int year = 0;
  std::string name, measure;  // indikator:, enhet: (%, antal, …)
  std::string kpi;            // kolada:
  int kpi_line = 0;
  int close_line = 0;         // the block's closing fence (1-based): new lines go before it
  std::string indent;         // before each of the block's keys in the file (an indented fence's)
  std::map<std::string, WrittenValue> values;  // by key in kValueKeys
  int filled_line = 0;                    // kolada_fyllt: (0: none)
  std::vector<std::string> filled;        // the keys it lists
};

// Every such block under content_root/<enhet>/<år>/<slag>/*.md, by file and line, found by
// the walk validation makes (the same folders entered, the same files read, each through the
// content boundary of load/content_path.h): a file or folder that leads out of the content
// folder, a FIFO, a file too large or not UTF-8 is reported into diags exactly as `check`
// reports it, never skipped in silence. Blocks whose YAML cannot be read are left to `check`.
std::vector<WrittenIndicator> written_indicators(const std::filesystem::path& content_root, Diagnostics& diags);

// enhet.yaml's kolada: (the unit's id in Kolada), or "". The file is read only when it lies
// inside the content folder (the walk above reported it otherwise).
std::string unit_kolada_id(const std::filesystem::path& content_root, const std::string& unit_slug);
// enhet.yaml's namn:, or "".
std::string unit_name(const std::filesystem::path& content_root, const std::string& unit_slug);

}  // namespace kv::kolada
