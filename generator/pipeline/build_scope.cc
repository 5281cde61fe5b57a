#include "pipeline/build_scope.h"

#include <algorithm>

#include "load/content_names.h"
#include "util/escape.h"
#include "util/text.h"
#include "write/markers.h"

namespace kv {

namespace fs = std::filesystem;

namespace {

// The unit folders of the content folder (not _-folders, dot folders or output folders).
std::vector<std::string> unit_folders(const fs::path& content_root) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(content_root, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_directory(ec) && !is_skipped_folder_name(name) && !is_output_folder(entry.path())) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The unit folder a diagnostic's file lies in, or "" for a file of no unit.
std::string unit_of(const std::string& path, const fs::path& content_root, const std::vector<std::string>& units) {
  const fs::path relative = fs::path(path).lexically_relative(content_root);
  if (relative.empty() || *relative.begin() == "..") return "";
  const std::string first = relative.begin()->string();
  return std::binary_search(units.begin(), units.end(), first) ? first : "";
}

std::string count_words(int n, Msg one, Msg many, Lang lang) { return std::to_string(n) + " " + text(lang, n == 1 ? one : many); }

Msg audience_name(model::Audience a) {
  switch (a) {
    case model::Audience::kPublic: return Msg::kAudiencePublic;
    case model::Audience::kReviewers: return Msg::kAudienceReviewers;
    case model::Audience::kDrafts: return Msg::kAudienceDrafts;
    case model::Audience::kPreview:
    case model::Audience::kPartial: break;
  }
  return Msg::kAudienceOther;
}

}  // namespace

void only_units(const std::vector<std::string>& units, const fs::path& content_root, Diagnostics& diagnostics) {
  const std::vector<std::string> all = unit_folders(content_root);
  DiagnosticList kept;
  for (const auto& d : diagnostics.list.items()) {
    const std::string unit = unit_of(d.pos.path, content_root, all);
    if (unit.empty() || std::find(units.begin(), units.end(), unit) != units.end()) kept.add(d);
  }
  for (const auto& u : units)
    if (!std::binary_search(all.begin(), all.end(), u)) kept.error({"--enhet", 0, 0}, diagnostics.t(Msg::kUnitNotFound, {u}), diagnostics.suggest(u, all));
  diagnostics.list = std::move(kept);
}

void keep_units(const std::vector<std::string>& units, model::Site& site) {
  auto other = [&](const std::string& slug) { return std::find(units.begin(), units.end(), slug) == units.end(); };
  std::erase_if(site.submissions, [&](const model::Submission& s) { return other(s.unit.slug); });
  std::erase_if(site.drafts_left_out, [&](const model::DraftNote& d) { return other(d.unit_slug); });
}

void print_drafts_left_out(const std::vector<model::DraftNote>& drafts, const Diagnostics& diagnostics, const OutputStyle& style,
                           std::ostream& out, std::ostream& err) {
  if (style.quiet || drafts.empty()) return;
  std::ostream& people = people_stream(style, out, err);
  const Lang lang = diagnostics.lang;
  for (const auto& d : drafts)
    people << terminal_text(diagnostics.t(Msg::kDraftLeftOut, {d.folder, count_words(d.errors, Msg::kErrorOne, Msg::kErrorMany, lang),
                                                               count_words(d.warnings, Msg::kWarningOne, Msg::kWarningMany, lang),
                                                               d.unit_slug}))
           << '\n';
}

namespace {

// "utkast", or "utkast, sista dag 2018-09-30" when the structure names its deadline.
std::string draft_state(const Diagnostics& diagnostics, const std::string& deadline) {
  return deadline.empty() ? diagnostics.t(Msg::kStateDraft) : diagnostics.t(Msg::kStateDraftDeadline, {deadline});
}

}  // namespace

void print_document_states(const model::Site& site, const Diagnostics& diagnostics, std::ostream& out) {
  const int drafts_in = static_cast<int>(std::count_if(site.submissions.begin(), site.submissions.end(), [](const auto& s) { return s.draft; }));
  const int drafts = drafts_in + static_cast<int>(site.drafts_left_out.size());
  out << diagnostics.t(Msg::kDocumentStates, {std::to_string(site.submissions.size() - drafts_in), std::to_string(drafts)}) << '\n';
  if (drafts == 0) return;
  for (const auto& s : site.submissions) {
    std::string state = s.draft ? draft_state(diagnostics, s.structure->deadline) : diagnostics.t(Msg::kStateSubmitted);
    if (!s.draft && !s.submitted_on.empty()) state = diagnostics.t(Msg::kStateSubmittedOn, {s.submitted_on});
    out << terminal_text(diagnostics.t(Msg::kDocumentStateLine, {s.source_folder, state})) << '\n';
  }
  for (const auto& d : site.drafts_left_out)
    out << terminal_text(diagnostics.t(Msg::kDocumentStateLine, {d.folder, draft_state(diagnostics, d.deadline)})) << '\n';
}

void check_output_audience(const fs::path& out, model::Audience audience, Diagnostics& diagnostics) {
  const auto built_for = output_audience(out);
  if (!built_for || *built_for == model::audience_word(audience)) return;
  const auto known = model::parse_audience_word(*built_for);
  diagnostics.error({out.generic_string(), 0, 0},
                    diagnostics.t(Msg::kAudienceClash, {diagnostics.t(known ? audience_name(*known) : Msg::kAudienceOther),
                                                        diagnostics.t(audience_name(audience))}),
                    diagnostics.t(Msg::kAudienceClashHint, {default_output_dir(audience)}));
}

std::string default_output_dir(model::Audience audience, const std::vector<std::string>& units) {
  switch (audience) {
    case model::Audience::kPartial: return units.empty() ? "output" : "output-" + units.front();
    case model::Audience::kReviewers: return "output-bedomning";
    case model::Audience::kDrafts: return "output-utkast";
    default: return "output";
  }
}

}  // namespace kv
