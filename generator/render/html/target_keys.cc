#include "render/html/target_keys.h"

#include "i18n/messages.h"
#include "model/document_folder.h"
#include "util/sha256.h"

namespace kv {

namespace {

void add(std::string& text, const std::string& field) {
  text += field;
  text += '\x1f';  // a separator no field holds
}

// Where a goal or action is referred to from: it shows on the page it is in, whichever unit
// the referring document belongs to.
void add_references(std::string& facts, const model::Submission& s, const std::vector<model::Block>& blocks) {
  auto ref = [&](const model::Submission* doc, int part, int item) {
    add(facts, "ref " + s.url_path() + " " + (doc ? doc->url_path() : "-") + " " + std::to_string(part) + " " +
                   std::to_string(item));
  };
  model::for_each_block(blocks, [&](const model::Block& block) {
    if (const auto* g = std::get_if<model::Goal>(&block.value))
      for (const auto& r : g->followed_up_in) ref(r.doc, r.part, r.item);
    if (const auto* f = std::get_if<model::GoalFollowUp>(&block.value))
      if (f->goal_set_in) ref(f->goal_set_in->doc, f->goal_set_in->part, f->goal_set_in->item);
    if (const auto* a = std::get_if<model::ActionItem>(&block.value))
      for (const auto& r : a->referred_from) ref(r.doc, r.part, 0);
  });
}

std::string site_facts(const model::Site& site, const model::SiteIndex& index, bool with_pdf) {
  std::string facts;
  add(facts, site.title);
  add(facts, lang_code(site.lang));
  add(facts, std::string(model::audience_word(site.audience)));
  add(facts, with_pdf ? "pdf" : "-");
  for (int year : site.frozen_years) add(facts, "frozen " + std::to_string(year));
  for (const auto& s : site.submissions) {
    add(facts, "doc " + s.url_path() + " " + s.unit.slug + " " + s.unit.name + " " + s.unit.administration + " " +
                   s.structure->name + " " + (s.draft ? "draft" : "submitted") + " " + s.submitted_on + " " +
                   (s.intro.empty() ? "-" : "intro"));
    for (const auto& [number, answer] : s.answers) add(facts, std::to_string(number));
    add_references(facts, s, s.intro);
    for (const auto& [number, answer] : s.answers) add_references(facts, s, answer.blocks);
  }
  for (const auto& d : site.drafts_left_out)
    add(facts, "left out " + d.unit_slug + " " + d.unit_name + " " + d.kind_slug + " " + std::to_string(d.year));
  for (const auto& series : index.indicators()) add(facts, "indicator " + series.slug + " " + series.name);
  for (int year : index.indicator_years()) add(facts, "indicator year " + std::to_string(year));
  for (const auto& d : site.decisions) add(facts, "decision " + d.kind_slug + " " + std::to_string(d.year));
  return sha256_hex(facts);
}

}  // namespace

TargetKeys::TargetKeys(const InputHashes* inputs, const model::Site& site, const model::SiteIndex& index, bool with_pdf)
    : enabled_(inputs && !inputs->site.empty()), inputs_(inputs) {
  if (!enabled_) return;
  facts_ = sha256_hex(inputs->site + " " + site_facts(site, index, with_pdf));
  std::string all = facts_;
  for (const auto& [folder, hash] : inputs->folders) all += " " + folder + " " + hash;
  all_ = sha256_hex(all);
}

std::string TargetKeys::unit(const std::string& unit_slug, const std::string& what) const {
  if (!enabled_) return "";
  auto found = inputs_->folders.find(unit_slug);
  if (found == inputs_->folders.end()) return "";
  return sha256_hex(facts_ + " " + found->second + " " + what);
}

std::string TargetKeys::documents(const std::vector<const model::Submission*>& docs, const std::string& what) const {
  if (!enabled_) return "";
  std::string text = facts_;
  for (const auto* s : docs) {
    auto found = inputs_->folders.find(model::document_folder(*s));
    if (found == inputs_->folders.end()) return "";
    text += " " + found->second;
  }
  return sha256_hex(text + " " + what);
}

std::string TargetKeys::site(const std::string& what) const {
  return enabled_ ? sha256_hex(all_ + " " + what) : "";
}

}  // namespace kv
