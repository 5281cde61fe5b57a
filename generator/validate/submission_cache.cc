#include "validate/submission_cache.h"

namespace kv {

namespace fs = std::filesystem;

namespace {

// The unit folder's name: the first part of the document folder under content/.
std::string unit_folder(const SubmissionLocation& where) {
  const fs::path relative = where.folder.lexically_relative(where.content_root);
  return relative.empty() ? std::string() : relative.begin()->string();
}

// True when every image the document shows lies in its unit's folder (the key covers it).
bool images_inside(const model::Submission& s, const std::string& unit) {
  bool inside = true;
  auto check = [&](const std::vector<model::Block>& blocks) {
    model::for_each_block(blocks, [&](const model::Block& block) {
      auto in_unit = [&](const std::string& file) { return file.rfind(unit + "/", 0) == 0; };
      if (const auto* f = std::get_if<model::Figure>(&block.value); f && !f->file.empty() && !in_unit(f->file)) inside = false;
      if (const auto* p = std::get_if<model::Prose>(&block.value))
        for (const auto& file : p->images)
          if (!in_unit(file)) inside = false;
    });
  };
  check(s.intro);
  for (const auto& [number, answer] : s.answers) check(answer.blocks);
  return inside;
}

// Points a kept document at this build's structure (the same one when the key matched).
bool restructure(std::optional<model::Submission>& s, const StructureSet& structures) {
  if (!s || !s->structure) return true;
  auto found = structures.find(s->structure->id);
  if (found == structures.end()) return false;
  s->structure = found->second;
  return true;
}

}  // namespace

std::optional<std::string> SubmissionCache::key(const SubmissionLocation& where, const InputHashes& hashes,
                                                const Diagnostics& as) {
  if (hashes.site.empty()) return std::nullopt;
  auto unit = hashes.folders.find(unit_folder(where));
  if (unit == hashes.folders.end()) return std::nullopt;
  return hashes.site + " " + unit->second + " " + lang_code(as.lang) + (as.drafts ? " drafts" : " -") + " " +
         where.unit.slug + "\x1f" + where.unit.name + "\x1f" + where.unit.administration;
}

std::optional<SubmissionCache::Read> SubmissionCache::find(const SubmissionLocation& where, const InputHashes& hashes,
                                                           const Diagnostics& as, const StructureSet& structures) const {
  const auto wanted = key(where, hashes, as);
  if (!wanted) return std::nullopt;
  std::optional<Read> read;
  {
    std::lock_guard guard(lock_);
    auto found = kept_.find(where.folder.native());
    if (found == kept_.end() || found->second.first != *wanted) return std::nullopt;
    read = found->second.second;  // a copy: the checks across documents change the site's
  }
  if (!restructure(read->result, structures) || !restructure(read->draft, structures)) return std::nullopt;
  return read;
}

void SubmissionCache::keep(const SubmissionLocation& where, const InputHashes& hashes, const Diagnostics& as, const Read& read) {
  const auto wanted = key(where, hashes, as);
  const std::string unit = unit_folder(where);
  const model::Submission* s = read.result ? &*read.result : read.draft ? &*read.draft : nullptr;
  std::lock_guard guard(lock_);
  if (!wanted || !s || !images_inside(*s, unit)) {
    kept_.erase(where.folder.native());
    return;
  }
  kept_[where.folder.native()] = {*wanted, read};
}

}  // namespace kv
