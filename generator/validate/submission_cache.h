// serve's memory of the documents it has read: between two saves most documents are
// unchanged, and reading one (YAML, Markdown, every block checked) is most of a build's
// validation. A document is taken from the cache when what it was read from is unchanged:
// its unit's folder and the inputs outside every unit folder (templates, structures,
// site.yaml: InputHashes::site), the language and whether drafts are shown. What is kept is
// read_submission's result before the checks across documents, which run on every build.
// A document that shows an image outside its unit's folder is not kept.
#pragma once
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "diag/diagnostics.h"
#include "load/input_hashes.h"
#include "model/site.h"
#include "validate/structure_file.h"
#include "validate/submission.h"

namespace kv {

class SubmissionCache {
 public:
  struct Read {
    std::optional<model::Submission> result, draft;  // as read_submission gave them
    DiagnosticList report;
  };

  // The document at where as last read, with its structure taken from structures; nullopt
  // when it was not kept or anything it was read from changed. Thread-safe.
  std::optional<Read> find(const SubmissionLocation& where, const InputHashes& hashes, const Diagnostics& as,
                           const StructureSet& structures) const;

  // Keeps what was read at where. Thread-safe.
  void keep(const SubmissionLocation& where, const InputHashes& hashes, const Diagnostics& as, const Read& read);

 private:
  static std::optional<std::string> key(const SubmissionLocation& where, const InputHashes& hashes, const Diagnostics& as);
  mutable std::mutex lock_;
  std::map<std::string, std::pair<std::string, Read>> kept_;  // by folder: key, what was read
};

}  // namespace kv
