// The searchable pages of one document: every question or section page, and its overview
// when it has an introduction, as plain text with the facts a search result shows. The
// search index (render/search/search_index.h) is built from them; render/search/
// search_documents.h is another thing: the list of documents sok.js filters hits by.
#pragma once
#include <vector>

#include "render/html/page_frame.h"
#include "render/search/search_index.h"

namespace kv {

std::vector<SearchDoc> searchable_pages(const SiteContext& ctx, const model::Submission& s);

// Their threads (SearchDocument::threads), in the same order: an answer's key is the earliest
// part it corresponds to, so an answer and its counterparts in other editions share it.
std::vector<std::string> search_threads(const model::Submission& s);

// How many that is, without rendering them: pages are numbered before they are made.
size_t searchable_page_count(const model::Submission& s);

}  // namespace kv
