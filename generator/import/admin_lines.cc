#include "import/admin_lines.h"
#include "import/paragraphs.h"

#include <sstream>
#include <vector>

#include "util/text.h"

namespace kv::import {

namespace {

// Letters and digits only, folded, words single-spaced: "Kontakt-person :" → "kontakt person".
std::string label_key(std::string_view s) {
  std::string folded = fold_case(s), out;
  for (size_t i = 0; i < folded.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(folded[i]);
    const bool word = c >= 0x80 || std::isalnum(c);
    if (word) out += folded[i];
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// "**Kontaktperson:** Anna Berg" or "Kontaktperson: Anna Berg" → {label, value}.
std::optional<std::pair<std::string, std::string>> labelled(std::string line) {
  for (const char* mark : {"**", "__"})
    for (size_t at = line.find(mark); at != std::string::npos; at = line.find(mark)) line.erase(at, 2);
  const size_t colon = line.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 60) return std::nullopt;
  std::string value{trim(line.substr(colon + 1))};
  if (value.empty()) return std::nullopt;
  return std::pair{std::string(trim(line.substr(0, colon))), value};
}

// "| Kontaktperson | Anna Berg |" → {label, value}: a table row of two cells.
std::optional<std::pair<std::string, std::string>> table_row(const std::string& line) {
  std::string_view t = trim(line);
  if (t.size() < 3 || t.front() != '|' || t.back() != '|') return std::nullopt;
  std::vector<std::string> cells;
  std::string cell;
  for (char c : t.substr(1, t.size() - 2)) {
    if (c == '|') {
      cells.emplace_back(trim(cell));
      cell.clear();
    } else {
      cell += c;
    }
  }
  cells.emplace_back(trim(cell));
  if (cells.size() != 2 || cells[0].empty() || cells[1].empty()) return std::nullopt;
  return std::pair{cells[0], cells[1]};
}

bool is_table_rule(std::string_view line) {
  line = trim(line);
  return !line.empty() && line.front() == '|' && line.find_first_not_of("|-: ") == std::string_view::npos;
}

bool ends_with_administration(std::string_view line) {
  const std::string key = label_key(line);
  return key.size() > 11 && key.size() < 80 && key.ends_with("förvaltning");
}

}  // namespace

bool label_matches(std::string_view written, const model::AdminFieldSpec& field) {
  const std::string w = label_key(written);
  if (w.empty()) return false;
  std::string key = field.key;
  for (char& c : key)
    if (c == '_') c = ' ';
  for (const std::string& name : {label_key(field.label), label_key(key)})
    if (!name.empty() && edit_distance(w, name, 1) <= (name.size() > 4 ? 1 : 0)) return true;
  return false;
}

AdminFound take_admin(std::string& text, const model::Structure& structure) {
  AdminFound found;
  std::istringstream in(text);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::vector<bool> drop(lines.size(), false);
  auto field_of = [&](const std::string& label) -> const model::AdminFieldSpec* {
    for (const auto& f : structure.admin_fields)
      if (label_matches(label, f)) return &f;
    return nullptr;
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    auto pair = table_row(lines[i]);
    if (!pair) pair = labelled(lines[i]);
    if (!pair) continue;
    const model::AdminFieldSpec* field = field_of(pair->first);
    if (!field || found.values.count(field->key)) continue;
    found.values[field->key] = pair->second;
    drop[i] = true;
  }
  // A table whose rows all went: its header and rule lines go with it.
  for (size_t i = 0; i < lines.size(); ++i)
    if (!drop[i] && (is_table_rule(lines[i]) || table_row(lines[i]))) {
      size_t j = i;
      bool rest_dropped = true, any = false;
      while (j < lines.size() && std::string_view(trim(lines[j])).starts_with("|")) {
        if (drop[j]) any = true;
        else if (!is_table_rule(lines[j]) && j != i) rest_dropped = false;
        ++j;
      }
      if (any && rest_dropped)
        for (size_t k = i; k < j; ++k) drop[k] = true;
      i = j;
    }
  for (size_t i = 0; i < lines.size() && !found.administration; ++i) {
    if (drop[i] || !ends_with_administration(lines[i])) continue;
    found.administration = std::string(trim(lines[i]));
    drop[i] = true;
    // The unit's name: the nearest non-empty line before it, when short and not a heading.
    for (size_t k = i; k-- > 0;) {
      std::string_view prev = trim(lines[k]);
      if (prev.empty()) continue;
      const bool title = fold_case(prev).find(fold_case(structure.name)) != std::string::npos;  // "Kvalitetsutmärkelsen 2018"
      if (!drop[k] && !title && prev.size() < 80 && prev.front() != '#' && prev.find(':') == std::string_view::npos) {
        found.unit_name = std::string(prev);
        drop[k] = true;
      }
      break;
    }
  }
  // The document's own title ("Verksamhetsberättelse 2024"): the site heads its pages with it.
  const std::string name = fold_case(structure.name), titled = name + " " + std::to_string(structure.year);
  for (size_t i = 0; i < lines.size(); ++i)
    if (const std::string t = fold_case(heading_text(lines[i])); !t.empty() && (t == name || t == titled)) drop[i] = true;
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i)
    if (!drop[i]) out += lines[i] + "\n";
  text = out;
  return found;
}

}  // namespace kv::import
