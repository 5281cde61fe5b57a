// The "changes since last year" page of an answer (render/html/changes_page.cc).
#pragma once
#include <optional>

#include "render/html/page_frame.h"

namespace kv {

// The same unit's answer in the nearest earlier year whose document has a part that this
// part corresponds to, and that part's number.
struct EarlierAnswer {
  const model::Submission* doc = nullptr;
  int number = 0;
};
std::optional<EarlierAnswer> earlier_answer(const model::SiteIndex& index, const model::Submission& s, int number);

Page render_changes_page(const SiteContext& ctx, const model::Submission& s, int number, const EarlierAnswer& earlier);

}  // namespace kv
