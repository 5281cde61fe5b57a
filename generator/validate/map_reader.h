// Reads one YAML mapping against a fixed set of keys, reporting everything that is wrong:
// not a mapping, unknown keys (with "did you mean"), duplicated keys, missing required keys,
// values of the wrong type. Accessors return nullopt for absent or bad values, so callers
// can go on and collect further problems.
#pragma once
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "util/limits.h"
#include "load/yaml.h"

namespace kv {

class MapReader {
 public:
  MapReader(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics, std::vector<std::string> keys);

  bool is_map() const { return is_map_; }
  bool has(const std::string& key) const;
  YAML::Node get(const std::string& key) const;
  SourcePos pos(const std::string& key) const;  // of the value, or of the mapping when absent

  enum class Need { kOptional, kRequired };
  std::optional<std::string> text(const std::string& key, Need need);
  // A text repeated on every page (a unit's name, a site title): at most limits::kNameChars.
  std::optional<std::string> name(const std::string& key, Need need);
  std::optional<double> number(const std::string& key, Need need);
  std::optional<long long> integer(const std::string& key, Need need);
  std::optional<double> percent(const std::string& key, Need need);
  std::optional<bool> boolean(const std::string& key);
  // A value that must be one of a fixed list of words (compared case-insensitively);
  // returns the folded word. A wrong word is reported with "did you mean" or the list.
  std::optional<std::string> choice(const std::string& key, const std::vector<std::string>& options, Need need);
  // A list; reports a non-list. Absent (optional) gives an empty list.
  std::vector<YAML::Node> list(const std::string& key, Need need);

  const YamlOrigin& origin() const { return origin_; }
  Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  void missing(const std::string& key);
  std::optional<std::string> scalar(const std::string& key, Need need);

  YAML::Node node_;
  std::vector<std::string> suggested_;  // keys offered as "did you mean" for unknown ones
  std::vector<std::string> unindented_;  // keys whose text has a line reported not indented
  YamlOrigin origin_;
  Diagnostics& diagnostics_;
  bool is_map_ = false;
};

// An example whole number that fits the field: a year for år, a small number for nr.
std::string integer_example(const std::string& key);

// The hint for a value that is not a number: "write the number without the % sign: 83" for
// "83 %" (a whole number when whole), else otherwise.
std::string not_number_hint(const std::string& value, bool whole, std::string otherwise, const Diagnostics& diagnostics);

// Reads a scalar node as a number (decimal point or Swedish comma); reports what it got.
std::optional<double> read_number(const YAML::Node& node, const std::string& what, const YamlOrigin& origin,
                                  Diagnostics& diagnostics);
// Reads a scalar or block scalar as text; reports a list or mapping in its place, invalid
// UTF-8 or a control character (but tab and newline) produced by a YAML escape, and a text
// longer than max_chars characters.
std::optional<std::string> read_text(const YAML::Node& node, const std::string& what, const YamlOrigin& origin,
                                     Diagnostics& diagnostics, size_t max_chars = limits::kValueChars);

}  // namespace kv
