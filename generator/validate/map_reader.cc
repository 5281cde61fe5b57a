#include "validate/map_reader.h"

#include <algorithm>
#include <set>

#include "load/yaml_errors.h"
#include "util/limits.h"
#include "markdown/markdown.h"
#include "util/text.h"

namespace kv {

MapReader::MapReader(const YAML::Node& node, const YamlOrigin& origin, Diagnostics& diagnostics, std::vector<std::string> keys)
    : node_(node), origin_(origin), diagnostics_(diagnostics) {
  is_map_ = node.IsMap();
  if (!is_map_) {
    diagnostics_.error(position(node, origin_), diagnostics_.t(Msg::kExpectedMapping), diagnostics_.t(Msg::kExpectedMappingHint));
    return;
  }
  std::set<std::string> seen;
  std::vector<std::string_view> lines;  // of the YAML text, split when a key needs them
  for (const auto& entry : node) {
    const YAML::Node& key_node = entry.first;
    std::string key = key_node.IsScalar() ? key_node.Scalar() : std::string("?");
    if (!seen.insert(key).second) {
      diagnostics_.error(position(key_node, origin_), diagnostics_.t(Msg::kDuplicateKey, {key}), diagnostics_.t(Msg::kDuplicateKeyHint));
    } else if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      // A line of a text above ("analys: >") that is not indented under it: YAML read it as a
      // key (load/yaml_errors.h tells text from a misspelt key).
      if (key_node.IsScalar() && key_node.Mark().line >= 0) {
        if (lines.empty()) lines = split_lines(origin_.text);
        if (auto text_line = unindented_text_line(lines, key_node.Mark().line)) {
          // yaml-cpp may mark a key of several such lines at its last: the first is the one.
          SourcePos at = position(key_node, origin_);
          at.line -= key_node.Mark().line - text_line->first_line;
          diagnostics_.error(at, diagnostics_.t(Msg::kTextLineNotIndented, {text_line->key}),
                             diagnostics_.t(Msg::kTextLineNotIndentedHint, {std::to_string(text_line->spaces)}));
          unindented_.push_back(text_line->key);  // its text is not also "empty"
          continue;
        }
      }
      // "förvaltning Provstaden" with no colon is read as one key without a value.
      const std::string first_word = key.substr(0, key.find(' '));
      if (first_word != key && entry.second.IsNull() && std::find(keys.begin(), keys.end(), first_word) != keys.end()) {
        diagnostics_.error(position(key_node, origin_), diagnostics_.t(Msg::kYamlMissingColon),
                      diagnostics_.t(Msg::kYamlMissingColonHint, {first_word + ": " + std::string(trim(key.substr(first_word.size())))}));
        suggested_.push_back(first_word);
        continue;
      }
      diagnostics_.error(position(key_node, origin_), diagnostics_.t(Msg::kUnknownKey, {key}), diagnostics_.suggest(key, keys));
      suggested_.push_back(closest_match(key, keys));
    }
  }
}

bool MapReader::has(const std::string& key) const {
  if (!is_map_) return false;
  for (const auto& entry : node_)
    if (entry.first.IsScalar() && entry.first.Scalar() == key) return !entry.second.IsNull();
  return false;
}

YAML::Node MapReader::get(const std::string& key) const {
  if (!is_map_) return YAML::Node();
  for (const auto& entry : node_)
    if (entry.first.IsScalar() && entry.first.Scalar() == key) return entry.second;
  return YAML::Node();
}

SourcePos MapReader::pos(const std::string& key) const {
  if (is_map_) {
    for (const auto& entry : node_)
      if (entry.first.IsScalar() && entry.first.Scalar() == key)
        return position(entry.second.IsNull() ? entry.first : entry.second, origin_);
  }
  return position(node_, origin_);
}

std::string integer_example(const std::string& key) {
  if (key == "år" || key == "year") return "2018";
  if (key == "max_sidor") return "40";
  if (key == "nr" || key == "fråga" || key == "avsnitt" || key == "inriktningsmål") return "3";
  return "19";
}

