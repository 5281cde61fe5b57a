// Who a built site is for, and what each audience sees: the one place that decides it.
//  - public (build, pdf, arkiv): submitted documents, comparisons, indicators, search, the
//    jury's decisions;
//    no requirement checklists, no checker remarks, no reviewer forms, no drafts;
//  - reviewers (bedomning): everything public plus checklists, remarks, the review forms and
//    the reviewers' pages; drafts are listed, not shown;
//  - drafts (build --utkast): the public site with the drafts in, each page marked;
//  - preview (serve): what the author needs while writing — drafts, remarks, checklists;
//  - partial (build/pdf --enhet): one unit's own pages, print pages, workbooks and PDFs, its
//    drafts marked; no comparison, indicator or search pages.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace kv::model {

enum class Audience { kPublic, kReviewers, kDrafts, kPreview, kPartial };

struct Visibility {
  bool checklists = false;    // "Vad ett fullständigt svar innehåller" on part pages
  bool remarks = false;       // "Kontrollen anmärkte": the check's warnings on a page
  bool review_forms = false;  // bedomning.xlsx and the links to it
  bool drafts = false;        // documents with status: utkast are built (and marked)
  bool drafts_listed = false; // the drafts left out are named (the reviewers know who is late)
  bool site_wide = true;      // comparison, indicator and search pages, across units
};

constexpr Visibility visibility(Audience a) {
  switch (a) {
    case Audience::kPublic: return {false, false, false, false, false};
    case Audience::kReviewers: return {true, true, true, false, true};
    case Audience::kDrafts: return {true, true, false, true, false};
    case Audience::kPreview: return {true, true, false, true, false};
    case Audience::kPartial: return {false, false, false, true, false, false};
  }
  return {};
}

// The word in an output folder's marker ("publik", …), and back; nullopt for an unknown one.
std::string_view audience_word(Audience a);
std::optional<Audience> parse_audience_word(std::string_view word);

}  // namespace kv::model
