// The site's addresses, all in one place: every page and file a reader can link to or cite,
// and every other name kvalitet gives a file or folder of the site (media/, assets/). No
// other file spells one (tests/architecture_check.py fails when one does). Paths are
// site-relative and derived from folder names and numbers only, never from titles, so an
// archived year never moves (the table in README.md lists them).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/site.h"

namespace kv {

std::string root_of(const std::string& page_path);  // "../" per folder between page and site root
// "2018/enhet/slag/utskrift.html" → "utskrift.html": the link from a page in the same folder.
std::string file_name(const std::string& site_path);

std::string overview_path(const model::Submission& s);          // <år>/<enhet>/<slag>/index.html
std::string question_path(const model::Submission& s, int n);   // <år>/<enhet>/<slag>/fraga-NN/index.html
// …/fraga-NN/andringar/index.html: part n's answer compared with an earlier year's, word by word
std::string changes_path(const model::Submission& s, int n);
std::string print_page_path(const model::Submission& s);        // <år>/<enhet>/<slag>/utskrift.html
std::string pdf_path(const model::Submission& s);  // <år>/<enhet>/<slag>/<enhet>-<slag>-<år>.pdf (kvalitet pdf)
std::string tables_workbook_path(const model::Submission& s);   // <år>/<enhet>/<slag>/tabeller.xlsx
std::string year_workbook_path(int year);                       // <år>/indikatorer.xlsx
std::string unit_page_path(const std::string& unit_slug);       // enheter/<enhet>/index.html
std::string compare_year_dir(int year);                           // jamforelse/<år>
std::string compare_dir(const std::string& kind_slug, int year);  // jamforelse/<år>/<slag>
std::string compare_index_path(const std::string& kind_slug, int year);  // …/index.html
// Part n's comparison across units, in pages of kCompareUnitsPerPage units (by unit name), so
// that no page grows with the city: page 1 is …/<fraga-NN>/index.html, page k …/<fraga-NN>/sida-k/index.html.
inline constexpr size_t kCompareUnitsPerPage = 25;
std::string compare_page_path(const model::Structure& structure, const std::string& kind_slug, int year, int n,
                              int page = 1);
int compare_page_count(size_t units);      // at least 1
int compare_page_of(size_t unit_position);  // the page (1-based) of the unit at this 0-based position
std::string review_workbook_path(const std::string& kind_slug, int year);  // jamforelse/<år>/<slag>/bedomning.xlsx
// One reviewer's own form, beside it: jamforelse/<år>/<slag>/bedomning-<slug>.xlsx, the slug
// being model::reviewer_slug(name) ("Åsa Öberg" → bedomning-asa-oberg.xlsx).
std::string reviewer_form_path(const std::string& kind_slug, int year, const std::string& reviewer);
// The consensus form, beside them (reviewers' site only): jamforelse/<år>/<slag>/konsensus.xlsx,
// the name the coordinator gives it back under content/_bedomning/<år>/<slag>/ (kConsensusFile).
std::string consensus_workbook_path(const std::string& kind_slug, int year);
// The reviewers' pages, only in a site built by `kvalitet bedomning`: per edition a result
// list, a calibration page and one feedback report per unit.
std::string review_dir(const std::string& kind_slug, int year);                // bedomning/<år>/<slag>
std::string review_results_path(const std::string& kind_slug, int year);       // …/index.html
std::string review_calibration_path(const std::string& kind_slug, int year);   // …/kalibrering/index.html
std::string feedback_path(const std::string& kind_slug, int year, const std::string& unit_slug);  // …/enhet/<enhet>/index.html
// …/enhet/<enhet>/aterkoppling-<enhet>-<år>.pdf: the feedback report as PDF (bedomning --pdf)
std::string feedback_pdf_path(const std::string& kind_slug, int year, const std::string& unit_slug);
// The jury's decision on an edition (public): vinnare/<år>/<slag>/index.html and its print page.
std::string decision_path(const std::string& kind_slug, int year);
std::string decision_print_path(const std::string& kind_slug, int year);  // vinnare/<år>/<slag>/utskrift.html
std::string indicators_index_path();                       // indikatorer/index.html
std::string indicator_page_path(const std::string& slug);  // indikatorer/<slug>/index.html
std::string trend_workbook_path(const std::string& name);  // indikatorer/<slug of the name>.xlsx
std::string search_page_path();                            // sok/index.html
// The search index (render/search/search_index.cc): its manifest, shard i and page d's fragment.
std::string search_manifest_path();                        // sok/index.js
std::string search_documents_path();                       // sok/dokument.js
std::string search_shard_path(size_t shard);               // sok/t/<i>.js
std::string search_fragment_path(uint32_t doc);            // sok/f/<d / 1000>/<d>.js
// A document's piece of the index, kept for the next build (PartialIndex::bytes); a hidden
// folder, as it is not for readers: .kvalitet-sok/<enhet>/<år>/<slag>.bin
std::string search_piece_path(const std::string& document_folder);
// A document as read, kept for the next build (validate/submission_cache.h), beside the
// pieces: .kvalitet-dokument/<enhet>/<år>/<slag>.bin
std::string stored_document_path(const std::string& document_folder);
std::string statement_path();                              // tillganglighet/index.html

// The images the authors referenced, at their content-relative path: media/<enhet>/<år>/….
std::string media_dir();                                     // media
std::string media_path(const std::string& content_path);     // media/<content_path>
// The theme's files (render/theme.h): stylesheets, scripts, icons.
std::string assets_dir();                                    // assets
std::string asset_path(const std::string& file);            // assets/<file>

// Anchors within pages. The introduction's section on a document's overview and print page:
// "inledning"; part n's section on the print page: "del-07".
std::string intro_anchor();
std::string print_anchor(int number);

}  // namespace kv
