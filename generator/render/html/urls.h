// The site's addresses, all in one place: every page and file a reader can link to or cite.
// Paths are site-relative and derived from folder names and numbers only, never from titles,
// so an archived year never moves (the table in README.md lists them).
#pragma once
#include <string>

#include "model/site.h"

namespace kv {

std::string root_of(const std::string& page_path);  // "../" per folder between page and site root

std::string overview_path(const model::Submission& s);          // <år>/<enhet>/<slag>/index.html
std::string question_path(const model::Submission& s, int n);   // <år>/<enhet>/<slag>/fraga-NN/index.html
std::string unit_page_path(const std::string& unit_slug);       // enheter/<enhet>/index.html
std::string compare_dir(const std::string& kind_slug, int year);  // jamforelse/<år>/<slag>
std::string compare_index_path(const std::string& kind_slug, int year);  // …/index.html
std::string compare_page_path(const model::Structure& structure, const std::string& kind_slug, int year, int n);
std::string review_workbook_path(const std::string& kind_slug, int year);  // jamforelse/<år>/<slag>/bedomning.xlsx
std::string indicators_index_path();                       // indikatorer/index.html
std::string indicator_page_path(const std::string& slug);  // indikatorer/<slug>/index.html
std::string search_page_path();                            // sok/index.html
std::string statement_path();                              // tillganglighet/index.html

// Anchors within pages. The introduction's section on a document's overview and print page:
// "inledning"; part n's section on the print page: "del-07".
std::string intro_anchor();
std::string print_anchor(int number);

}  // namespace kv
