#include "schema/json_schema.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <regex>

#include "util/limits.h"
#include "model/vocabulary.h"
#include "scaffold/skeleton.h"
#include "util/text.h"
#include "validate/data_blocks.h"

namespace kv::schema {
namespace {

using model::FieldType;

// What kvalitet's readers accept, as patterns: the same rules as the validators' code, so that
// the schema accepts a value exactly when `kvalitet check` does (tests/schema_agrees_with_check.py
// holds both to that). A pattern applies to strings only: a YAML number or boolean is judged by
// "type", "minimum" and "maximum". Values are trimmed of spaces, tabs and line breaks first
// (util/text.h trim), hence kWs at both ends.
constexpr const char* kWs = "[ \\t\\r\\n]*";
// Spaces and non-breaking spaces that parse_number takes as thousands separators.
constexpr const char* kGap = "[ \\u00A0]*";
// A text (read_text): no control character but tab and line feed, and, unless blank is allowed,
// one character that is neither a space nor a line break.
constexpr const char* kNoControl = "[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]";
constexpr const char* kNonBlank = "[^\\u0000-\\u0020\\u007F-\\u009F]";
constexpr const char* kBooleanPattern = "^([Jj][Aa]|[Nn][Ee][Jj]|[Yy][Ee][Ss]|[Nn][Oo]|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$";
// An ISO date that exists (valid_iso_date): the days of each month, 29 February in leap years.
constexpr const char* kMonthDay = "(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)";
constexpr const char* kLeapYear = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)";
// A plan's year (model::parse_plan_date): 1900–2200; leap years among them.
constexpr const char* kPlanYear = "(?:19[0-9]{2}|2[01][0-9]{2}|2200)";
constexpr const char* kPlanLeapYear = "(?:(?:19|20|21)(?:0[48]|[2468][048]|[13579][26])|2000)";

std::string whole(const std::string& inner) { return std::string("^") + kWs + "(?:" + inner + ")" + kWs + "$"; }

std::string text_pattern(bool blank_allowed) {
  if (blank_allowed) return std::string("^") + kNoControl + "*$";
  return std::string("^") + kNoControl + "*" + kNonBlank + kNoControl + "*$";
}

// The digit strings (without leading zeros, each digit followed by kGap) of the numbers lo–hi.
std::string digit_range(const std::string& lo, const std::string& hi) {
  const std::string gap = kGap;
  if (lo.size() == 1) return "[" + lo + "-" + hi + "]" + gap;
  if (lo[0] == hi[0]) return std::string(1, lo[0]) + gap + "(?:" + digit_range(lo.substr(1), hi.substr(1)) + ")";
  const size_t rest = lo.size() - 1;
  std::string out = std::string(1, lo[0]) + gap + "(?:" + digit_range(lo.substr(1), std::string(rest, '9')) + ")";
  if (hi[0] - lo[0] > 1) {
    out += "|[" + std::string(1, static_cast<char>(lo[0] + 1)) + "-" + std::string(1, static_cast<char>(hi[0] - 1)) + "]" + gap;
    for (size_t i = 0; i < rest; ++i) out += "[0-9]" + gap;
  }
  out += "|" + std::string(1, hi[0]) + gap + "(?:" + digit_range(std::string(rest, '0'), hi.substr(1)) + ")";
  return out;
}

std::string number_range(long long lo, long long hi) {
  std::string out;
  for (long long from = lo; from <= hi;) {
    long long top = 9;
    while (top < from) top = top * 10 + 9;
    const long long to = std::min(top, hi);
    out += (out.empty() ? "" : "|") + std::string("(?:") + digit_range(std::to_string(from), std::to_string(to)) + ")";
    from = to + 1;
  }
  return out;
}

// A number as parse_number reads it; counts (non_negative) have no minus sign but for zero.
std::string number_pattern(bool non_negative) {
  const std::string body = "[0-9][0-9 \\u00A0]*(?:[.,][0-9]+)?";
  if (!non_negative) return whole("[+-]?" + body);
  return whole("\\+?" + body + "|-0[0 \\u00A0]*(?:[.,]0+)?");
}

// A whole number lo–hi as parse_whole_number reads it: leading zeros, thousands separators and
// a decimal part of zeros allowed ("1 140", "+37", "37,0").
std::string whole_number_pattern(long long lo, long long hi) {
  const std::string gap = kGap;
  const std::string digits = hi > 0 ? "(?:0" + gap + ")*(?:" + number_range(lo, hi) + ")" : "[0-9][0-9 \\u00A0]*";
  std::string out = "\\+?" + digits + "(?:[.,]0+)?";
  if (lo == 0) out += "|-0[0 \\u00A0]*(?:[.,]0+)?";
  return whole(out);
}

// A percentage 0–100 as MapReader::percent reads it.
std::string percent_pattern() {
  const std::string gap = kGap;
  return whole("\\+?(?:0" + gap + ")*(?:(?:" + number_range(0, 99) + ")(?:[.,][0-9]+)?|(?:" + number_range(100, 100) +
               ")(?:[.,]0+)?)|-0[0 \\u00A0]*(?:[.,]0+)?");
}

// A word in any case, as fold_case compares: ASCII letters and å, ä, ö, é either way.
std::string case_insensitive(const std::string& word) {
  static const std::vector<std::pair<std::string, std::string>> swedish = {{"å", "Å"}, {"ä", "Ä"}, {"ö", "Ö"}, {"é", "É"}};
  const std::string folded = fold_case(word);
  std::string out;
  for (size_t i = 0; i < folded.size();) {
    const char c = folded[i];
    if (std::isalpha(static_cast<unsigned char>(c))) {
      out += std::string("[") + c + static_cast<char>(std::toupper(static_cast<unsigned char>(c))) + "]";
      ++i;
      continue;
    }
    bool done = false;
    for (const auto& [lower, upper] : swedish)
      if (folded.compare(i, lower.size(), lower) == 0) {
        out += "[" + lower + upper + "]";
        i += lower.size();
        done = true;
        break;
      }
    if (done) continue;
    if (std::string_view("\\^$.|?*+()[]{}/-").find(c) != std::string_view::npos) out += '\\';
    out += c;
    ++i;
  }
  return out;
}

std::string choice_pattern(const std::vector<std::string>& choices) {
  std::string alternatives;
  for (const auto& c : choices) alternatives += (alternatives.empty() ? "" : "|") + case_insensitive(c);
  return whole(alternatives);
}

std::string date_pattern() {
  return whole(std::string("[0-9]{4}-") + kMonthDay + "|" + kLeapYear + "-02-29");
}

std::string month_date_pattern() {
  return whole(std::string(kPlanYear) + "-(?:0[1-9]|1[0-2])|" + kPlanYear + "-" + kMonthDay + "|" + kPlanLeapYear + "-02-29");
}

// valid_admin_value("e-post"): one @, not first; a dot after it, not right after it nor last.
std::string email_pattern() {
  const std::string c = "[^@ \\t,;<>]", d = "[^@ \\t,;<>.]";
  return whole(c + "+@" + d + c + "*\\." + c + "*" + d);
}

// valid_admin_value("telefon"): 7–15 digits, spaces, hyphens, brackets, a leading +.
std::string phone_pattern() {
  return std::string("^") + kWs + "(?=(?:[^0-9]*[0-9]){7,15}[^0-9]*$)\\+?[0-9 ()-]*" + kWs + "$";
}

// valid_admin_value("url"): http:// or https:// and more, no space, tab, <, > or ".
std::string url_pattern() { return whole("https://[^ \\t<>\"]+|http://[^ \\t<>\"]{2,}"); }

// "2024", "T1 2024", "VB 2024", "Helår 2024" in any case (period_matches); the year must be the
// document's, which the schema cannot know.
std::string period_pattern() {
  return whole("(?:(?:" + case_insensitive("t1") + "|" + case_insensitive("t2") + "|" + case_insensitive("t3") + "|" +
               case_insensitive("vb") + "|" + case_insensitive("helår") + ") )?[0-9]{4}");
}

Json types(std::initializer_list<const char*> names) {
  Json list = Json::array();
  for (const char* n : names) list.push_back(n);
  return list.size() == 1 ? list[0] : list;
}

// A YAML value as an editor's YAML 1.2 parser reads it: plain scalars that look like numbers
// or true/false are numbers and booleans, quoted ones stay strings.
Json yaml_to_json(const YAML::Node& node) {
  if (!node || node.IsNull()) return nullptr;
  if (node.IsSequence()) {
    Json list = Json::array();
    for (const auto& item : node) list.push_back(yaml_to_json(item));
    return list;
  }
  if (node.IsMap()) {
    Json object = Json::object();
    for (const auto& e : node) object[e.first.Scalar()] = yaml_to_json(e.second);
    return object;
  }
  const std::string& s = node.Scalar();
  if (node.Tag() == "?") {
    static const std::regex integer("[-+]?[0-9]+"), real("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    if (std::regex_match(s, integer)) return std::stoll(s);
    if (std::regex_match(s, real)) return std::stod(s);
    if (s == "true" || s == "false") return s == "true";
  }
  return s;
}

Json example(const std::string& yaml) {
  try {
    return yaml_to_json(YAML::Load(yaml));
  } catch (const YAML::Exception&) {
    return yaml;
  }
}

// An optional field may be written empty ("män:"), which kvalitet reads as absent.
void allow_null(Json& schema) {
  if (schema.contains("enum")) {
    schema["enum"].push_back(nullptr);
  } else if (schema.contains("anyOf")) {
    schema["anyOf"].push_back({{"type", "null"}});
  } else if (schema.contains("type")) {
    Json& t = schema["type"];
    if (t.is_string()) t = Json::array({t, "null"});
    else t.push_back("null");
  }
}

// Any scalar is a text to kvalitet (it reads the characters as written): a YAML number or
// true/false too.
Json text_schema(bool blank_allowed = false, size_t max_chars = limits::kValueChars) {
  return {{"type", types({"string", "number", "boolean"})}, {"pattern", text_pattern(blank_allowed)}, {"maxLength", max_chars}};
}

// A whole number lo–hi (hi 0: no upper bound but kMaxWholeNumber), as a number or a string.
Json whole_number_schema(long long lo, long long hi) {
  return {{"type", types({"integer", "string"})},
          {"pattern", whole_number_pattern(lo, hi)},
          {"minimum", lo},
          {"maximum", hi > 0 ? hi : kMaxWholeNumber}};
}

Json object_schema(const std::vector<model::FieldSpec>& fields, Lang lang) {
  Json properties = Json::object(), required = Json::array();
  for (const auto& f : fields) {
    properties[f.key] = field_schema(f, lang);
    if (f.required) required.push_back(f.key);
  }
  Json schema = {{"type", "object"}, {"properties", properties}};
  if (!required.empty()) schema["required"] = required;
  schema["additionalProperties"] = false;
  return schema;
}

Json base(Json schema, const std::string& title, const std::string& description) {
  Json root = {{"$schema", kDraft}, {"title", title}};
  if (!description.empty()) root["description"] = description;
  root.update(schema);
  return root;
}

Json typed(FieldType type, const model::FieldSpec& field, Lang lang) {
  const bool own = !field.pattern.empty();
  switch (type) {
    case FieldType::kText: {
      // An id with a pattern (a KPI, a Kolada unit) is a string: a YAML number or boolean there
      // is rejected by check too (37, true), and a code such as "0180" is written quoted.
      if (own) return {{"type", "string"}, {"pattern", field.pattern}};
      return text_schema();
    }
    case FieldType::kName: return text_schema(false, limits::kNameChars);
    case FieldType::kNumber: {
      Json schema = {{"type", types({"number", "string"})}, {"pattern", number_pattern(field.non_negative)}};
      if (field.non_negative) schema["minimum"] = 0;
      return schema;
    }
    case FieldType::kPercent:
      return {{"type", types({"number", "string"})}, {"pattern", percent_pattern()}, {"minimum", 0}, {"maximum", 100}};
    case FieldType::kInteger: return whole_number_schema(field.max > 0 ? field.min : 0, field.max);
    case FieldType::kYear: return whole_number_schema(1900, 2200);
    case FieldType::kAgendaGoal: return whole_number_schema(1, 17);
    case FieldType::kBoolean: return {{"type", types({"boolean", "string"})}, {"pattern", kBooleanPattern}};
    case FieldType::kDate: return {{"type", "string"}, {"pattern", date_pattern()}};
    case FieldType::kMonthDate: return {{"type", "string"}, {"pattern", month_date_pattern()}};
    // Compared case-insensitively (MapReader::choice): a pattern, as JSON Schema's enum is exact;
    // the words are offered as examples.
    case FieldType::kChoice: return {{"type", "string"}, {"pattern", choice_pattern(field.choices)}, {"examples", field.choices}};
    case FieldType::kNumberOrText: return text_schema();
    case FieldType::kTextOrList: {
      // One text, or a list of texts of which blank ones are skipped (read_text_list); a
      // required one needs a text that is not blank.
      Json list = {{"type", "array"}, {"items", text_schema(true)}};
      if (field.required) list["contains"] = text_schema();
      return {{"anyOf", Json::array({text_schema(), list})}};
    }
    case FieldType::kTextList: {
      Json item = text_schema(true);
      if (field.max > 0) item = whole_number_schema(field.min, field.max);
      if (own) item = {{"type", "string"}, {"pattern", field.pattern}};
      return {{"type", "array"}, {"items", item}};
    }
    case FieldType::kPeriod: {
      Json schema = {{"type", types({"string", "integer"})}, {"pattern", period_pattern()}, {"minimum", 1900}, {"maximum", 2200}};
      return schema;
    }
    case FieldType::kKfGoal: return {{"type", types({"string", "number"})}, {"pattern", whole("[0-9]+\\.[0-9]+")}};
    case FieldType::kEmail: return {{"type", "string"}, {"pattern", email_pattern()}};
    // A phone number without quotes is a YAML number (its leading zeros gone): 7–15 digits.
    case FieldType::kPhone:
      return {{"type", types({"string", "integer"})}, {"pattern", phone_pattern()}, {"minimum", 1000000}, {"maximum", 999999999999999LL}};
    case FieldType::kUrl: return {{"type", "string"}, {"pattern", own ? field.pattern : url_pattern()}};
    case FieldType::kList: {
      Json schema = {{"type", "array"}, {"items", object_schema(field.fields, lang)}};
      if (field.required) schema["minItems"] = 1;
      return schema;
    }
    case FieldType::kMapping: return object_schema(field.fields, lang);
    case FieldType::kNumberMap:
      return {{"type", "object"}, {"additionalProperties", {{"type", types({"number", "string"})}, {"pattern", number_pattern(false)}}}};
  }
  return text_schema();
}

// The schema of an administrative field of a structure (model::admin_field_types()).
model::FieldType admin_type(const std::string& type) {
  if (type == "telefon") return FieldType::kPhone;
  if (type == "e-post") return FieldType::kEmail;
  if (type == "heltal") return FieldType::kInteger;
  if (type == "datum") return FieldType::kDate;
  if (type == "decimaltal") return FieldType::kNumber;
  if (type == "url") return FieldType::kUrl;
  if (type == "val") return FieldType::kChoice;
  return FieldType::kText;
}

}  // namespace

Json field_schema(const model::FieldSpec& field, Lang lang) {
  Json schema = {{"description", text(lang, field.description) + " (" + scaffold::type_word(field, lang) + ")"}};
  schema.update(typed(field.type, field, lang));
  if (!field.example.empty() && !schema.contains("examples")) schema["examples"] = Json::array({example(field.example)});
  if (!field.required) allow_null(schema);
  return schema;
}

Json site_schema(Lang lang) { return base(object_schema(model::site_fields(), lang), text(lang, Msg::kSchemaSiteTitle), ""); }

Json unit_schema(Lang lang) { return base(object_schema(model::unit_fields(), lang), text(lang, Msg::kSchemaUnitTitle), ""); }

Json submission_schema(const model::Structure& structure, Lang lang) {
  Json properties = Json::object(), required = Json::array();
  model::FieldSpec structure_field{"struktur", FieldType::kChoice, false, Msg::kFldStructure, "", {structure.id}, {}};
  Json structure_schema = field_schema(structure_field, lang);
  // The structure's id is looked up as written (validate/submission_structure.cc): exact.
  structure_schema.erase("type");
  structure_schema.erase("pattern");
  structure_schema.erase("examples");
  structure_schema["enum"] = Json::array({structure.id, nullptr});
  properties["struktur"] = structure_schema;
  for (const auto& f : model::submission_state_fields()) properties[f.key] = field_schema(f, lang);
  for (const auto& admin : structure.admin_fields) {
    model::FieldSpec f{admin.key, admin_type(admin.type), admin.required, Msg::kFldStructure, "", admin.choices, {}};
    Json field = {{"title", admin.label},
                  {"description", admin.label + " (" + scaffold::type_word(f, lang) + ", " +
                                      text(lang, admin.required ? Msg::kWordRequired : Msg::kWordOptional) + ")"}};
    field.update(typed(f.type, f, lang));
    if (!admin.required) allow_null(field);
    properties[admin.key] = field;
    if (admin.required) required.push_back(admin.key);
  }
  Json schema = {{"type", "object"}, {"properties", properties}};
  if (!required.empty()) schema["required"] = required;
  schema["additionalProperties"] = false;
  return base(schema, text(lang, Msg::kSchemaSubmissionTitle, {structure.name, std::to_string(structure.year)}), "");
}

Json block_schema(const model::BlockSpec& block, Lang lang) {
  const std::string title = text(lang, Msg::kSchemaBlockTitle, {block.name}), description = text(lang, block.description);
  if (block.shape == model::BlockShape::kFields) return base(object_schema(block.fields, lang), title, description);
  model::FieldSpec value{"", FieldType::kTextOrList, false,
                         block.shape == model::BlockShape::kMonths ? Msg::kFldMonth : Msg::kFldPrinciple, "", {}, {}};
  Json schema = {{"type", "object"}, {"minProperties", 1}};
  if (block.shape == model::BlockShape::kMonths) {
    value.required = true;  // a month written is a month filled in (read_annual_cycle)
    Json properties = Json::object();
    // A text, or a list whose first item is a text (the rest may be blank); prefixItems is
    // 2020-12's: an older validator ignores it and accepts more, never less.
    Json month = field_schema(value, lang);
    month["anyOf"][1]["prefixItems"] = Json::array({text_schema()});
    month["anyOf"][1]["minItems"] = 1;
    month["anyOf"][1].erase("contains");
    for (const auto& name : month_names()) properties[name] = month;
    schema["properties"] = properties;
    schema["additionalProperties"] = false;
  } else {  // principer: the keys are the structure's (kvalitetsprogram:)
    value.type = FieldType::kText;
    value.required = true;
    schema["additionalProperties"] = field_schema(value, lang);
  }
  return base(schema, title, description);
}

std::string block_schema_name(const std::string& block) { return "block-" + slugify(block, "block") + ".schema.json"; }

std::vector<SchemaFile> schema_files(const StructureSet& structures, Lang lang) {
  std::vector<SchemaFile> files = {{"site.schema.json", site_schema(lang)}, {"enhet.schema.json", unit_schema(lang)}};
  for (const auto& [id, structure] : structures)
    files.push_back({"inlamning-" + id + ".schema.json", submission_schema(*structure, lang)});
  for (const auto& block : model::data_block_specs()) files.push_back({block_schema_name(block.name), block_schema(block, lang)});
  return files;
}

}  // namespace kv::schema
