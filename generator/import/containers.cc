#include "import/containers.h"

#include <utility>
#include <vector>

#include "i18n/messages.h"
#include "util/text.h"

namespace kv::import {
namespace {

// (heading as printed, folded; container name), both languages for the built-in ones.
std::vector<std::pair<std::string, std::string>> headings(const model::Structure& structure) {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto [name, msg] : {std::pair{"styrkor", Msg::kUiStrengths}, {"svagheter", Msg::kUiWeaknesses},
                           {"möjligheter", Msg::kUiOpportunities}, {"hot", Msg::kUiThreats}})
    for (Lang lang : {Lang::kSv, Lang::kEn}) out.emplace_back(fold_case(text(lang, msg)), name);
  for (const auto& c : structure.containers) out.emplace_back(fold_case(c.heading), c.name);
  return out;
}

// A line's text without heading marks, emphasis and a trailing colon.
std::string plain(std::string_view line) {
  line = trim(line);
  while (!line.empty() && line.front() == '#') line.remove_prefix(1);
  std::string out;
  for (char c : line)
    if (c != '*' && c != '_') out += c;
  std::string_view t = trim(out);
  if (!t.empty() && t.back() == ':') t.remove_suffix(1);
  return fold_case(trim(t));
}

}  // namespace

std::string mark_containers(std::string_view text, const model::Structure& structure) {
  const auto known = headings(structure);
  std::vector<std::string_view> lines = split_lines(text);
  std::string out;
  bool open = false, in_fence = false;
  int depth = 0;  // containers already written (::: exempel …) are left as they are
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = trim(lines[i]);
    if (starts_with(line, "```")) in_fence = !in_fence;
    const bool alone = (i == 0 || trim(lines[i - 1]).empty()) && (i + 1 == lines.size() || trim(lines[i + 1]).empty());
    std::string name;
    if (!in_fence && depth == 0 && (alone || starts_with(line, "#")))
      for (const auto& [heading, container] : known)
        if (plain(line) == heading) name = container;
    const bool heading = !in_fence && starts_with(line, "#");
    if (open && (heading || !name.empty())) {
      while (out.size() >= 2 && out.substr(out.size() - 2) == "\n\n") out.pop_back();
      out += "\n:::\n\n";
      open = false;
    }
    if (!name.empty()) {
      out += "::: " + name + "\n";
      open = true;
      continue;
    }
    if (!in_fence && starts_with(line, ":::")) depth += trim(line.substr(3)).empty() ? -1 : 1;
    out += std::string(lines[i]) + "\n";
  }
  if (open) {
    while (out.size() >= 2 && out.substr(out.size() - 2) == "\n\n") out.pop_back();
    out += "\n:::\n";
  }
  return out;
}

}  // namespace kv::import
