#include "validate/blocks.h"

#include "load/limits.h"
#include "markdown/heading_ids.h"
#include "markdown/markdown.h"
#include "util/text.h"
#include "validate/data_blocks.h"
#include "validate/images.h"
#include "validate/prose_links.h"
#include "validate/plan_blocks.h"
#include "validate/project_block.h"
#include "validate/report_blocks.h"

namespace kv {
namespace {

namespace fs = std::filesystem;

// The images of a prose run, each with a description (WCAG 1.1.1) and a file the site can
// copy (validate/images.h). Image i's path is the model's images[i] ("" when refused).
std::vector<std::string> read_images(const std::vector<markdown::Image>& images, const RawBlock& raw,
                                     const BlockContext& context, Report& report) {
  std::vector<std::string> files;
  for (const auto& image : images) {
    SourcePos at{context.path, image.at.line > 0 ? raw.text_line_offset + image.at.line : raw.line, image.at.col};
    if (trim(image.alt).empty())
      report.error(at, report.t(Msg::kImageNoAlt, {image.url}), report.t(Msg::kImageNoAltHint));
    files.push_back(resolve_image(image.url, ImageUse::kProse, at, context, report).value_or(""));
  }
  return files;
}

// A prose run, parsed once: too wide a table is reported before cmark-gfm ever sees it (its
// table parser is quadratic in columns); then raw HTML, table rows, links and images. The
// headings' ids are given per file, by assign_heading_ids.
std::optional<model::Prose> read_prose(const RawBlock& raw, const BlockContext& context, Report& report) {
  auto table = markdown::widest_table(raw.text);
  if (table.columns > limits::kTableColumns) {
    report.error({context.path, raw.text_line_offset + table.line, 1},
                 report.t(Msg::kTableTooWide, {std::to_string(table.columns), std::to_string(limits::kTableColumns)}),
                 report.t(Msg::kTableTooWideHint));
    return std::nullopt;
  }
  auto analysis = markdown::analyze(raw.text);
  for (const auto& at : analysis.raw_html) {
    int line = at.line > 0 ? raw.text_line_offset + at.line : raw.line;
    report.warning({context.path, line, at.col}, report.t(Msg::kRawHtml), report.t(Msg::kRawHtmlHint));
  }
  for (const auto& row : analysis.uneven_rows)
    report.error({context.path, raw.text_line_offset + row.at.line, row.at.col},
                 report.t(Msg::kTableRowCells, {std::to_string(row.cells), std::to_string(row.header_cells)}),
                 report.t(Msg::kTableRowCellsHint));
  model::Prose prose{std::move(analysis.html), read_links(analysis.links, raw.text_line_offset, context, report),
                     read_images(analysis.images, raw, context, report), {}};
  for (const auto& h : analysis.headings) prose.headings.push_back({markdown::heading_slug(h.text), h.text, h.level, raw.text_line_offset + h.at.line});
  return prose;
}

// Headings' ids, unique within the file: the same heading twice is "mal" and "mal-2".
void assign_heading_ids(std::vector<model::Block>& blocks, markdown::HeadingIds& ids) {
  for (auto& block : blocks) {
    if (auto* p = std::get_if<model::Prose>(&block.value))
      for (auto& h : p->headings) h.id = ids.add(h.id);
    else if (auto* c = std::get_if<model::Container>(&block.value))
      assign_heading_ids(c->children, ids);
  }
}

std::optional<model::Figure> resolve_figure(model::Figure figure, const SourcePos& at, const BlockContext& context,
                                            Report& report) {
  if (figure.file.empty()) return figure;
  auto file = resolve_image(figure.file, ImageUse::kFigure, at, context, report);
  if (!file) return std::nullopt;
  figure.file = *file;
  return figure;
}

std::optional<model::Block> read_data_block(const RawBlock& raw, const BlockContext& context, Report& report) {
  const SourcePos at{context.path, raw.line, raw.col};
  YamlOrigin origin{context.path, raw.text_line_offset, raw.text};
  if (trim(raw.text).empty()) {
    report.error(at, report.t(Msg::kDataBlockEmpty, {raw.name}));
    return std::nullopt;
  }
  auto node = parse_yaml(origin, report);
  if (!node) return std::nullopt;
  check_data_texts(*node, origin, report);
  auto wrap = [](auto value) -> std::optional<model::Block> {
    if (!value) return std::nullopt;
    return model::Block{std::move(*value)};
  };
  if (raw.name == "mål") return wrap(read_goal(*node, origin, report));
  if (raw.name == "uppföljning") return wrap(read_follow_up(*node, origin, report));
  if (raw.name == "enkät") return wrap(read_survey(*node, origin, report));
  if (raw.name == "ekonomi") return wrap(read_economy(*node, origin, report));
  if (raw.name == "index") return wrap(read_index(*node, origin, report));
  if (raw.name == "årshjul") return wrap(read_annual_cycle(*node, origin, report));
  if (raw.name == "kf-mål") return wrap(read_kf_goal(*node, origin, report, context.structure, context.section));
  if (raw.name == "indikator") return wrap(read_indicator(*node, origin, report, context.year));
  if (raw.name == "nämndmål") return wrap(read_board_goal(*node, origin, report));
  if (raw.name == "aktivitet") return wrap(read_activity(*node, origin, report));
  if (raw.name == "enhetsmål") return wrap(read_unit_goal(*node, origin, report));
  if (raw.name == "principer") return wrap(read_principles(*node, origin, report, context.structure));
  if (raw.name == "agenda2030") return wrap(read_agenda(*node, origin, report, context.structure));
  if (raw.name == "synpunkter") return wrap(read_complaints(*node, origin, report));
  if (raw.name == "åtgärd") return wrap(read_action_item(*node, origin, report, context.follow_up));
  if (raw.name == "projekt") return wrap(read_project(*node, origin, report));
  if (raw.name == "bild") {
    auto figure = read_figure(*node, origin, report);
    if (!figure) return std::nullopt;
    return wrap(resolve_figure(*figure, at, context, report));
  }
  return std::nullopt;  // unknown names were reported by the splitter
}

// The name a data block has in the content files (and in kräver:/rekommenderar:).
struct PartName {
  const char* operator()(const model::Goal&) const { return "mål"; }
  const char* operator()(const model::GoalFollowUp&) const { return "uppföljning"; }
  const char* operator()(const model::SurveyTable&) const { return "enkät"; }
  const char* operator()(const model::EconomyTable&) const { return "ekonomi"; }
  const char* operator()(const model::IndexSeries&) const { return "index"; }
  const char* operator()(const model::AnnualCycle&) const { return "årshjul"; }
  const char* operator()(const model::Figure&) const { return "bild"; }
  const char* operator()(const model::KfGoal&) const { return "kf-mål"; }
  const char* operator()(const model::Indicator&) const { return "indikator"; }
  const char* operator()(const model::BoardGoal&) const { return "nämndmål"; }
  const char* operator()(const model::Activity&) const { return "aktivitet"; }
  const char* operator()(const model::UnitGoal&) const { return "enhetsmål"; }
  const char* operator()(const model::Principles&) const { return "principer"; }
  const char* operator()(const model::Agenda2030&) const { return "agenda2030"; }
  const char* operator()(const model::Complaints&) const { return "synpunkter"; }
  const char* operator()(const model::ActionItem&) const { return "åtgärd"; }
  const char* operator()(const model::Project&) const { return "projekt"; }
  const char* operator()(const model::Prose&) const { return nullptr; }
  const char* operator()(const model::Container& c) const { return c.kind.c_str(); }
};

// The goal hierarchy is given by block order: indicators and nämndmål follow a kf-mål,
// activities and enhetsmål follow a nämndmål. Tracks what came before, in document order.
struct Hierarchy {
  bool seen_kf_goal = false, seen_board_goal = false;