void MapReader::missing(const std::string& key) {
  // A misspelt key was already reported with this key as the suggestion: one error is enough.
  if (std::find(suggested_.begin(), suggested_.end(), key) != suggested_.end()) return;
  // "key:" with nothing after it (as `kvalitet ny` writes it) is there but not filled in.
  bool present = false;
  for (const auto& entry : node_) present = present || (entry.first.IsScalar() && entry.first.Scalar() == key);
  if (present)
    diagnostics_.not_yet(pos(key), diagnostics_.t(Msg::kValueNotFilledIn, {key}), diagnostics_.t(Msg::kValueNotFilledInHint, {key}));
  else
    diagnostics_.error(pos(key), diagnostics_.t(Msg::kMissingKey, {key}), diagnostics_.t(Msg::kMissingKeyHint, {key}));
}

std::optional<std::string> MapReader::scalar(const std::string& key, Need need) {
  if (!is_map_) return std::nullopt;
  if (!has(key)) {
    if (need == Need::kRequired) missing(key);
    return std::nullopt;
  }
  return read_text(get(key), key, origin_, diagnostics_);
}

std::optional<std::string> MapReader::name(const std::string& key, Need need) {
  if (!is_map_) return std::nullopt;
  if (!has(key)) {
    if (need == Need::kRequired) missing(key);
    return std::nullopt;
  }
  auto value = read_text(get(key), key, origin_, diagnostics_, limits::kNameChars);
  if (value && trim(*value).empty()) {
    if (std::find(unindented_.begin(), unindented_.end(), key) != unindented_.end()) return std::nullopt;
    diagnostics_.error(pos(key), diagnostics_.t(Msg::kEmptyValue, {key}), diagnostics_.t(Msg::kEmptyValueHint));
    return std::nullopt;
  }
  if (value) return std::string(trim(*value));
  return value;
}

std::optional<std::string> MapReader::text(const std::string& key, Need need) {
  auto value = scalar(key, need);
  if (value && trim(*value).empty()) {
    if (std::find(unindented_.begin(), unindented_.end(), key) != unindented_.end()) return std::nullopt;
    diagnostics_.error(pos(key), diagnostics_.t(Msg::kEmptyValue, {key}), diagnostics_.t(Msg::kEmptyValueHint));
    return std::nullopt;
  }
  if (value) return std::string(trim(*value));
  return value;
}

std::optional<double> MapReader::number(const std::string& key, Need need) {
  if (!is_map_) return std::nullopt;
  if (!has(key)) {
    if (need == Need::kRequired) missing(key);
    return std::nullopt;
  }
  return read_number(get(key), key, origin_, diagnostics_);
}

std::optional<double> MapReader::percent(const std::string& key, Need need) {
  auto value = number(key, need);
  if (value && (*value < 0 || *value > 100)) {
    diagnostics_.error(pos(key), diagnostics_.t(Msg::kPercentRange, {key, get(key).Scalar()}), diagnostics_.t(Msg::kPercentRangeHint));
    return std::nullopt;
  }
  return value;
}

std::optional<long long> MapReader::integer(const std::string& key, Need need) {
  auto value = scalar(key, need);
  if (!value) return std::nullopt;
  auto parsed = parse_whole_number(*value);
  if (!parsed)
    diagnostics_.error(pos(key), diagnostics_.t(Msg::kNotInteger, {key, *value}),
                       not_number_hint(*value, true, diagnostics_.t(Msg::kNotIntegerExampleHint, {integer_example(key)}), diagnostics_));
  return parsed;
}

std::optional<bool> MapReader::boolean(const std::string& key) {
  auto value = scalar(key, Need::kOptional);
  if (!value) return std::nullopt;
  std::string v = fold_case(*value);
  if (v == "true" || v == "ja" || v == "yes") return true;
  if (v == "false" || v == "nej" || v == "no") return false;
  diagnostics_.error(pos(key), diagnostics_.t(Msg::kNotBoolean, {key, *value}), diagnostics_.t(Msg::kNotBooleanHint));
  return std::nullopt;
}

std::vector<YAML::Node> MapReader::list(const std::string& key, Need need) {
  std::vector<YAML::Node> items;
  if (!is_map_) return items;
  if (!has(key)) {
    if (need == Need::kRequired) missing(key);
    return items;
  }
  YAML::Node value = get(key);
  if (!value.IsSequence()) {
    diagnostics_.error(pos(key), diagnostics_.t(Msg::kExpectedList, {key}), diagnostics_.t(Msg::kExpectedListHint));
    return items;
  }
  for (const auto& item : value) items.push_back(item);
  return items;
}

