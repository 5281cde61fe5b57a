// Links between pages, checked once every document of the site is read. A link within the
// site (validate/prose_links.h) must lead to a page: a question or section file, inledning.md
// or a document's folder; and its #heading to a heading of that page. Each is resolved to
// the document, part and heading id the renderer turns into an address for the page it is
// shown on. Documents that had errors (drafts) are checked too, so one run reports every
// problem; a link to one of their Markdown files that could not be read is left alone, as is
// one into a document that could not be read at all: their own errors say what is wrong.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "model/site.h"

namespace kv {

// drafts: documents read with errors (not published); unread: the folders (relative to the
// content folder, e.g. "enhet/2018/kvalitetsutmarkelsen") of documents not read at all.
void resolve_links(model::Site& site, std::vector<model::Submission>& drafts, const std::filesystem::path& content_root,
                   const std::vector<std::string>& unread, Diagnostics& diagnostics);

// The links of one document of site, the rest resolved already (serve's preview of one saved
// document, pipeline/document_preview.h). The documents left out of site (drafts, unread) are
// not known here: a link to one of them is reported as leading nowhere.
void resolve_links(model::Site& site, model::Submission& document, const std::filesystem::path& content_root,
                   Diagnostics& diagnostics);

}  // namespace kv
