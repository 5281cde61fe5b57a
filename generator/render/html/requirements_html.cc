#include "render/html/requirements_html.h"

#include "i18n/messages.h"
#include "model/block_kinds.h"

namespace kv {
namespace {

using kainjow::mustache::data;

// "2 × mål" for more than one, "mål" for one.
std::string wanted(const std::string& part, int count) { return count > 1 ? std::to_string(count) + " \xC3\x97 " + part : part; }

data item(Msg level, const std::string& part, int needed, int have, const std::string* waived, Lang lang) {
  data d;
  d.set("level", text(lang, level));
  d.set("part", wanted(part, needed));
  if (have >= needed) {
    d.set("status", text(lang, Msg::kUiPartPresent, {std::to_string(have)}));
    d.set("css", "krav-finns");
  } else if (waived) {
    d.set("status", text(lang, Msg::kUiPartWaived, {*waived}));
    d.set("css", "krav-undantag");
  } else {
    d.set("status", have > 0 ? text(lang, Msg::kUiPartTooFew, {std::to_string(have), std::to_string(needed)})
                             : text(lang, Msg::kUiPartMissing));
    d.set("css", "krav-saknas");
  }
  return d;
}

}  // namespace

data requirements_data(const model::QuestionSpec& spec, const model::Answer& answer, Lang lang, const model::Visibility& visible) {
  if (!visible.checklists && !visible.remarks) return data(false);
  const auto counts = model::count_parts(answer.blocks);
  auto have = [&](const std::string& part) {
    auto it = counts.find(part);
    return it == counts.end() ? 0 : it->second;
  };
  data items{data::type::list};
  if (visible.checklists)
    for (const auto& [part, needed] : spec.required) items.push_back(item(Msg::kUiRequired, part, needed, have(part), nullptr, lang));
  for (const auto& [part, needed] : spec.recommended) {
    if (!visible.checklists) break;
    auto w = answer.waived.find(part);
    items.push_back(item(Msg::kUiRecommended, part, needed, have(part), w == answer.waived.end() ? nullptr : &w->second, lang));
  }
  data warnings{data::type::list};
  for (const auto& w : answer.warnings) {
    if (!visible.remarks) break;
    data d;
    d.set("message", w.message);
    warnings.push_back(d);
  }
  data d;
  d.set("show", data(!items.is_empty_list() || !warnings.is_empty_list()));
  d.set("title", text(lang, Msg::kUiRequirementsTitle));
  d.set("has_items", data(!items.is_empty_list()));
  d.set("items", items);
  d.set("has_warnings", data(!warnings.is_empty_list()));
  d.set("warnings_title", text(lang, Msg::kUiCheckWarnings));
  d.set("warnings", warnings);
  return d;
}

}  // namespace kv
