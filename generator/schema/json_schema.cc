#include "schema/json_schema.h"

#include <yaml-cpp/yaml.h>

#include <regex>

#include "util/limits.h"
#include "model/vocabulary.h"
#include "scaffold/skeleton.h"
#include "util/text.h"
#include "validate/data_blocks.h"

namespace kv::schema {
namespace {

using model::FieldType;

// What kvalitet's readers accept, as patterns (they apply to strings only; numbers pass).
constexpr const char* kNumberPattern = "^\\s*[+-]?[0-9][0-9 ]*([.,][0-9]+)?\\s*$";
constexpr const char* kBooleanPattern = "^([Jj][Aa]|[Nn][Ee][Jj]|[Yy][Ee][Ss]|[Nn][Oo]|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$";
constexpr const char* kPeriodPattern = "^\\s*(([Tt][1-3]|[Vv][Bb]|[Hh]elår|HELÅR) )?[0-9]{4}\\s*$";
constexpr const char* kPhonePattern = "^(?=([^0-9]*[0-9]){7,15}[^0-9]*$)\\+?[0-9 ()-]+$";
constexpr const char* kNonBlank = "\\S";

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
  } else if (schema.contains("type")) {
    Json& t = schema["type"];
    if (t.is_string()) t = Json::array({t, "null"});
    else t.push_back("null");
  }
}

Json text_schema() { return {{"type", types({"string", "number"})}, {"pattern", kNonBlank}}; }

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
  switch (type) {
    case FieldType::kText: return text_schema();
    case FieldType::kName: return {{"type", types({"string", "number"})}, {"pattern", kNonBlank}, {"maxLength", limits::kNameChars}};
    case FieldType::kNumber: return {{"type", types({"number", "string"})}, {"pattern", kNumberPattern}};
    case FieldType::kPercent:
      return {{"type", types({"number", "string"})}, {"pattern", kNumberPattern}, {"minimum", 0}, {"maximum", 100}};
    case FieldType::kInteger:
      if (field.max > 0) return {{"type", "integer"}, {"minimum", field.min}, {"maximum", field.max}};
      return {{"type", "integer"}, {"minimum", 0}};
    case FieldType::kYear: return {{"type", "integer"}, {"minimum", 1900}, {"maximum", 2200}};
    case FieldType::kBoolean: return {{"type", types({"boolean", "string"})}, {"pattern", kBooleanPattern}};
    case FieldType::kDate: return {{"type", "string"}, {"format", "date"}, {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}};
    case FieldType::kMonthDate: return {{"type", "string"}, {"pattern", "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$"}};
    case FieldType::kChoice: return {{"enum", field.choices}};
    case FieldType::kNumberOrText: return {{"type", types({"number", "string"})}, {"pattern", kNonBlank}};
    case FieldType::kTextOrList:
      return {{"type", types({"string", "number", "array"})}, {"items", text_schema()}, {"pattern", kNonBlank}};
    case FieldType::kTextList: return {{"type", "array"}, {"items", text_schema()}};
    case FieldType::kPeriod: return {{"type", types({"string", "integer"})}, {"pattern", kPeriodPattern}, {"minimum", 1900}, {"maximum", 2200}};
    case FieldType::kKfGoal: return {{"type", types({"string", "number"})}, {"pattern", "^[0-9]+\\.[0-9]+$"}};
    case FieldType::kAgendaGoal: return {{"type", "integer"}, {"minimum", 1}, {"maximum", 17}};
    case FieldType::kEmail: return {{"type", "string"}, {"format", "email"}, {"pattern", "^[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+$"}};
    case FieldType::kPhone: return {{"type", types({"string", "integer"})}, {"pattern", kPhonePattern}};
    case FieldType::kUrl: return {{"type", "string"}, {"format", "uri"}, {"pattern", "^https?://"}};
    case FieldType::kList: {
      Json schema = {{"type", "array"}, {"items", object_schema(field.fields, lang)}};
      if (field.required) schema["minItems"] = 1;
      return schema;
    }
    case FieldType::kMapping: return object_schema(field.fields, lang);
    case FieldType::kNumberMap:
      return {{"type", "object"}, {"additionalProperties", {{"type", types({"number", "string"})}, {"pattern", kNumberPattern}}}};
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
  if (!field.example.empty()) schema["examples"] = Json::array({example(field.example)});
  if (!field.required) allow_null(schema);
  return schema;
}

Json site_schema(Lang lang) { return base(object_schema(model::site_fields(), lang), text(lang, Msg::kSchemaSiteTitle), ""); }

Json unit_schema(Lang lang) { return base(object_schema(model::unit_fields(), lang), text(lang, Msg::kSchemaUnitTitle), ""); }

Json submission_schema(const model::Structure& structure, Lang lang) {
  Json properties = Json::object(), required = Json::array();
  model::FieldSpec structure_field{"struktur", FieldType::kChoice, false, Msg::kFldStructure, "", {structure.id}, {}};
  properties["struktur"] = field_schema(structure_field, lang);
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
    Json properties = Json::object();
    for (const auto& month : month_names()) properties[month] = field_schema(value, lang);
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
