#include "scaffold/files.h"

#include <algorithm>

#include "model/fields.h"
#include "model/vocabulary.h"
#include "scaffold/block_writer.h"
#include "scaffold/skeleton.h"
#include "util/text.h"

namespace kv::scaffold {
namespace {

const char* const kDot = " \xC2\xB7 ";
const char* const kDash = " \xE2\x80\x93 ";
const char* const kEllipsis = " \xE2\x80\xA6 ";

// Comment lines: "# " before each line of text (a title or guidance may hold line breaks).
std::string comment(std::string_view text) {
  std::string out;
  for (std::string_view line : split_lines(text)) out += line.empty() ? "#\n" : "# " + std::string(line) + "\n";
  if (out.empty()) out = "#\n";
  return out;
}

Msg container_description(const std::string& name) {
  if (name == "styrkor") return Msg::kCntStrengths;
  if (name == "svagheter") return Msg::kCntWeaknesses;
  if (name == "möjligheter") return Msg::kCntOpportunities;
  if (name == "hot") return Msg::kCntThreats;
  return Msg::kCntExample;
}

bool is_container(const model::Structure& structure, const std::string& name) {
  const auto names = structure.container_names();
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The parts in the order of the vocabulary (styrkor, svagheter, möjligheter, hot), not by name.
std::vector<std::pair<std::string, int>> in_order(const model::PartCounts& parts) {
  std::vector<std::string> order = model::part_names();
  std::vector<std::pair<std::string, int>> out(parts.begin(), parts.end());
  auto rank = [&](const std::string& name) { return std::find(order.begin(), order.end(), name) - order.begin(); };
  std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
  return out;
}

// "  - 2 × ```mål … ``` – ett av årets mål: …"
std::string part_lines(const model::Structure& structure, const model::PartCounts& parts, Lang lang) {
  std::string out;
  for (const auto& [name, count] : in_order(parts)) {
    const bool table = name == model::kTablePart;
    std::string syntax = table ? std::string("|") + kEllipsis + "|" + kEllipsis + "|"
                         : is_container(structure, name) ? "::: " + name + kEllipsis + ":::" : "```" + name + kEllipsis + "```";
    const model::BlockSpec* block = model::find_block_spec(name);
    const model::ContainerSpec* own = structure.find_container(name);
    std::string what = block ? text(lang, block->description) : own ? own->heading
                       : text(lang, table ? Msg::kCntTable : container_description(name));
    out += comment("  - " + (count == 1 ? "" : std::to_string(count) + " \xC3\x97 ") + syntax + kDash + what);
  }
  return out;
}

// The empty blocks a part must hold, as many as required.
std::string skeletons(const model::Structure& structure, const model::QuestionSpec& part, Lang lang) {
  std::string out;
  for (const auto& [name, count] : in_order(part.required))
    for (int i = 0; i < count; ++i) {
      if (const model::BlockSpec* block = model::find_block_spec(name))
        out += "\n" + fenced_block(name, data_block_skeleton(*block, structure, part, lang));
      else if (is_container(structure, name))
        out += "\n::: " + name + "\n\n:::\n";
    }
  return out;
}

std::string kf_goal_lines(const model::Structure& structure, int direction, Lang lang) {
  std::string out;
  for (const auto& d : structure.report.direction_goals)
    if (d.number == direction) {
      out += comment(text(lang, Msg::kScaffoldKfGoals, {std::to_string(direction)}));
      for (const auto& goal : d.goals) out += comment("  - \"" + goal.number + "\" " + goal.title);
    }
  return out;
}

std::string admin_type(const model::AdminFieldSpec& field, Lang lang) {
  const std::string& type = field.type;
  if (type == "val") return text(lang, Msg::kTypeChoice, {join(field.choices, ", ")});
  if (type == "decimaltal") return text(lang, Msg::kTypeNumber);
  if (type == "url") return text(lang, Msg::kTypeUrl);
  if (type == "telefon") return text(lang, Msg::kTypePhone);
  if (type == "e-post") return text(lang, Msg::kTypeEmail);
  if (type == "heltal") return text(lang, Msg::kTypeInteger);
  if (type == "datum") return text(lang, Msg::kTypeDate);
  return text(lang, Msg::kTypeText);
}

std::string with_modeline(const std::string& modeline) { return modeline.empty() ? "" : modeline + "\n"; }

}  // namespace

std::string yaml_quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') out += std::string("\\") + c;
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (u < 0x20 || u == 0x7F) {
      static const char* const kHex = "0123456789ABCDEF";
      out += std::string("\\x") + kHex[u >> 4] + kHex[u & 15];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string unit_file(const std::optional<std::string>& name, const std::optional<std::string>& administration, Lang lang,
                      const std::string& modeline) {
  std::string out = with_modeline(modeline) + comment(text(lang, Msg::kScaffoldUnitHeader)) +
                    comment(text(lang, Msg::kScaffoldFillIn));
  for (const auto& field : model::unit_fields()) {
    const std::optional<std::string> value = field.key == "namn" ? name : field.key == "förvaltning" ? administration : std::nullopt;
    out += comment(field_comment(field, lang));
    out += field.key + ":" + (value ? " " + yaml_quoted(*value) : "") + "\n";
  }
  return out;
}

std::string submission_file(const model::Structure& structure, Lang lang, const std::string& modeline,
                            const std::map<std::string, std::string>& values) {
  std::string out = with_modeline(modeline) +
                    comment(text(lang, Msg::kScaffoldAdminHeader, {structure.name, std::to_string(structure.year)})) +
                    comment(text(lang, Msg::kScaffoldFillIn)) + "\n";
  out += comment(text(lang, Msg::kWordOptional) + kDot + text(lang, Msg::kTypeText) + kDot + text(lang, Msg::kFldStructure));
  out += "struktur: " + structure.id + "\n";
  // A new document is a draft: it blocks no build and is published only once submitted.
  out += "\n" + comment(text(lang, Msg::kScaffoldStatusComment));
  out += std::string("status: ") + model::kDraftWord + "\n";
  for (const auto& field : structure.admin_fields) {
    out += "\n" + comment(field.label + kDot + admin_type(field, lang) + kDot +
                          text(lang, field.required ? Msg::kWordRequired : Msg::kWordOptional));
    auto value = values.find(field.key);
    out += field.key + ":" + (value == values.end() ? "" : " " + yaml_quoted(value->second)) + "\n";
  }
  return out;
}

std::string part_file(const model::Structure& structure, const model::QuestionSpec& part, Lang lang) {
  const std::string label = structure.has_text_labels() ? "\"" + part.label + "\"" : part.label;
  std::string out = "---\n" + structure.part.name + ": " + label + "\n";
  out += comment(text(lang, Msg::kScaffoldPartHeading, {structure.part_word(lang, true), part.label, part.title}));
  if (const model::AreaSpec* area = structure.area_of(part.number))
    out += comment(text(lang, Msg::kScaffoldArea, {area->title}));
  if (!part.guidance.empty()) out += "#\n" + comment(part.guidance);
  if (!part.required.empty()) out += "#\n" + comment(text(lang, Msg::kScaffoldMust)) + part_lines(structure, part.required, lang);
  if (!part.recommended.empty()) out += "#\n" + comment(text(lang, Msg::kScaffoldShould)) + part_lines(structure, part.recommended, lang);
  if (part.direction_goal > 0) out += "#\n" + kf_goal_lines(structure, part.direction_goal, lang);
  out += "#\n" + comment(text(lang, Msg::kScaffoldWriteBelow));
  if (!part.required.empty()) out += comment(text(lang, Msg::kScaffoldSkeletons));
  out += "---\n";
  return out + skeletons(structure, part, lang);
}

std::string intro_file(const model::Structure& structure, Lang lang) {
  std::string out = "---\n";
  out += comment(text(lang, Msg::kScaffoldIntro, {structure.intro_title, text(lang, structure.intro_required ? Msg::kWordRequired : Msg::kWordOptional)}));
  if (!structure.intro_guidance.empty()) out += "#\n" + comment(structure.intro_guidance);
  out += "#\n" + comment(text(lang, Msg::kScaffoldIntroWrite));
  return out + "---\n\n";
}

}  // namespace kv::scaffold
