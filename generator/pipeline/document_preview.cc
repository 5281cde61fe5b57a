#include "pipeline/document_preview.h"

#include <algorithm>

#include "diag/diagnostics.h"
#include "load/content_place.h"
#include "model/document_folder.h"
#include "render/html/site_renderer.h"
#include "util/text.h"
#include "validate/answer_warnings.h"
#include "validate/links.h"
#include "validate/readability.h"
#include "validate/submission.h"
#include "validate/year_thread.h"
#include "write/files.h"

namespace kv {

namespace fs = std::filesystem;

std::optional<std::string> changed_document(const fs::path& content_root, const std::set<fs::path>& changed) {
  std::optional<std::string> folder;
  const fs::path root = content_root.lexically_normal();
  for (const auto& path : changed) {
    const fs::path rel = path.lexically_normal().lexically_relative(root);
    if (rel.empty() || *rel.begin() == "..") return std::nullopt;  // templates, themes
    auto place = content_place(rel);
    if (!place || place->year == 0 || rel.generic_string() == place->document) return std::nullopt;
    if (folder && *folder != place->document) return std::nullopt;
    folder = place->document;
  }
  return folder;
}

namespace {

// The checks validation runs across documents, for document alone (validate/site.h's
// read_submissions, pipeline.cc's validate_content), in the order they report: its own
// report first, then its links, the thread between its years and its LIX. Returns what
// concerns its files, sorted as the build sorts, or nullopt when that holds an error.
std::optional<DiagnosticList> check_across(model::Site& site, model::Submission& document, const fs::path& content_root,
                                           Diagnostics report) {
  Diagnostics across{report.lang, {}, {}, report.drafts};
  resolve_links(site, document, content_root, across);
  thread_years(site, across, &document);
  check_readability(site, document, across);
  const std::string prefix = document.source_folder + "/";
  for (const auto& d : across.list.items())
    if (starts_with(d.pos.path, prefix)) report.list.add(d);
  if (report.list.has_errors()) return std::nullopt;
  report.list.sort();
  return std::move(report.list);
}

}  // namespace

std::optional<DocumentPreview> preview_document(PreviewModel& model, const DocumentPreviewSettings& settings,
                                                const std::string& folder, const fs::path& site_dir) {
  model::Site& site = model.site;
  auto slot = std::find_if(site.submissions.begin(), site.submissions.end(),
                           [&](const model::Submission& s) { return model::document_folder(s) == folder; });
  if (slot == site.submissions.end() || site.frozen(slot->year)) return std::nullopt;
  const fs::path& root = settings.content_root;
  Diagnostics report{settings.lang, {}, {}, true};  // a preview's: parts not written yet are warnings
  auto read = read_submission({root, root / folder, slot->unit, slot->year, slot->kind_slug}, model.structures, report);
  // Another structure would split the edition the comparisons are made of: the build says so.
  if (!read || report.list.has_errors() || read->structure->id != slot->structure->id) return std::nullopt;
  *slot = std::move(*read);  // the same place: what refers to the document (its neighbours' threads) still does
  model::Submission& document = *slot;
  auto diagnostics = check_across(site, document, root, std::move(report));
  if (!diagnostics) return std::nullopt;
  attach_warnings(document, Diagnostics{settings.lang, *diagnostics, {}}, root.generic_string());

  Diagnostics rendering{settings.lang, {}, {}};
  std::optional<std::vector<std::string>> pages;
  try {
    pages = render_document_pages(site, document, RenderInputs{model.templates, root, settings.threads, false, {}}, site_dir, rendering);
  } catch (const WriteError&) {
    return std::nullopt;  // the build reports it
  }
  if (!pages || rendering.list.has_errors()) return std::nullopt;
  return DocumentPreview{folder, std::move(*pages), diagnostics->items(), page_readability(document, settings.lang)};
}

}  // namespace kv
