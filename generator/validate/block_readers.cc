#include "validate/block_readers.h"

#include <map>
#include <string>

#include "model/block_kinds.h"
#include "validate/data_blocks.h"
#include "validate/images.h"
#include "validate/plan_blocks.h"
#include "validate/project_block.h"
#include "validate/report_blocks.h"

namespace kv {
namespace {

template <typename T>
std::optional<model::Block> wrap(std::optional<T> value) {
  if (!value) return std::nullopt;
  return model::Block{std::move(*value)};
}

// A figure's file must be an image inside the content folder (validate/images.h).
std::optional<model::Block> read_bild(const BlockInput& in, Diagnostics& diagnostics) {
  auto figure = read_figure(in.node, in.origin, diagnostics);
  if (!figure) return std::nullopt;
  if (!figure->file.empty()) {
    // A problem with the file is reported at its fil: value, not at the fence.
    SourcePos at = in.at;
    for (const auto& entry : in.node)
      if (entry.first.IsScalar() && entry.first.Scalar() == "fil") at = position(entry.second, in.origin);
    auto file = resolve_image(figure->file, ImageUse::kFigure, at, in.context, diagnostics);
    if (!file) return std::nullopt;
    figure->file = *file;
  }
  return wrap(std::move(figure));
}

const std::map<std::string, BlockReader, std::less<>>& readers() {
  static const std::map<std::string, BlockReader, std::less<>> table = {
      {"mål", [](const BlockInput& in, Diagnostics& r) { return wrap(read_goal(in.node, in.origin, r)); }},
      {"uppföljning", [](const BlockInput& in, Diagnostics& r) { return wrap(read_follow_up(in.node, in.origin, r)); }},
      {"enkät", [](const BlockInput& in, Diagnostics& r) { return wrap(read_survey(in.node, in.origin, r)); }},
      {"ekonomi", [](const BlockInput& in, Diagnostics& r) { return wrap(read_economy(in.node, in.origin, r)); }},
      {"index", [](const BlockInput& in, Diagnostics& r) { return wrap(read_index(in.node, in.origin, r)); }},
      {"årshjul", [](const BlockInput& in, Diagnostics& r) { return wrap(read_annual_cycle(in.node, in.origin, r)); }},
      {"bild", read_bild},
      {"kf-mål",
       [](const BlockInput& in, Diagnostics& r) {
         return wrap(read_kf_goal(in.node, in.origin, r, in.context.structure, in.context.section));
       }},
      {"indikator", [](const BlockInput& in, Diagnostics& r) { return wrap(read_indicator(in.node, in.origin, r, in.context.year)); }},
      {"nämndmål", [](const BlockInput& in, Diagnostics& r) { return wrap(read_board_goal(in.node, in.origin, r)); }},
      {"aktivitet", [](const BlockInput& in, Diagnostics& r) { return wrap(read_activity(in.node, in.origin, r)); }},
      {"enhetsmål", [](const BlockInput& in, Diagnostics& r) { return wrap(read_unit_goal(in.node, in.origin, r)); }},
      {"principer",
       [](const BlockInput& in, Diagnostics& r) { return wrap(read_principles(in.node, in.origin, r, in.context.structure)); }},
      {"agenda2030", [](const BlockInput& in, Diagnostics& r) { return wrap(read_agenda(in.node, in.origin, r, in.context.structure)); }},
      {"synpunkter", [](const BlockInput& in, Diagnostics& r) { return wrap(read_complaints(in.node, in.origin, r)); }},
      {"åtgärd",
       [](const BlockInput& in, Diagnostics& r) { return wrap(read_action_item(in.node, in.origin, r, in.context.follow_up)); }},
      {"projekt", [](const BlockInput& in, Diagnostics& r) { return wrap(read_project(in.node, in.origin, r)); }},
  };
  return table;
}

}  // namespace

BlockReader block_reader(std::string_view name) {
  auto it = readers().find(name);
  return it == readers().end() ? nullptr : it->second;
}

}  // namespace kv
