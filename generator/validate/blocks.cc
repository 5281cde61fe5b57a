#include "validate/blocks.h"

#include "util/limits.h"
#include "markdown/heading_ids.h"
#include "markdown/markdown.h"
#include "util/text.h"
#include "model/block_kinds.h"
#include "validate/block_readers.h"
#include "validate/data_blocks.h"
#include "validate/images.h"
#include "validate/prose_links.h"

namespace kv {
namespace {

namespace fs = std::filesystem;

// The images of a prose run, each with a description (WCAG 1.1.1) and a file the site can
// copy (validate/images.h). Image i's path is the model's images[i] ("" when refused).
std::vector<std::string> read_images(const std::vector<markdown::Image>& images, const RawBlock& raw,
                                     const BlockContext& context, Diagnostics& diagnostics) {
  std::vector<std::string> files;
  for (const auto& image : images) {
    SourcePos at{context.path, image.at.line > 0 ? raw.text_line_offset + image.at.line : raw.line, image.at.col};
    if (trim(image.alt).empty())
      diagnostics.error(at, diagnostics.t(Msg::kImageNoAlt, {image.url}), diagnostics.t(Msg::kImageNoAltHint));
    files.push_back(resolve_image(image.url, ImageUse::kProse, at, context, diagnostics).value_or(""));
  }
  return files;
}

// A prose run, parsed once: too wide a table is reported before cmark-gfm ever sees it (its
// table parser is quadratic in columns); then raw HTML, table rows, links and images. The
// headings' ids are given per file, by assign_heading_ids.
std::optional<model::Prose> read_prose(const RawBlock& raw, const BlockContext& context, Diagnostics& diagnostics) {
  auto table = markdown::widest_table(raw.text);
  if (table.columns > limits::kTableColumns) {
    diagnostics.error({context.path, raw.text_line_offset + table.line, 1},
                 diagnostics.t(Msg::kTableTooWide, {std::to_string(table.columns), std::to_string(limits::kTableColumns)}),
                 diagnostics.t(Msg::kTableTooWideHint));
    return std::nullopt;
  }
  auto analysis = markdown::analyze(raw.text);
  for (const auto& at : analysis.raw_html) {
    int line = at.line > 0 ? raw.text_line_offset + at.line : raw.line;
    diagnostics.warning({context.path, line, at.col}, diagnostics.t(Msg::kRawHtml), diagnostics.t(Msg::kRawHtmlHint));
  }
  for (const auto& row : analysis.uneven_rows)
    diagnostics.error({context.path, raw.text_line_offset + row.at.line, row.at.col},
                 diagnostics.t(Msg::kTableRowCells, {std::to_string(row.cells), std::to_string(row.header_cells)}),
                 diagnostics.t(Msg::kTableRowCellsHint));
  model::Prose prose{std::move(analysis.html), read_links(analysis.links, raw.text_line_offset, context, diagnostics),
                     read_images(analysis.images, raw, context, diagnostics), {}};
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

std::optional<model::Block> read_data_block(const RawBlock& raw, const BlockContext& context, Diagnostics& diagnostics) {
  const SourcePos at{context.path, raw.line, raw.col};
  YamlOrigin origin{context.path, raw.text_line_offset, raw.text};
  if (trim(raw.text).empty()) {
    diagnostics.error(at, diagnostics.t(Msg::kDataBlockEmpty, {raw.name}));
    return std::nullopt;
  }
  auto node = parse_yaml(origin, diagnostics);
  if (!node) return std::nullopt;
  check_data_texts(*node, origin, diagnostics);
  const BlockReader read = block_reader(raw.name);
  if (!read) return std::nullopt;  // unknown names were reported by the splitter
  return read({*node, origin, at, context}, diagnostics);
}


// The goal hierarchy is given by block order (model/block_kinds.h): a block with a parent
// follows a block of that kind (indicators and nämndmål a kf-mål, activities and enhetsmål a
// nämndmål). A block that opens a level closes the levels below it: after a new kf-mål, an
// activity needs a new nämndmål. Tracks what came before, in document order.
struct Hierarchy {
  std::map<int, std::string> open;  // level → the kind that opened it

  void check(const RawBlock& r, const BlockContext& context, Diagnostics& diagnostics) {
    const model::BlockKind* kind = model::find_block_kind(r.name);
    if (!kind) return;
    if (kind->parent) {
      bool seen = false;
      for (const auto& [level, name] : open) seen |= name == kind->parent;
      if (!seen)
        diagnostics.error({context.path, r.line, r.col}, diagnostics.t(Msg::kOrphanBlock, {r.name, kind->parent}),
                     diagnostics.t(Msg::kOrphanBlockHint, {kind->parent}));
    }
    if (kind->level > 0) {
      open.erase(open.lower_bound(kind->level), open.end());
      open[kind->level] = kind->name;
    }
  }
};

std::vector<model::Block> convert(const std::vector<RawBlock>& raw, const BlockContext& context, Hierarchy& hierarchy,
                                  Diagnostics& diagnostics) {
  std::vector<model::Block> blocks;
  for (const auto& r : raw) {
    switch (r.kind) {
      case RawBlock::Kind::kProse:
        if (auto prose = read_prose(r, context, diagnostics)) blocks.push_back({std::move(*prose)});
        break;
      case RawBlock::Kind::kContainer:
      {
        model::Container c{r.name, convert(r.children, context, hierarchy, diagnostics)};
        if (const auto* spec = context.structure ? context.structure->find_container(r.name) : nullptr) {
          c.heading = spec->heading;
          c.boxed = spec->boxed;
        }
        blocks.push_back({std::move(c)});
        break;
      }
        break;
      case RawBlock::Kind::kData:
        hierarchy.check(r, context, diagnostics);
        if (auto block = read_data_block(r, context, diagnostics)) {
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
                                          Diagnostics& diagnostics) {
  Hierarchy hierarchy;
  auto blocks = convert(raw, context, hierarchy, diagnostics);
  markdown::HeadingIds ids;
  assign_heading_ids(blocks, ids);
  return blocks;
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
