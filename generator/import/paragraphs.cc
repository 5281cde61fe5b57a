#include "import/paragraphs.h"

#include "util/text.h"

namespace kv::import {

bool FenceTracker::in_fence(std::string_view line) {
  opened_ = false;
  if (open_) {
    if (closes_fence(*open_, line)) open_.reset();
    return true;
  }
  open_ = parse_fence(line);
  opened_ = open_.has_value();
  return opened_;
}

std::vector<Chunk> split_chunks(std::string_view markdown) {
  std::vector<Chunk> chunks;
  Chunk current;
  FenceTracker fences;
  auto flush = [&] {
    if (!current.text.empty()) chunks.push_back(current);
    current = {};
  };
  for (std::string_view line : split_lines(markdown)) {
    const bool fenced = fences.in_fence(line);
    if (!fenced && trim(line).empty()) {
      flush();
      continue;
    }
    if (fenced && fences.opened()) flush();  // a fence opens its own chunk
    if (!fenced && current.fenced) flush();  // and ends it (a fence left open runs to the end)
    current.text += std::string(line) + "\n";
    current.fenced = current.fenced || fenced;
  }
  flush();
  return chunks;
}

std::string join_chunks(const std::vector<Chunk>& chunks) {
  std::string out;
  for (const auto& c : chunks) out += (out.empty() ? "" : "\n") + c.text;
  return out;
}

bool is_prose(const Chunk& c) {
  const std::string_view t = trim(c.text);
  return !c.fenced && !t.empty() && t[0] != '#' && t[0] != '|' && !starts_with(t, ":::");
}

std::string replace_chunks(std::string_view markdown, const std::function<Found(const std::vector<Chunk>&, size_t)>& find) {
  const std::vector<Chunk> chunks = split_chunks(markdown);
  std::vector<Chunk> out;
  for (size_t i = 0; i < chunks.size();) {
    if (Found block = find(chunks, i)) {
      out.push_back({block->first, true});
      i += block->second;
    } else {
      out.push_back(chunks[i++]);
    }
  }
  return join_chunks(out);
}

std::string heading_text(std::string_view line) {
  line = trim(line);
  while (!line.empty() && line.front() == '#') line.remove_prefix(1);
  std::string out;
  for (char c : trim(line))
    if (c != '*' && c != '_') out += c;
  return std::string(trim(out));
}

bool stands_alone(const std::vector<std::string_view>& lines, size_t i) {
  return (i == 0 || trim(lines[i - 1]).empty()) && (i + 1 == lines.size() || trim(lines[i + 1]).empty());
}

int container_step(std::string_view line) {
  line = trim(line);
  if (!starts_with(line, ":::")) return 0;
  return trim(line.substr(3)).empty() ? -1 : 1;
}

RunIn run_in_label(std::string_view paragraph) {
  std::string_view p = trim(paragraph);
  const size_t colon = p.find(':');
  if (colon == std::string_view::npos || colon > 60) return {};
  std::string label;
  for (char c : p.substr(0, colon))
    if (c != '*' && c != '_') label += c;
  label = std::string(trim(label));
  int words = label.empty() ? 0 : 1;
  for (char c : label) words += c == ' ';
  if (words == 0 || words > 5) return {};
  std::string_view rest = trim(p.substr(colon + 1));
  if (starts_with(p, "**") && starts_with(rest, "**")) rest = trim(rest.substr(2));  // "**Mål:** …"
  return {label, std::string(rest)};
}

}  // namespace kv::import
