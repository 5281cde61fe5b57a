// The typed content of an answer. Everything here was validated; no YAML past this point.
// Texts in data blocks are Markdown source; renderers decide how to show them. Prose was
// parsed once, at validation, and is kept as HTML.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "model/links.h"
#include "model/plan_blocks.h"
#include "model/project_block.h"
#include "model/report_blocks.h"
#include "util/number.h"

namespace kv::model {

struct ProseHeading {
  std::string id;    // unique within the file the prose is in
  std::string text;  // as plain text, e.g. "1.1 Äldreomsorgens inriktning"
  int level = 0;     // as written: "##" is 2
  int line = 0;      // in its file
};

struct Prose {
  // Rendered once, at validation (markdown::analyze): headings from h2; link i's address is
  // the placeholder href="kvlink:i" and image i's src="kvmedia:i", which each page fills in.
  std::string html;
  std::vector<Link> links{};
  std::vector<std::string> images{};       // image i's file, relative to the content folder
  std::vector<ProseHeading> headings{};  // in order
};

struct Submission;

// A goal or follow-up in another year's document: the part it is in and its place among the
// goals (or follow-ups) of that part, counted from 1 in document order.
struct ThreadRef {
  const Submission* doc = nullptr;
  int part = 0;
  int item = 0;
};

struct Goal {  // "mål": a goal of the year
  std::string goal, expected_result, method, follow_up;
  std::vector<ThreadRef> followed_up_in{};  // filled in by the thread between years
};

struct GoalFollowUp {  // "uppföljning": last year's goal followed up
  std::string goal, result, analysis, take_forward;
  std::optional<ThreadRef> goal_set_in{};  // filled in by the thread between years
};

// Figures are kept as written (util/number.h): "22,0" stays 22,0 wherever it is shown.
struct SurveyRow {
  std::string answer;
  Number total;
  std::optional<Number> women, men, other;
};

struct SurveyTable {  // "enkät": survey results by gender, in percent
  std::string question;
  std::vector<SurveyRow> rows;
};

struct EconomyYear {
  int year = 0;
  Number budget, outcome, result;
  bool forecast = false;
};

struct EconomyTable {  // "ekonomi": budget and outcome per year
  std::string unit;
  std::vector<EconomyYear> years;
  std::string footnote;
};

struct IndexValue {
  int year = 0;
  Number value;
  std::vector<std::pair<std::string, Number>> sub_indices;  // in the author's order

  std::optional<Number> sub_index(const std::string& name) const;
};

struct IndexSeries {  // "index": an index figure per year
  std::string name, description;
  std::vector<IndexValue> values;
};

struct AnnualCycle {  // "årshjul": month (1–12) → activities
  std::vector<std::pair<int, std::vector<std::string>>> months;
};

struct Figure {  // "bild"
  std::string caption;
  std::string file;  // path relative to the content root; empty when only the caption exists
};

struct Block;

struct Container {  // "::: exempel", "::: styrkor", …
  std::string kind;
  std::vector<Block> children;
  // A structure's own container (behållare:): its heading and how it is set apart; the
  // built-in ones have no heading here (their words are in the language file).
  std::string heading{};
  bool boxed = false;
};

struct Block {
  std::variant<Prose, Container, Goal, GoalFollowUp, SurveyTable, EconomyTable, IndexSeries, AnnualCycle, Figure, KfGoal,
               Indicator, BoardGoal, Activity, UnitGoal, Principles, Agenda2030, Complaints, ActionItem, Project>
      value;
  int line = 0;  // a data block's line in its file (where the fence opens); 0 otherwise
};

// The sub-index names of series, in order of first appearance.
std::vector<std::string> sub_index_names(const std::vector<const IndexSeries*>& series);

// Calls fn(block) for every block, containers' children included, in document order.
template <typename Fn>
void for_each_block(const std::vector<Block>& blocks, Fn&& fn) {
  for (const auto& block : blocks) {
    fn(block);
    if (const auto* c = std::get_if<Container>(&block.value)) for_each_block(c->children, fn);
  }
}

// The same for a pass that writes into the blocks (the thread between years).
template <typename Fn>
void for_each_block(std::vector<Block>& blocks, Fn&& fn) {
  for (auto& block : blocks) {
    fn(block);
    if (auto* c = std::get_if<Container>(&block.value)) for_each_block(c->children, fn);
  }
}

}  // namespace kv::model
