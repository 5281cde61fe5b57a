#include "import/run_in_blocks.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "i18n/messages.h"
#include "import/paragraphs.h"
#include "scaffold/block_writer.h"
#include "util/text.h"
#include "validate/data_blocks.h"

namespace kv::import {
namespace {

struct Field {
  const char* key;
  Msg label;
};

// The fields each run-in block prints, in order, after its "Mål:" line (blocks_html.cc).
struct RunInKind {
  const char* kind;
  std::vector<Field> fields;
};

const std::vector<RunInKind>& kinds() {
  static const std::vector<RunInKind> k = {
      {"mål", {{"förväntat_resultat", Msg::kUiExpectedResult}, {"arbetssätt", Msg::kUiMethod}, {"uppföljning", Msg::kUiFollowUp}}},
      {"uppföljning", {{"resultat", Msg::kUiResult}, {"analys", Msg::kUiAnalysis}, {"ta_tillvara", Msg::kUiTakeForward}}},
  };
  return k;
}

// A written label against a printed one, in either language: equal ignoring case, or for a
// longer word one letter off.
bool same_label(const std::string& written, Msg label) {
  const std::string mine = fold_case(written);
  for (Lang lang : {Lang::kSv, Lang::kEn}) {
    const std::string theirs = fold_case(text(lang, label));
    if (mine == theirs || (theirs.size() >= 6 && edit_distance(mine, theirs, 1) <= 1)) return true;
  }
  return false;
}

// The field of kind a paragraph's label names, or -1.
int field_of(const RunInKind& kind, const std::string& label) {
  for (size_t f = 0; f < kind.fields.size(); ++f)
    if (same_label(label, kind.fields[f].label)) return static_cast<int>(f);
  return -1;
}

// Paragraphs as one text, a blank line between them (the writer keeps them apart).
std::string paragraphs_text(const std::vector<std::string>& paragraphs) {
  std::vector<std::string> trimmed;
  for (const auto& p : paragraphs) trimmed.emplace_back(trim(p));
  return join(trimmed, "\n\n");
}

// A one-line value; line breaks in it become spaces (a goal's title is one line).
std::string one_line(std::string_view value) {
  std::string line;
  for (char c : value) line += c == '\n' ? ' ' : c;
  return line;
}

// A goal or follow-up starting at chunks[i] ("Mål: …"): the block and how many chunks it
// takes, or nullopt when no field label follows before the next goal, heading or table.
Found goal_block(const std::vector<Chunk>& chunks, size_t i) {
  const RunIn head = run_in_label(chunks[i].text);
  std::vector<RunIn> span;
  for (size_t j = i + 1; j < chunks.size() && is_prose(chunks[j]); ++j) {
    RunIn r = run_in_label(chunks[j].text);
    if (same_label(r.label, Msg::kUiGoal)) break;
    span.push_back(std::move(r));
  }
  const RunInKind* best = nullptr;
  size_t best_count = 0;
  for (const auto& kind : kinds()) {
    const size_t n = std::count_if(span.begin(), span.end(), [&](const RunIn& r) { return field_of(kind, r.label) >= 0; });
    if (n > best_count) best = &kind, best_count = n;
  }
  if (!best) return std::nullopt;
  size_t last = 0;  // the last labelled paragraph: text after it is not the block's
  for (size_t k = 0; k < span.size(); ++k)
    if (field_of(*best, span[k].label) >= 0) last = k;
  std::vector<std::vector<std::string>> values(best->fields.size());
  int field = -1;
  for (size_t k = 0; k <= last; ++k) {
    if (int f = field_of(*best, span[k].label); f >= 0) {
      field = f;
      if (!span[k].rest.empty()) values[f].push_back(span[k].rest);
    } else if (field >= 0) {
      values[field].push_back(std::string(trim(chunks[i + 1 + k].text)));
    }
  }
  std::vector<std::string> texts;
  for (const auto& v : values) texts.push_back(paragraphs_text(v));
  const std::string title = one_line(trim(head.rest));
  const std::string block = std::string(best->kind) == "mål"
                                ? scaffold::block_text(model::Goal{title, texts[0], texts[1], texts[2]})
                                : scaffold::block_text(model::GoalFollowUp{title, texts[0], texts[1], texts[2]});
  return std::pair{block, last + 2};
}

// The month a paragraph "Januari: …" names (index into month_names()), or -1.
int month_of(const RunIn& r) {
  const auto& months = month_names();
  auto it = std::find(months.begin(), months.end(), fold_case(r.label));
  return it == months.end() || r.rest.empty() ? -1 : static_cast<int>(it - months.begin());
}

Found annual_cycle(const std::vector<Chunk>& chunks, size_t i) {
  model::AnnualCycle cycle;
  size_t n = 0;
  for (; i + n < chunks.size() && is_prose(chunks[i + n]); ++n) {
    const RunIn r = run_in_label(chunks[i + n].text);
    const int month = month_of(r);
    if (month < 0) break;
    cycle.months.emplace_back(month + 1, std::vector<std::string>{r.rest});
  }
  if (n < 2) return std::nullopt;
  return std::pair{scaffold::block_text(cycle), n};
}

}  // namespace

std::string recognise_run_in_blocks(std::string_view markdown) {
  return replace_chunks(markdown, [](const std::vector<Chunk>& chunks, size_t i) -> Found {
    if (!is_prose(chunks[i])) return std::nullopt;
    const RunIn r = run_in_label(chunks[i].text);
    if (same_label(r.label, Msg::kUiGoal) && !r.rest.empty()) return goal_block(chunks, i);
    if (month_of(r) >= 0) return annual_cycle(chunks, i);
    return std::nullopt;
  });
}

}  // namespace kv::import
