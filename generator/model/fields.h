// The fields of the content model's YAML, as data: every data block (```mål … ```) and the
// files site.yaml and enhet.yaml. One table serves three readers, so they cannot drift apart:
// the validators take their allowed keys from it, `kvalitet schema` writes JSON Schema from it
// and `kvalitet ny` writes empty skeletons with a comment per field from it.
// The validators still decide everything finer (ranges that depend on other fields, city data
// in the structure); tests/schema_test.cc checks that table and validators agree.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "i18n/messages.h"

namespace kv::model {

enum class FieldType {
  kText,         // any non-empty text
  kName,         // a text shown on every page: at most limits::kNameChars characters
  kNumber,       // decimal point or Swedish comma ("277,76")
  kPercent,      // a number 0–100
  kInteger,      // digits only
  kYear,         // 1900–2200
  kBoolean,      // ja/nej, true/false, yes/no
  kDate,         // ISO date, 2024-01-31
  kMonthDate,    // 2007-10 or 2007-10-01 (a plan's date may be a month)
  kChoice,       // one of FieldSpec::choices
  kNumberOrText, // a number or a text ("Max 10 personer")
  kTextOrList,   // a text or a list of texts
  kTextList,     // a list of texts
  kPeriod,       // "2024", "T1 2024", "VB 2024"
  kKfGoal,       // a KF goal's number from the structure, "1.4"
  kAgendaGoal,   // 1–17
  kEmail,
  kPhone,
  kUrl,          // http:// or https://
  kList,         // a list of mappings with FieldSpec::fields
  kMapping,      // a mapping with FieldSpec::fields
  kNumberMap,    // a mapping of free names to numbers (delindex)
};

struct FieldSpec {
  std::string key;
  FieldType type = FieldType::kText;
  bool required = false;
  Msg description;                    // what to write, in the author's words
  std::string example;                // a valid YAML value (one line), for tests and schema examples
  std::vector<std::string> choices;   // kChoice
  std::vector<FieldSpec> fields;      // kList (per item), kMapping
  long long min = 0, max = 0;         // kInteger, kTextList of years: the allowed range when max > 0
  // A rule of the field's own that its validator applies to the text (kolada: U21468), as an
  // ECMAScript pattern; the schema uses it instead of the type's pattern (for a list: its items').
  std::string pattern = {};
  bool non_negative = false;          // kNumber: a count, never below 0
};

// How a data block's keys are given: a fixed list, the months of the year (årshjul), or the
// principles of the structure's quality programme (principer).
enum class BlockShape { kFields, kMonths, kPrinciples };

struct BlockSpec {
  std::string name;  // as in ```name
  Msg description;
  BlockShape shape = BlockShape::kFields;
  std::vector<FieldSpec> fields;
};

// Every data block, in the order of model::data_block_names().
const std::vector<BlockSpec>& data_block_specs();
// nullptr for a name that is not a data block.
const BlockSpec* find_block_spec(std::string_view name);

// The fields of site.yaml (with tillgänglighet as a kMapping) and of enhet.yaml.
const std::vector<FieldSpec>& site_fields();
// The keys every inlamning.yaml may have besides struktur: and its structure's fields: the
// document's state (status: utkast | inlämnad) and the date it was submitted.
const std::vector<FieldSpec>& submission_state_fields();
inline constexpr const char* kDraftWord = "utkast";
inline constexpr const char* kSubmittedWord = "inlämnad";
const std::vector<FieldSpec>& unit_fields();

// The keys of a list of fields, for MapReader.
std::vector<std::string> keys_of(const std::vector<FieldSpec>& fields);
// The fields under a path of keys: {} is the block itself, {"rader"} the items of its list
// "rader". Throws std::logic_error for a path the table lacks (a programming error).
const std::vector<FieldSpec>& fields_at(const std::vector<FieldSpec>& top, std::initializer_list<std::string_view> path);
// block_keys("enkät") → {"fråga", "rader"}; block_keys("enkät", {"rader"}) → the row keys.
std::vector<std::string> block_keys(std::string_view block, std::initializer_list<std::string_view> path = {});

}  // namespace kv::model