  void check(const RawBlock& r, const BlockContext& context, Report& report) {
    const char* parent = nullptr;
    if (r.name == "kf-mål") seen_kf_goal = true, seen_board_goal = false;
    else if (r.name == "indikator" || r.name == "nämndmål") parent = seen_kf_goal ? nullptr : "kf-mål";
    else if (r.name == "aktivitet" || r.name == "enhetsmål") parent = seen_board_goal ? nullptr : "nämndmål";
    if (r.name == "nämndmål") seen_board_goal = true;
    if (parent)
      report.error({context.path, r.line, r.col}, report.t(Msg::kOrphanBlock, {r.name, parent}),
                   report.t(Msg::kOrphanBlockHint, {parent}));
  }
};

std::vector<model::Block> convert(const std::vector<RawBlock>& raw, const BlockContext& context, Hierarchy& hierarchy,
                                  Report& report) {
  std::vector<model::Block> blocks;
  for (const auto& r : raw) {
    switch (r.kind) {
      case RawBlock::Kind::kProse:
        if (auto prose = read_prose(r, context, report)) blocks.push_back({std::move(*prose)});
        break;
      case RawBlock::Kind::kContainer:
        blocks.push_back({model::Container{r.name, convert(r.children, context, hierarchy, report)}});
        break;
      case RawBlock::Kind::kData:
        hierarchy.check(r, context, report);
        if (auto block = read_data_block(r, context, report)) {
          block->line = r.line;
          blocks.push_back(std::move(*block));
        }
        break;
    }
  }
  return blocks;
}

}  // namespace

std::vector<model::Block> to_model_blocks(const std::vector<RawBlock>& raw, const BlockContext& context,
                                          Report& report) {
  Hierarchy hierarchy;
  auto blocks = convert(raw, context, hierarchy, report);
  markdown::HeadingIds ids;
  assign_heading_ids(blocks, ids);
  return blocks;
}

std::map<std::string, int> count_parts(const std::vector<model::Block>& blocks) {
  std::map<std::string, int> counts;
  model::for_each_block(blocks, [&](const model::Block& block) {
    if (const char* name = std::visit(PartName{}, block.value)) ++counts[name];
  });
  return counts;
}

bool has_content(const std::vector<model::Block>& blocks) {
  for (const auto& block : blocks) {
    if (const auto* p = std::get_if<model::Prose>(&block.value)) {
      if (!trim(p->html).empty()) return true;
    } else if (const auto* c = std::get_if<model::Container>(&block.value)) {
      if (has_content(c->children)) return true;
    } else {
      return true;
    }
  }
  return false;
}

}  // namespace kv