std::optional<std::string> read_text(const YAML::Node& node, const std::string& what, const YamlOrigin& origin,
                                     Diagnostics& diagnostics, size_t max_chars) {
  if (!node.IsScalar()) {
    diagnostics.error(position(node, origin), diagnostics.t(Msg::kExpectedText, {what}), diagnostics.t(Msg::kExpectedTextHint));
    return std::nullopt;
  }
  // The file itself was checked when read, but YAML escapes ("\r", "\x0B", "\uD800") can
  // still produce characters that end a CSS string, break a workbook or move the cursor.
  const std::string& value = node.Scalar();
  if (find_invalid_utf8(value)) {
    diagnostics.error(position(node, origin), diagnostics.t(Msg::kValueInvalidUtf8), diagnostics.t(Msg::kValueInvalidUtf8Hint));
    return std::nullopt;
  }
  for (size_t i = 0; i < value.size();) {
    const char32_t c = decode_utf8(value, i);
    if (is_control_character(c) && c != '\t' && c != '\n') {
      diagnostics.error(position(node, origin), diagnostics.t(Msg::kValueControlCharacter, {code_point_name(c)}),
                   diagnostics.t(Msg::kControlCharacterHint));
      return std::nullopt;
    }
  }
  if (size_t length = utf8_length(value); length > max_chars) {
    diagnostics.error(position(node, origin), diagnostics.t(Msg::kValueTooLong, {group_digits(length), group_digits(max_chars)}),
                 diagnostics.t(Msg::kValueTooLongHint));
    return std::nullopt;
  }
  // Texts may be Markdown: the same table and image rules as for prose (validate/blocks.cc).
  if (auto table = markdown::widest_table(value); table.columns > limits::kTableColumns) {
    diagnostics.error(position(node, origin),
                 diagnostics.t(Msg::kTableTooWide, {std::to_string(table.columns), std::to_string(limits::kTableColumns)}),
                 diagnostics.t(Msg::kTableTooWideHint));
    return std::nullopt;
  }
  if (value.find("![") != std::string::npos)
    for (const auto& image : markdown::find_images(value))
      if (markdown::is_remote_url(image.url)) {
        diagnostics.error(position(node, origin), diagnostics.t(Msg::kRemoteImage, {image.url}), diagnostics.t(Msg::kRemoteImageHint));
        return std::nullopt;
      }
  return value;
}

std::optional<double> read_number(const YAML::Node& node, const std::string& what, const YamlOrigin& origin,
                                  Diagnostics& diagnostics) {
  auto value = read_text(node, what, origin, diagnostics);
  if (!value) return std::nullopt;
  auto parsed = parse_number(*value);
  if (!parsed)
    diagnostics.error(position(node, origin), diagnostics.t(Msg::kNotNumber, {what, *value}),
                      not_number_hint(*value, false, diagnostics.t(Msg::kNotNumberHint), diagnostics));
  return parsed;
}

std::string not_number_hint(const std::string& value, bool whole, std::string otherwise, const Diagnostics& diagnostics) {
  std::string_view v = trim(value);
  if (v.empty() || v.back() != '%') return otherwise;
  const std::string bare(trim(v.substr(0, v.size() - 1)));
  if (whole ? !parse_integer(bare) : !parse_number(bare)) return otherwise;
  return diagnostics.t(Msg::kNumberWithPercentHint, {bare});
}

std::optional<std::string> MapReader::choice(const std::string& key, const std::vector<std::string>& options,
                                             Need need) {
  auto value = text(key, need);
  if (!value) return std::nullopt;
  std::string folded = fold_case(*value);
  if (std::find(options.begin(), options.end(), folded) != options.end()) return folded;
  std::string near = closest_match(folded, options), list;
  for (const auto& o : options) list += (list.empty() ? "" : ", ") + o;
  diagnostics_.error(pos(key), diagnostics_.t(Msg::kBadChoice, {*value, key}),
                near.empty() ? diagnostics_.t(Msg::kBadChoiceHint, {list}) : diagnostics_.t(Msg::kDidYouMean, {near}));
  return std::nullopt;
}

}  // namespace kv
