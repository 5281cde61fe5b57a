#include "import/split_parts.h"

#include <algorithm>
#include <cctype>

#include "import/paragraphs.h"
#include "util/text.h"

namespace kv::import {
namespace {

// A Markdown heading, or a paragraph line that is bold throughout ("**Fråga 7 …**"), as Word
// documents without heading styles write their headings.
bool is_heading(std::string_view line) {
  line = trim(line);
  if (starts_with(line, "#")) return true;
  return line.size() > 4 && starts_with(line, "**") && line.substr(line.size() - 2) == "**" &&
         line.substr(2, line.size() - 4).find("**") == std::string_view::npos;
}

// Lower case ASCII and Swedish letters, other characters as spaces collapsed: for comparing titles.
std::string folded(std::string_view s) {
  std::string out = fold_case(s), clean;
  for (char c : out) {
    const bool word = static_cast<unsigned char>(c) >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (word) clean += c;
    else if (!clean.empty() && clean.back() != ' ') clean += ' ';
  }
  return std::string(trim(clean));
}

// The label at the start of a heading: "Fråga 7:", "Avsnitt 1.2", "7.", "1.1 Titel".
std::string leading_label(std::string_view text, const model::Structure& structure) {
  std::string_view t = trim(text);
  for (const std::string& word : {structure.part_word(Lang::kSv, true), structure.part_word(Lang::kSv, false)})
    if (starts_with(t, word)) t = trim(t.substr(word.size()));
  size_t end = 0;
  while (end < t.size() && (std::isalnum(static_cast<unsigned char>(t[end])) || t[end] == '.')) ++end;
  std::string label(t.substr(0, end));
  while (!label.empty() && label.back() == '.') label.pop_back();
  return label;
}

}  // namespace

int part_of_heading(std::string_view heading, const model::Structure& structure) {
  const std::string text = heading_text(heading);
  const std::string label = leading_label(text, structure);
  if (!label.empty() && std::isdigit(static_cast<unsigned char>(label[0])))
    if (const auto* q = structure.find_label(label)) return q->number;
  // No label: a title close to a part's (a few letters off, or the part's title with more after it).
  const std::string mine = folded(text);
  int best = 0, best_distance = -1;
  for (const auto* q : structure.questions()) {
    const std::string theirs = folded(q->title);
    if (theirs.empty()) continue;
    const int limit = static_cast<int>(theirs.size() / 6);
    const int distance = edit_distance(mine, theirs, limit);
    if (distance <= limit && (best_distance < 0 || distance < best_distance)) {
      best = q->number;
      best_distance = distance;
    } else if (theirs.size() >= 20 && starts_with(mine, theirs) && best_distance < 0) {
      best = q->number;
    }
  }
  return best;
}

bool is_area_heading(std::string_view heading, const model::Structure& structure) {
  const std::string mine = folded(heading_text(heading));
  for (const auto& area : structure.areas) {
    const std::string theirs = folded(area.title);
    const int limit = static_cast<int>(theirs.size() / 8);
    if (!theirs.empty() && edit_distance(mine, theirs, limit) <= limit) return true;
  }
  return false;
}

// A line of its own that names a part by label and title ("13. Resultat från …") though
// Word kept it as a plain paragraph; a contents entry ("… 26", a page number last) is not one.
int plain_part_heading(std::string_view line, const model::Structure& structure) {
  const std::string text = heading_text(line);
  const std::string label = leading_label(text, structure);
  if (label.empty() || !std::isdigit(static_cast<unsigned char>(label[0])) || text.size() > 400) return 0;
  const auto* q = structure.find_label(label);
  if (!q) return 0;
  const size_t end = text.find_last_not_of("0123456789");
  if (end != std::string::npos && end + 1 < text.size() && (text[end] == ' ' || text[end] == '\t' || text[end] == '.')) return 0;
  std::string rest = folded(text.substr(text.find(label) + label.size()));
  const std::string title = folded(q->title);
  const int limit = static_cast<int>(title.size() / 6);
  return !title.empty() && edit_distance(rest, title, limit) <= limit ? q->number : 0;
}

SplitDocument split_parts(std::string_view markdown, const model::Structure& structure) {
  SplitDocument out;
  std::string* into = &out.intro;
  int last = 0;
  const std::vector<std::string_view> lines = split_lines(markdown);
  FenceTracker fences;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (fences.in_fence(line)) {  // a "# comment" in a block is no heading
      *into += std::string(line) + "\n";
      continue;
    }
    const int part = is_heading(line)           ? part_of_heading(line, structure)
                     : stands_alone(lines, i) ? plain_part_heading(line, structure)
                                              : 0;
    // An area's heading, before its first question too: the site prints it from the structure.
    if (part == 0 && is_heading(line) && is_area_heading(line, structure)) continue;
    if (part > 0) {
      if (out.parts.count(part)) {  // met twice: the second is kept apart
        into = &out.unplaced;
        *into += std::string(line) + "\n";
        continue;
      }
      if (part < last) out.reordered.push_back(part);
      last = std::max(last, part);
      into = &out.parts[part];
      continue;
    }
    *into += std::string(line) + "\n";
  }
  auto tidy = [](std::string& s) { s = std::string(trim(s)); if (!s.empty()) s += "\n"; };
  tidy(out.intro);
  tidy(out.unplaced);
  for (auto& [n, text] : out.parts) tidy(text);
  return out;
}

