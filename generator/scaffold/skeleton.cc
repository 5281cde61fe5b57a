#include "scaffold/skeleton.h"

#include <algorithm>

#include "util/text.h"

namespace kv::scaffold {
namespace {

using model::FieldType;

std::string joined(const std::vector<std::string>& words) { return join(words, ", "); }

Msg type_message(FieldType type) {
  switch (type) {
    case FieldType::kText:
    case FieldType::kName: return Msg::kTypeText;
    case FieldType::kNumber: return Msg::kTypeNumber;
    case FieldType::kPercent: return Msg::kTypePercent;
    case FieldType::kInteger: return Msg::kTypeInteger;
    case FieldType::kYear: return Msg::kTypeYear;
    case FieldType::kBoolean: return Msg::kTypeBoolean;
    case FieldType::kDate: return Msg::kTypeDate;
    case FieldType::kMonthDate: return Msg::kTypeMonthDate;
    case FieldType::kChoice: return Msg::kTypeChoice;
    case FieldType::kNumberOrText: return Msg::kTypeNumberOrText;
    case FieldType::kTextOrList: return Msg::kTypeTextOrList;
    case FieldType::kTextList: return Msg::kTypeTextList;
    case FieldType::kPeriod: return Msg::kTypePeriod;
    case FieldType::kKfGoal: return Msg::kTypeKfGoal;
    case FieldType::kAgendaGoal: return Msg::kTypeAgendaGoal;
    case FieldType::kEmail: return Msg::kTypeEmail;
    case FieldType::kPhone: return Msg::kTypePhone;
    case FieldType::kUrl: return Msg::kTypeUrl;
    case FieldType::kList: return Msg::kTypeList;
    case FieldType::kMapping: return Msg::kTypeMapping;
    case FieldType::kNumberMap: return Msg::kTypeNumberMap;
  }
  return Msg::kTypeText;
}

// Pads a key (counted in characters, not bytes) so that the comments line up.
std::string padded(const std::string& text, size_t width) {
  size_t length = utf8_length(text);
  return text + std::string(length < width ? width - length : 1, ' ');
}

// The KF goals of the section's inriktningsmål, as the values kf-mål's nr may take.
std::string kf_goal_choices(const model::Structure& structure, const model::QuestionSpec& section) {
  std::vector<std::string> numbers;
  for (const auto& direction : structure.report.direction_goals)
    if (section.direction_goal == 0 || direction.number == section.direction_goal)
      for (const auto& goal : direction.goals) numbers.push_back("\"" + goal.number + "\"");
  return joined(numbers);
}

}  // namespace

std::string type_word(const model::FieldSpec& field, Lang lang) {
  if (field.type == FieldType::kChoice) return text(lang, Msg::kTypeChoice, {joined(field.choices)});
  return text(lang, type_message(field.type));
}

std::string field_comment(const model::FieldSpec& field, Lang lang, const std::string& type_override) {
  return text(lang, field.required ? Msg::kWordRequired : Msg::kWordOptional) + " \xC2\xB7 " +
         (type_override.empty() ? type_word(field, lang) : type_override) + " \xC2\xB7 " + text(lang, field.description);
}

std::string field_lines(const std::vector<model::FieldSpec>& fields, Lang lang, const std::string& indent,
                        const std::string& first_prefix) {
  size_t width = 0;
  for (const auto& f : fields) width = std::max(width, utf8_length(f.key) + 2);
  std::string out;
  bool first = true;
  for (const auto& f : fields) {
    out += (first ? first_prefix : indent) + padded(f.key + ":", width) + "# " + field_comment(f, lang) + "\n";
    first = false;
    // A list gets one empty item to show its keys; a mapping its keys.
    if (f.type == FieldType::kList) out += field_lines(f.fields, lang, indent + "    ", indent + "  - ");
    else if (f.type == FieldType::kMapping) out += field_lines(f.fields, lang, indent + "  ", indent + "  ");
  }
  return out;
}

std::string data_block_skeleton(const model::BlockSpec& block, const model::Structure& structure,
                                const model::QuestionSpec& section, Lang lang) {
  switch (block.shape) {
    case model::BlockShape::kMonths:
      // Months as comments: a month left empty would be an error once the rest is written.
      return "# " + text(lang, Msg::kFldMonth) + "\n# januari: \xE2\x80\xA6\n# februari: \xE2\x80\xA6\n";
    case model::BlockShape::kPrinciples: {
      std::vector<model::FieldSpec> fields;
      for (const auto& p : structure.report.principles)
        fields.push_back({p.key, FieldType::kText, true, Msg::kFldPrinciple, "", {}, {}});
      std::string out;
      size_t width = 0;
      for (const auto& f : fields) width = std::max(width, utf8_length(f.key) + 2);
      for (size_t i = 0; i < fields.size(); ++i)
        out += padded(fields[i].key + ":", width) + "# " + structure.report.principles[i].name + " \xC2\xB7 " +
               field_comment(fields[i], lang) + "\n";
      return out;
    }
    case model::BlockShape::kFields:
      break;
  }
  if (block.name != "kf-mål") return field_lines(block.fields, lang, "", "");
  // kf-mål: name the KF goals this section may follow up.
  std::string out;
  for (const auto& f : block.fields) {
    std::string type = f.type == FieldType::kKfGoal ? text(lang, Msg::kTypeChoice, {kf_goal_choices(structure, section)}) : "";
    out += padded(f.key + ":", 8) + "# " + field_comment(f, lang, type) + "\n";
  }
  return out;
}

}  // namespace kv::scaffold
