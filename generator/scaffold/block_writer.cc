#include "scaffold/block_writer.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <stdexcept>

#include "i18n/numbers.h"
#include "scaffold/files.h"
#include "util/text.h"
#include "validate/data_blocks.h"

namespace kv::scaffold {
namespace {

using model::FieldSpec;
using model::FieldType;

[[noreturn]] void wrong(const FieldSpec& field, const char* what) {
  throw std::logic_error("scaffold/block_writer: " + field.key + ": " + what);
}

bool holds_text(FieldType type) {
  switch (type) {
    case FieldType::kText: case FieldType::kName: case FieldType::kChoice: case FieldType::kPeriod:
    case FieldType::kKfGoal: case FieldType::kDate: case FieldType::kMonthDate: case FieldType::kEmail:
    case FieldType::kPhone: case FieldType::kUrl: case FieldType::kNumberOrText: case FieldType::kTextOrList:
      return true;
    default:
      return false;
  }
}

// A block scalar: folded for one paragraph (as authors write them), literal for several.
std::string paragraphs(const std::string& text, const std::string& indent) {
  std::string out = text.find("\n\n") != std::string::npos ? "|\n" : ">\n";
  for (std::string_view line : split_lines(text)) {
    line = trim(line);
    out += line.empty() ? "\n" : indent + "  " + std::string(line) + "\n";
  }
  return out;
}

std::string fields_yaml(const std::vector<FieldSpec>& specs, const Entries& entries, const std::string& indent,
                        const std::string& first_prefix);

// One field's lines; prefix goes before its key (the indent, or "  - " for a list item's first).
std::string field_yaml(const FieldSpec& field, const FieldValue& value, const std::string& indent, const std::string& prefix) {
  const std::string head = prefix + field.key + ":";
  if (std::holds_alternative<std::monostate>(value)) return head + "\n";
  if (const auto* t = std::get_if<Text>(&value)) {
    if (!holds_text(field.type)) wrong(field, "a text where the spec has no text");
    return head + " " + (t->paragraphs ? paragraphs(t->text, indent) : yaml_quoted(t->text) + "\n");
  }
  if (const auto* n = std::get_if<double>(&value)) {
    if (field.type != FieldType::kNumber && field.type != FieldType::kPercent && field.type != FieldType::kNumberOrText)
      wrong(field, "a number where the spec has none");
    return head + " " + yaml_number(*n) + "\n";
  }
  if (const auto* n = std::get_if<Number>(&value)) {
    if (field.type != FieldType::kNumber && field.type != FieldType::kPercent && field.type != FieldType::kNumberOrText)
      wrong(field, "a number where the spec has none");
    return head + " " + yaml_number(*n) + "\n";
  }
  if (const auto* i = std::get_if<long long>(&value)) {
    if (field.type != FieldType::kInteger && field.type != FieldType::kYear && field.type != FieldType::kAgendaGoal)
      wrong(field, "a whole number where the spec has none");
    return head + " " + std::to_string(*i) + "\n";
  }
  if (const auto* b = std::get_if<bool>(&value)) {
    if (field.type != FieldType::kBoolean) wrong(field, "a boolean where the spec has none");
    return head + (*b ? " true\n" : " false\n");
  }
  if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
    if (field.type != FieldType::kTextList && field.type != FieldType::kTextOrList) wrong(field, "a list of texts");
    std::string out = head + "\n";
    for (const auto& item : *list) out += indent + "  - " + yaml_quoted(item) + "\n";
    return out;
  }
  if (const auto* items = std::get_if<std::vector<Entries>>(&value)) {
    if (field.type != FieldType::kList) wrong(field, "a list of mappings where the spec has none");
    std::string out = head + "\n";
    for (const auto& item : *items) out += fields_yaml(field.fields, item, indent + "    ", indent + "  - ");
    return out;
  }
  const auto& map = std::get<std::vector<std::pair<std::string, Number>>>(value);
  if (field.type != FieldType::kNumberMap) wrong(field, "a number map where the spec has none");
  std::vector<std::string> pairs;
  for (const auto& [name, number] : map) pairs.push_back(yaml_quoted(name) + ": " + yaml_number(number));
  return head + " {" + join(pairs, ", ") + "}\n";
}

std::string fields_yaml(const std::vector<FieldSpec>& specs, const Entries& entries, const std::string& indent,
                        const std::string& first_prefix) {
  for (const auto& e : entries)
    if (std::none_of(specs.begin(), specs.end(), [&](const FieldSpec& f) { return f.key == e.key; }))
      throw std::logic_error("scaffold/block_writer: no field " + e.key);
  std::string out;
  for (const auto& field : specs)
    for (const auto& e : entries)
      if (e.key == field.key) out += field_yaml(field, e.value, indent, out.empty() ? first_prefix : indent);
  return out;
}

Text line(const std::string& s) { return Text{s, false}; }
Text paragraph(const std::string& s) { return Text{s, true}; }

// A goal's or follow-up's title, then its texts as paragraphs; texts left empty are left out.
Entries titled(const std::string& title, const std::vector<std::pair<const char*, const std::string*>>& texts) {
  Entries out;
  if (!title.empty()) out.push_back({"mål", line(title)});
  for (const auto& [key, text] : texts)
    if (!text->empty()) out.push_back({key, paragraph(*text)});
  return out;
}

}  // namespace

