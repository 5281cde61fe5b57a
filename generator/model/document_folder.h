// A document's folder relative to content/, as the content's layout names it
// (docs/content-model.md, load/content_place.h): "<enhet>/<år>/<slag>". The input hashes, the
// stored documents, the search pieces, links and serve's preview name a document by it.
#pragma once
#include <string>

#include "model/site.h"

namespace kv::model {

inline std::string document_folder(const Submission& s) {
  return s.unit.slug + "/" + std::to_string(s.year) + "/" + s.kind_slug;
}

}  // namespace kv::model
