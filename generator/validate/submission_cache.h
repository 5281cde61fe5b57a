// serve's memory of the documents it has read: between two saves most documents are
// unchanged, and reading one (YAML, Markdown, every block checked) is most of a build's
// validation. A document is taken from the cache when what it was read from is unchanged:
// its unit's folder and the inputs outside every unit folder (templates, structures,
// site.yaml: InputHashes::site), the language and whether drafts are shown. What is kept is
// read_submission's result before the checks across documents, which run on every build.
// A document that shows an image outside its unit's folder is not kept.
//
// A build keeps its documents on disk instead, in the output (model/submission_codec.h):
// there the cache holds only each document's key and report, and find reads the document
// the last build stored.
#pragma once
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "diag/diagnostics.h"
#include "load/input_hashes.h"
#include "model/site.h"
#include "model/submission_codec.h"
#include "validate/structure_file.h"
#include "validate/submission.h"

namespace kv {

// What the last build stored, by document folder ("<enhet>/<år>/<slag>"): the record its
// log keeps of a document (model::StoredDocument::record) and the stored file's bytes.
struct StoredDocuments {
  std::function<std::optional<std::string>(const std::string& document_folder)> record, bytes;
};

class SubmissionCache {
 public:
  struct Read {
    std::optional<model::Submission> result, draft;  // as read_submission gave them
    DiagnosticList report;
  };

  SubmissionCache() = default;
  // A build's: documents are found in what stored gives, and kept as stored_form makes them.
  explicit SubmissionCache(StoredDocuments stored) : stored_(std::move(stored)) {}

  // The document at where as last read, with its structure taken from structures; nullopt
  // when it was not kept or anything it was read from changed. Thread-safe.
  std::optional<Read> find(const SubmissionLocation& where, const InputHashes& hashes, const Diagnostics& as,
                           const StructureSet& structures) const;

  // Keeps what was read at where. Thread-safe.
  void keep(const SubmissionLocation& where, const InputHashes& hashes, const Diagnostics& as, const Read& read);

  // A build's: the bytes to store for s (as published, after the checks across documents,
  // which the stored form leaves out), or nullopt when s is not to be kept.
  std::optional<model::StoredDocument> stored_form(const model::Submission& s) const;

 private:
  static std::optional<std::string> key(const SubmissionLocation& where, const InputHashes& hashes, const Diagnostics& as);
  std::optional<Read> from_store(const SubmissionLocation& where, const std::string& key) const;
  StoredDocuments stored_;  // a build's; unset for serve
  mutable std::mutex lock_;
  // By folder: key, what was read (a build's: the report only).
  mutable std::map<std::string, std::pair<std::string, Read>> kept_;
};

}  // namespace kv
