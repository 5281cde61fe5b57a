#include "import/containers.h"

#include <utility>
#include <vector>

#include "i18n/messages.h"
#include "import/paragraphs.h"
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

// A line's text without heading marks, emphasis and a trailing colon, folded.
std::string plain(std::string_view line) {
  const std::string text = heading_text(line);
  std::string_view t = text;
  if (!t.empty() && t.back() == ':') t.remove_suffix(1);
  return fold_case(trim(t));
}

}  // namespace

std::string mark_containers(std::string_view text, const model::Structure& structure) {
  const auto known = headings(structure);
  std::vector<std::string_view> lines = split_lines(text);
  std::string out;
  bool open = false;
  FenceTracker fences;
  int depth = 0;  // containers already written (::: exempel …) are left as they are
  auto close = [&](const char* after) {
    while (out.size() >= 2 && out.substr(out.size() - 2) == "\n\n") out.pop_back();
    out += std::string("\n:::\n") + after;
    open = false;
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = trim(lines[i]);
    const bool in_fence = fences.in_fence(lines[i]);
    std::string name;
    if (!in_fence && depth == 0 && (stands_alone(lines, i) || starts_with(line, "#"))) {
      const std::string mine = plain(line);
      for (const auto& [heading, container] : known)
        if (mine == heading) name = container;
    }
    const bool heading = !in_fence && starts_with(line, "#");
    if (open && (heading || !name.empty())) close("\n");
    if (!name.empty()) {
      out += "::: " + name + "\n";
      open = true;
      continue;
    }
    if (!in_fence) depth += container_step(line);
    out += std::string(lines[i]) + "\n";
  }
  if (open) close("");
  return out;
}

}  // namespace kv::import
