#include "validate/heading_numbers.h"

#include <algorithm>

#include "model/heading_number.h"

namespace kv {

std::vector<std::vector<int>> next_heading_numbers(const std::vector<int>& previous) {
  std::vector<std::vector<int>> next;
  for (size_t depth = previous.size(); depth >= 2; --depth) {  // a sibling at this depth
    std::vector<int> n(previous.begin(), previous.begin() + static_cast<long>(depth));
    ++n.back();
    next.push_back(std::move(n));
  }
  std::vector<int> child = previous;  // the first child
  child.push_back(1);
  next.insert(next.begin(), child);
  return next;
}

namespace {

std::string alternatives(const std::vector<std::vector<int>>& numbers, const Diagnostics& diagnostics) {
  std::string out;
  for (size_t i = 0; i < numbers.size(); ++i)
    out += (i == 0 ? "" : i + 1 == numbers.size() ? diagnostics.t(Msg::kOr) : ", ") + model::number_text(numbers[i]);
  return out;
}

void check_one(const model::ProseHeading& h, const std::vector<int>& number, std::vector<int>& previous, int chapter,
               const std::string& path, Diagnostics& diagnostics) {
  const SourcePos at{path, h.line, 1};
  if (number.front() != chapter) {
    diagnostics.warning(at, diagnostics.t(Msg::kHeadingChapter, {h.text, std::to_string(number.front()), std::to_string(chapter)}),
                   diagnostics.t(Msg::kHeadingChapterHint));
  } else {
    auto next = next_heading_numbers(previous);
    if (std::find(next.begin(), next.end(), number) == next.end())
      diagnostics.warning(at, diagnostics.t(Msg::kHeadingOrder, {h.text, model::number_text(previous), alternatives(next, diagnostics)}),
                     diagnostics.t(Msg::kHeadingOrderHint));
  }
  if (h.level != static_cast<int>(number.size()))
    diagnostics.warning(at, diagnostics.t(Msg::kHeadingLevel, {h.text, std::to_string(number.size()), std::string(h.level, '#')}),
                   diagnostics.t(Msg::kHeadingLevelHint, {std::string(number.size(), '#')}));
  previous = number;
}

}  // namespace

void check_heading_numbers(const std::vector<model::Block>& blocks, int chapter, const std::string& path, Diagnostics& diagnostics) {
  std::vector<int> previous{chapter};
  model::for_each_block(blocks, [&](const model::Block& b) {
    if (const auto* p = std::get_if<model::Prose>(&b.value))
      for (const auto& h : p->headings)
        if (auto number = model::heading_number(h.text); !number.empty()) check_one(h, number, previous, chapter, path, diagnostics);
  });
}

}  // namespace kv
