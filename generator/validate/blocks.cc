#include "validate/blocks.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>

#include "load/content_path.h"
#include "load/limits.h"
#include "markdown/markdown.h"
#include "validate/svg_check.h"
#include "util/text.h"
#include "validate/data_blocks.h"
#include "validate/report_blocks.h"

namespace kv {
namespace {

namespace fs = std::filesystem;

// The images of a prose run: none from an address, none outside the content folder, none missing.
void check_images(const std::vector<markdown::Image>& images, const RawBlock& raw, const BlockContext& context,
                  Report& report) {
  const ContentRoot& root = *context.content;
  for (const auto& image : images) {
    SourcePos at{context.path, image.at.line > 0 ? raw.text_line_offset + image.at.line : raw.line, image.at.col};
    if (markdown::is_remote_url(image.url)) {
      report.error(at, report.t(Msg::kRemoteImage, {image.url}), report.t(Msg::kRemoteImageHint));
      continue;
    }
    std::string path = image.url.substr(0, image.url.find_first_of("?#"));
    fs::path file = fs::path(path).is_absolute() ? fs::path(path) : context.directory / path;
    if (classify_path(root, file) == PathState::kMissing)
      report.error(at, report.t(Msg::kImageMissing, {image.url}), report.t(Msg::kImageMissingHint));
    else
      check_content_path(root, file, image.url, at, report);
  }
}

// A prose run, parsed once: too wide a table is reported before cmark-gfm ever sees it (its
// table parser is quadratic in columns); then raw HTML and images. Returns the HTML.
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
  check_images(analysis.images, raw, context, report);
  return model::Prose{std::move(analysis.html)};
}

// An SVG the site will copy must be an inert drawing (see validate/svg_check.h).
bool check_svg(const fs::path& file, const std::string& shown, const SourcePos& at, Report& report) {
  std::ifstream in(file, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (svg_is_inert(text)) return true;
  report.error(at, report.t(Msg::kSvgNotInert, {shown}), report.t(Msg::kSvgNotInertHint));
  return false;
}

std::optional<model::Figure> resolve_figure(model::Figure figure, const SourcePos& at, const BlockContext& context,
                                            Report& report) {
  if (figure.file.empty()) return figure;
  std::string ext = fold_case(fs::path(figure.file).extension().string());
  if (ext != ".png" && ext != ".jpg" && ext != ".jpeg" && ext != ".svg" && ext != ".webp" && ext != ".gif") {
    report.error(at, report.t(Msg::kImageType, {figure.file}), report.t(Msg::kImageTypeHint));
    return std::nullopt;
  }
  const ContentRoot& root = *context.content;
  fs::path file = (context.directory / figure.file).lexically_normal();
  if (classify_path(root, file) == PathState::kMissing) {
    report.error(at, report.t(Msg::kImageMissing, {figure.file}), report.t(Msg::kImageMissingHint));
    return std::nullopt;
  }
  if (!check_content_path(root, file, figure.file, at, report)) return std::nullopt;
  std::error_code ec;
  if (auto size = fs::file_size(file, ec); !ec && size > limits::kImageFileBytes) {
    report.error(at, report.t(Msg::kImageTooLarge, {figure.file, group_digits(size), group_digits(limits::kImageFileBytes)}),
                 report.t(Msg::kImageTooLargeHint));
    return std::nullopt;
  }
  if (ext == ".svg" && !check_svg(file, figure.file, at, report)) return std::nullopt;
  // The site copies the file at this path; the check above made sure it leads inside.
  fs::path relative = file.lexically_relative(root.path);
  if (relative.empty() || *relative.begin() == "..") {
    report.error(at, report.t(Msg::kPathOutsideContent, {figure.file, root.path.generic_string()}),
                 report.t(Msg::kPathOutsideContentHint));
    return std::nullopt;
  }
  figure.file = relative.generic_string();
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
        if (auto block = read_data_block(r, context, report)) blocks.push_back(std::move(*block));
        break;
    }
  }
  return blocks;
}

}  // namespace

std::vector<model::Block> to_model_blocks(const std::vector<RawBlock>& raw, const BlockContext& context,
                                          Report& report) {
  Hierarchy hierarchy;
  return convert(raw, context, hierarchy, report);
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
