#include "targets.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "diag/diagnostic.h"
#include "load/markdown_file.h"
#include "load/source.h"
#include "markdown/markdown.h"
#include "model/structure.h"
#include "model/vocabulary.h"
#include "render/html/blocks_html.h"
#include "util/text.h"
#include "validate/blocks.h"

namespace kv::fuzz {
namespace {

// An invariant that must hold for every input; breaking it is a finding.
void check(bool ok, const std::string& what) {
  if (!ok) throw std::logic_error("fuzz invariant broken: " + what);
}

// Authors' files reach the splitters and readers only as strict UTF-8 without control
// characters (read_source rejects anything else, lone CRs included), so other inputs are
// skipped rather than reported.
bool acceptable(std::string_view text) { return !find_invalid_utf8(text) && !find_control_character(text); }

int line_count(std::string_view text) { return static_cast<int>(split_lines(text).size()); }

// Every diagnostic points into the file (a line past the last one is allowed: the end of
// the file) and formats without trouble.
void check_diagnostics(const Diagnostics& diagnostics, int last_line) {
  for (const auto& d : diagnostics.list.items()) {
    check(d.pos.line >= 0 && d.pos.line <= last_line + 1,
          "diagnostic line " + std::to_string(d.pos.line) + " outside 0.." + std::to_string(last_line + 1));
    check(d.pos.col >= 0, "diagnostic column " + std::to_string(d.pos.col) + " negative");
    check(!d.message.empty(), "diagnostic without message");
    (void)format_diagnostic(d, false);
  }
}

void check_blocks(const std::vector<RawBlock>& blocks, int last_line, bool inside_container) {
  const auto& data_names = model::data_block_names();
  for (const auto& b : blocks) {
    check(b.line >= 1 && b.line <= last_line, "block line " + std::to_string(b.line) + " outside the file");
    check(b.text_line_offset >= 0 && b.text_line_offset < last_line, "block text offset outside the file");
    check(b.text_line_offset + line_count(b.text) <= last_line, "block text runs past the file");
    switch (b.kind) {
      case RawBlock::Kind::kProse:
        check(b.children.empty() && b.name.empty(), "prose with a name or children");
        check(!trim(b.text).empty(), "empty prose block");
        break;
      case RawBlock::Kind::kData:
        check(std::find(data_names.begin(), data_names.end(), b.name) != data_names.end(),
              "data block with unknown name " + b.name);
        check(b.children.empty(), "data block with children");
        break;
      case RawBlock::Kind::kContainer:
        check(!inside_container, "container inside a container");
        break;
    }
    check(b.col >= 0, "negative block column");
    check_blocks(b.children, last_line, true);
  }
}

// The report structure's city data the report blocks are checked against, as in
// templates/structures/verksamhetsberattelse-2024.yaml (shortened).
const model::Structure& report_structure() {
  static const model::Structure structure = [] {
    model::Structure s;
    s.id = "verksamhetsberattelse-2024";
    s.kind = "verksamhetsberattelse";
    s.name = "Verksamhetsberättelse";
    s.year = 2024;
    s.report.direction_goals = {{1, "Ett Stockholm som håller samman", {{"1.4", "Stockholm ska vara en bra stad att åldras i"}}},
                         {2, "Ett grönt och fossilfritt Stockholm", {{"2.1", "Klimatpositivt"}, {"2.2", "Mångfald"}}}};
    s.report.principles = {{"stockholmarnas_fokus", "Stockholmarnas fokus"}, {"helhetssyn", "Helhetssyn"},
                    {"hållbarhet", "Hållbarhet"},                     {"handlingsutrymme", "Handlingsutrymme"},
                    {"lärande", "Lärande"},                           {"öppenhet", "Öppenhet"}};
    for (int n = 1; n <= 17; ++n) s.report.agenda_2030.push_back("Mål " + std::to_string(n));
    model::QuestionSpec section;
    section.number = 4;
    section.title = "KF:s inriktningsmål: 1";
    section.direction_goal = 1;
    s.areas = {{"Uppföljning av Kommunfullmäktiges inriktningsmål", {section}}};
    return s;
  }();
  return structure;
}

}  // namespace

void check_safe_html(const std::string& html) {
  check(acceptable(html), "HTML output is not valid UTF-8");
  const std::string folded = fold_case(html);
  for (const char* bad : {"<script", "<iframe", "<object", "<embed", "<style", "<svg onload", "href=\"javascript:",
                          "src=\"javascript:", "href=\"vbscript:"})
    check(folded.find(bad) == std::string::npos, std::string("HTML output contains ") + bad);
}

void fuzz_front_matter(std::string_view input) {
  if (!acceptable(input)) return;
  Diagnostics diagnostics;
  SourceFile source{"fuzz.md", std::string(input)};
  MarkdownFile file = split_front_matter(source, diagnostics);
  const int last_line = line_count(input);
  if (file.front_matter) {
    check(file.body_line_offset >= 2 && file.body_line_offset <= last_line, "body offset outside the file");
    check(file.front_matter->line_offset + line_count(file.front_matter->yaml) < file.body_line_offset,
          "front matter overlaps the body");
  } else {
    check(file.body == input && file.body_line_offset == 0, "body changed without front matter");
  }
  BlockVocabulary vocabulary{model::container_names(), model::data_block_names()};
  auto blocks = split_blocks(file, vocabulary, diagnostics);
  check_blocks(blocks, last_line, false);
  check_diagnostics(diagnostics, last_line);
}

void fuzz_data_blocks(std::string_view input) {
  if (input.empty()) return;
  const auto& names = model::data_block_names();
  const std::string& name = names[static_cast<uint8_t>(input[0]) % names.size()];
  std::string_view yaml = input.substr(1);
  if (!acceptable(yaml)) return;

  // The block as the splitter gives it: "```name" on line 1, the YAML from line 2 on.
  RawBlock raw;
  raw.kind = RawBlock::Kind::kData;
  raw.name = name;
  raw.text = std::string(yaml);
  raw.line = 1;
  raw.col = 4;
  raw.text_line_offset = 1;
  const model::Structure& structure = report_structure();
  BlockContext context;
  context.path = "fuzz.md";
  static const ContentRoot nowhere("/nonexistent/kvalitet-fuzz");  // no figure file resolves
  context.content = &nowhere;
  context.directory = nowhere.path;
  context.structure = &structure;
  context.section = structure.find_question(4);
  context.year = 2024;

  Diagnostics diagnostics;
  auto blocks = to_model_blocks({raw}, context, diagnostics);
  check(blocks.size() <= 1, "one data block gave several model blocks");
  check_diagnostics(diagnostics, 1 + line_count(yaml) + 1);
  (void)kv::model::count_parts(blocks);
  (void)has_content(blocks);
  check_safe_html(blocks_to_html(blocks, {Lang::kSv, "../", 2, "f-"}));
}

void fuzz_markdown(std::string_view input) {
  if (!acceptable(input)) return;
  check_safe_html(markdown::to_html(input, 2));
  // Finding uffff (tests/fixtures/fuzz/markdown): cmark-gfm wrote U+FFFE/U+FFFF as single
  // bytes; to_plain_text restores them. Finding lone-cr-lines: cmark ends a line at a lone
  // CR, split_lines does not; the loader now refuses lone CRs (acceptable() skips them).
  check(!find_invalid_utf8(markdown::to_plain_text(input)), "plain text is not valid UTF-8");
  const int last_line = line_count(input);
  const auto analysis = markdown::analyze(input);
  for (const auto& at : analysis.raw_html)
    check(at.line >= 1 && at.line <= last_line && at.col >= 1, "raw HTML location outside the text");
  // Links, images and uneven table rows are located in the source (markdown/source_text.h).
  for (const auto& link : analysis.links)
    check(link.at.line >= 1 && link.at.line <= last_line && link.at.col >= 0, "link location outside the text");
  for (const auto& image : analysis.images)
    check(image.at.line >= 1 && image.at.line <= last_line && image.at.col >= 0, "image location outside the text");
  for (const auto& row : analysis.uneven_rows)
    check(row.at.line >= 1 && row.at.line <= last_line && row.at.col >= 1, "table row location outside the text");
}

const std::vector<Target>& targets() {
  static const std::vector<Target> all = {
      {"front_matter", fuzz_front_matter}, {"data_blocks", fuzz_data_blocks}, {"markdown", fuzz_markdown}};
  return all;
}

}  // namespace kv::fuzz
