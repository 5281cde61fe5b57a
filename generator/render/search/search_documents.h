// What sok.js needs to filter hits by year, unit and document kind, and to show a part's
// pages from several years as one hit, before any page's fragment is read: sok/dokument.js.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "write/output_tree.h"

namespace kv {

// One document's run of consecutive search pages.
struct SearchDocument {
  uint32_t first_doc = 0;
  std::string unit, kind;  // slugs
  // Per page, in page order: a key shared by the pages that are the same part of the same
  // unit's documents in different years (same or corresponding question).
  std::vector<std::string> threads;
};

// Writes sok/dokument.js (format in search_documents.cc) for documents in page order. Same
// documents, same bytes. Throws WriteError.
void write_search_documents(const std::vector<SearchDocument>& documents, const OutputTree& out);

}  // namespace kv
