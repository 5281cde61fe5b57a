#include "validate/submission_cache.h"

#include <cstdio>

#include "model/submission_codec.h"
#include "util/byte_codec.h"
#include "util/sha256.h"

namespace kv {

template <typename A>
void io(A& a, Diagnostic& d) {
  a.value(d.severity);
  if (d.severity != Severity::kError && d.severity != Severity::kWarning) a.fail();
  io(a, d.pos.path);
  io(a, d.pos.line);
  io(a, d.pos.col);
  io(a, d.message);
  io(a, d.hint);
}

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

// A stored document: the format, its report, then the document (model/submission_codec.h).
// What it was read from is in its record, kept in the build log beside it: the key's hash and
// the bytes' check sum.
constexpr std::string_view kStoredFormat = "kvalitet-lagrat-dokument 2\n";

// key_hash: sha256_hex of the document's key.
std::string record_of(const std::string& key_hash, std::string_view bytes) {
  char sum[17];
  std::snprintf(sum, sizeof sum, "%016llx", static_cast<unsigned long long>(check_sum(bytes)));
  return key_hash + " " + sum;
}

model::StoredDocument stored_document(const std::string& key, const DiagnosticList& report, const model::Submission& s) {
  ByteWriter w;
  w.bytes() = kStoredFormat;
  std::vector<Diagnostic> items = report.items();
  io(w, items);
  std::string document = model::encode_submission(s);
  io(w, document);
  std::string record = record_of(sha256_hex(key), w.bytes());
  return {std::move(w.bytes()), std::move(record)};
}

}  // namespace

std::optional<SubmissionCache::Read> SubmissionCache::from_store(const SubmissionLocation& where, const std::string& key) const {
  const std::string folder = where.folder.lexically_relative(where.content_root).generic_string();
  const auto record = stored_.record ? stored_.record(folder) : std::nullopt;
  const std::string key_hash = sha256_hex(key);
  if (!record || record->rfind(key_hash + " ", 0) != 0) return std::nullopt;  // read from other inputs
  const auto bytes = stored_.bytes ? stored_.bytes(folder) : std::nullopt;
  if (!bytes || record_of(key_hash, *bytes) != *record) return std::nullopt;  // changed or cut since
  if (bytes->compare(0, kStoredFormat.size(), kStoredFormat) != 0) return std::nullopt;
  ByteReader r(std::string_view(*bytes).substr(kStoredFormat.size()));
  std::string document;
  std::vector<Diagnostic> items;
  io(r, items);
  io(r, document);
  if (!r.ok() || !r.at_end()) return std::nullopt;
  auto decoded = model::decode_submission(document);
  if (!decoded || decoded->submission.source_folder != where.folder.generic_string()) return std::nullopt;
  Read read;
  for (auto& d : items) read.report.add(std::move(d));
  // The structure is found by its id below (restructure), as for a document kept in memory.
  auto named = std::make_shared<model::Structure>();
  named->id = decoded->structure_id;
  decoded->submission.structure = std::move(named);
  read.result = std::move(decoded->submission);
  return read;
}

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
  if (stored_.bytes) {
    read = from_store(where, *wanted);
    if (!read) return std::nullopt;
    std::lock_guard guard(lock_);
    kept_[where.folder.generic_string()] = {*wanted, Read{{}, {}, read->report}};
  } else {
    std::lock_guard guard(lock_);
    auto found = kept_.find(where.folder.generic_string());
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
    kept_.erase(where.folder.generic_string());
    return;
  }
  // A build keeps only what it needs to store the document once it is published.
  kept_[where.folder.generic_string()] = {*wanted, stored_.bytes ? Read{{}, {}, read.report} : read};
}

std::optional<model::StoredDocument> SubmissionCache::stored_form(const model::Submission& s) const {
  std::pair<std::string, Read> kept;
  {
    std::lock_guard guard(lock_);
    auto found = kept_.find(s.source_folder);
    if (!stored_.bytes || found == kept_.end()) return std::nullopt;
    kept = found->second;
  }
  return stored_document(kept.first, kept.second.report, s);
}

}  // namespace kv