std::string mark_examples(std::string_view text) {
  // Three ways Word documents set an example apart: a heading "Exempel" (the example runs to
  // the next heading), a line "**Exempel**" alone (the paragraph after it) and a paragraph
  // starting "Exempel:" (that paragraph).
  enum class Open { kNone, kSection, kParagraph };
  Open open = Open::kNone;
  bool seen_text = false;  // in a kParagraph example: its paragraph has begun
  std::string out;
  auto close = [&] {
    out += ":::\n";
    open = Open::kNone;
  };
  int depth = 0;  // inside containers already marked (by the Word file's styles): left alone
  FenceTracker fences;
  for (std::string_view line : split_lines(text)) {
    if (fences.in_fence(line)) {  // a block's lines are no lead, heading or container
      out += std::string(line) + "\n";
      if (open == Open::kParagraph) seen_text = true;
      continue;
    }
    const int step = open == Open::kNone ? container_step(line) : 0;
    depth += step;
    if (depth > 0 || step != 0) {
      out += std::string(line) + "\n";
      continue;
    }
    const std::string plain = folded(heading_text(line));
    const bool lead = (plain == "exempel" || starts_with(plain, "exempel ")) &&
                      (is_heading(line) || starts_with(trim(line), "**Exempel") || starts_with(trim(line), "Exempel"));
    const bool blank = trim(line).empty();
    if (open == Open::kParagraph && blank && seen_text) close();
    if (open == Open::kSection && is_heading(line) && !lead) out += ":::\n\n", open = Open::kNone;
    if (!lead) {
      if (open == Open::kParagraph && !blank) seen_text = true;
      out += std::string(line) + "\n";
      continue;
    }
    if (open != Open::kNone) close();
    out += "::: exempel\n";
    // What follows the word on its line is the example's text: "Exempel: Vi …", "**Exempel** Vi …".
    std::string rest{trim(std::string_view(heading_text(line)).substr(7))};
    if (!rest.empty() && rest[0] == ':') rest = std::string(trim(std::string_view(rest).substr(1)));
    const bool heading_style = starts_with(trim(line), "#");
    open = heading_style ? Open::kSection : Open::kParagraph;
    seen_text = !rest.empty();
    if (!rest.empty()) out += rest + "\n";
  }
  if (open != Open::kNone) {
    while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    close();
  }
  return out;
}

}  // namespace kv::import
