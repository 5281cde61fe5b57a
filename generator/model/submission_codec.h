// A document as read, in the binary form a build keeps for the next one (validate/
// submission_store.h): what reading its files produced, without what the checks across
// documents add afterwards (the thread between years, resolved links, warnings attached to
// answers), which every build computes again.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "model/site.h"

namespace kv::model {

std::string encode_submission(const Submission& s);

// The document and its structure's id (the caller points it at its structure); nullopt for
// bytes encode_submission did not make.
struct DecodedSubmission {
  Submission submission;
  std::string structure_id;
};
std::optional<DecodedSubmission> decode_submission(std::string_view bytes);

// A document as a build stores it for the next (validate/submission_cache.h): the file's
// bytes, and the record the build log keeps of them (what they were read from, and their
// check sum), which the file itself leaves out so that it depends on the content alone.
struct StoredDocument {
  std::string bytes, record;
};

}  // namespace kv::model