namespace {

// "306.7" → "306,7" quoted (for its comma); "76" as it is; "-0" → 0.
std::string swedish_number(std::string out) {
  if (out.find_first_of("123456789") == std::string::npos && !out.empty() && out[0] == '-') out.erase(0, 1);
  const auto point = out.find('.');
  if (point == std::string::npos) return out;
  out[point] = ',';
  return "\"" + out + "\"";
}

}  // namespace

std::string yaml_number(double value) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
  return swedish_number(ec == std::errc() ? std::string(buf, end) : plain_number(value, Lang::kEn));
}

std::string yaml_number(const Number& n) {
  char buf[400];  // DBL_MAX with kMaxDecimals decimals fits
  std::snprintf(buf, sizeof buf, "%.*f", std::clamp(n.decimals, 0, kMaxDecimals), n.value);
  return swedish_number(buf);
}

std::string fenced_block(std::string_view name, std::string_view yaml) {
  return "```" + std::string(name) + "\n" + std::string(yaml) + "```\n";
}

std::string block_yaml(const model::BlockSpec& spec, const Entries& entries) {
  if (spec.shape != model::BlockShape::kFields) throw std::logic_error("scaffold/block_writer: " + spec.name + " has no field list");
  return fields_yaml(spec.fields, entries, "", "");
}

std::string data_block(std::string_view name, const Entries& entries) {
  const model::BlockSpec* spec = model::find_block_spec(name);
  if (!spec) throw std::logic_error("scaffold/block_writer: no data block " + std::string(name));
  return fenced_block(name, block_yaml(*spec, entries));
}

Entries block_entries(const model::EconomyTable& table) {
  std::vector<Entries> years;
  for (const auto& y : table.years) {
    Entries row{{"år", static_cast<long long>(y.year)}, {"budget", y.budget}, {"utfall", y.outcome}, {"resultat", y.result}};
    if (y.forecast) row.push_back({"prognos", true});
    years.push_back(std::move(row));
  }
  Entries out{{"enhet", line(table.unit)}, {"värden", std::move(years)}};
  if (!table.footnote.empty()) out.push_back({"fotnot", line(table.footnote)});
  return out;
}

Entries block_entries(const model::IndexSeries& series) {
  std::vector<Entries> values;
  for (const auto& v : series.values) {
    Entries row{{"år", static_cast<long long>(v.year)}, {"värde", v.value}};
    if (!v.sub_indices.empty()) row.push_back({"delindex", v.sub_indices});
    values.push_back(std::move(row));
  }
  Entries out{{"namn", line(series.name)}};
  if (!series.description.empty()) out.push_back({"beskrivning", line(series.description)});
  out.push_back({"värden", std::move(values)});
  return out;
}

Entries block_entries(const model::SurveyTable& survey) {
  std::vector<Entries> rows;
  for (const auto& r : survey.rows) {
    Entries row{{"svar", line(r.answer)}, {"totalt", r.total}};
    for (auto [key, value] : {std::pair{"kvinna", &r.women}, {"man", &r.men}, {"annan", &r.other}})
      if (*value) row.push_back({key, **value});
    rows.push_back(std::move(row));
  }
  return {{"fråga", line(survey.question)}, {"rader", std::move(rows)}};
}

Entries block_entries(const model::Figure& figure) { return {{"bildtext", line(figure.caption)}, {"fil", line(figure.file)}}; }

Entries block_entries(const model::Goal& goal) {
  return titled(goal.goal, {{"förväntat_resultat", &goal.expected_result}, {"arbetssätt", &goal.method}, {"uppföljning", &goal.follow_up}});
}

Entries block_entries(const model::GoalFollowUp& follow_up) {
  return titled(follow_up.goal,
                {{"resultat", &follow_up.result}, {"analys", &follow_up.analysis}, {"ta_tillvara", &follow_up.take_forward}});
}

std::string block_text(const model::EconomyTable& table) { return data_block("ekonomi", block_entries(table)); }
std::string block_text(const model::IndexSeries& series) { return data_block("index", block_entries(series)); }
std::string block_text(const model::SurveyTable& survey) { return data_block("enkät", block_entries(survey)); }
std::string block_text(const model::Figure& figure) { return data_block("bild", block_entries(figure)); }
std::string block_text(const model::Goal& goal) { return data_block("mål", block_entries(goal)); }
std::string block_text(const model::GoalFollowUp& follow_up) { return data_block("uppföljning", block_entries(follow_up)); }

std::string block_text(const model::AnnualCycle& cycle) {
  const auto& months = month_names();
  std::string out;
  for (const auto& [month, activities] : cycle.months) {
    if (month < 1 || month > static_cast<int>(months.size())) throw std::logic_error("scaffold/block_writer: no month " + std::to_string(month));
    out += months[month - 1] + ":";
    if (activities.size() == 1) {
      out += " " + paragraphs(activities.front(), "");
    } else {
      out += "\n";
      for (const auto& a : activities) out += "  - " + yaml_quoted(a) + "\n";
    }
  }
  return fenced_block("årshjul", out);
}

}  // namespace kv::scaffold
