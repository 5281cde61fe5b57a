#include "render/html/urls.h"

#include <cstdio>

#include "load/content_names.h"
#include "model/review_form.h"
#include "model/site_index.h"

namespace kv {

std::string root_of(const std::string& page_path) {
  std::string root;
  for (char c : page_path)
    if (c == '/') root += "../";
  return root;
}

std::string file_name(const std::string& site_path) { return site_path.substr(site_path.rfind('/') + 1); }

std::string overview_path(const model::Submission& s) { return s.url_path() + "/index.html"; }

std::string question_path(const model::Submission& s, int n) {
  return s.url_path() + "/" + s.structure->part_slug(n) + "/index.html";
}

std::string changes_path(const model::Submission& s, int n) {
  return s.url_path() + "/" + s.structure->part_slug(n) + "/andringar/index.html";
}

std::string print_page_path(const model::Submission& s) { return s.url_path() + "/utskrift.html"; }

std::string pdf_path(const model::Submission& s) {
  return s.url_path() + "/" + s.unit.slug + "-" + s.kind_slug + "-" + std::to_string(s.year) + ".pdf";
}

std::string tables_workbook_path(const model::Submission& s) { return s.url_path() + "/tabeller.xlsx"; }

std::string year_workbook_path(int year) { return std::to_string(year) + "/indikatorer.xlsx"; }

std::string unit_page_path(const std::string& unit_slug) { return "enheter/" + unit_slug + "/index.html"; }

std::string compare_year_dir(int year) { return "jamforelse/" + std::to_string(year); }

std::string compare_dir(const std::string& kind_slug, int year) { return compare_year_dir(year) + "/" + kind_slug; }

std::string decision_path(const std::string& kind_slug, int year) {
  return "vinnare/" + std::to_string(year) + "/" + kind_slug + "/index.html";
}

std::string decision_print_path(const std::string& kind_slug, int year) {
  return "vinnare/" + std::to_string(year) + "/" + kind_slug + "/utskrift.html";
}

std::string compare_index_path(const std::string& kind_slug, int year) {
  return compare_dir(kind_slug, year) + "/index.html";
}

std::string compare_page_path(const model::Structure& structure, const std::string& kind_slug, int year, int n,
                              int page) {
  const std::string part = compare_dir(kind_slug, year) + "/" + structure.part_slug(n);
  return page <= 1 ? part + "/index.html" : part + "/sida-" + std::to_string(page) + "/index.html";
}

int compare_page_count(size_t units) {
  return units == 0 ? 1 : static_cast<int>((units + kCompareUnitsPerPage - 1) / kCompareUnitsPerPage);
}

int compare_page_of(size_t unit_position) { return static_cast<int>(unit_position / kCompareUnitsPerPage) + 1; }

std::string review_workbook_path(const std::string& kind_slug, int year) {
  return compare_dir(kind_slug, year) + "/bedomning.xlsx";
}

std::string reviewer_form_path(const std::string& kind_slug, int year, const std::string& reviewer) {
  return compare_dir(kind_slug, year) + "/bedomning-" + model::reviewer_slug(reviewer) + ".xlsx";
}

// The same name as the filled form's in the content folder: downloaded, filled and put back.
std::string consensus_workbook_path(const std::string& kind_slug, int year) {
  return compare_dir(kind_slug, year) + "/" + kConsensusFile;
}

std::string review_dir(const std::string& kind_slug, int year) {
  return "bedomning/" + std::to_string(year) + "/" + kind_slug;
}
std::string review_results_path(const std::string& kind_slug, int year) { return review_dir(kind_slug, year) + "/index.html"; }
std::string review_calibration_path(const std::string& kind_slug, int year) {
  return review_dir(kind_slug, year) + "/kalibrering/index.html";
}
std::string feedback_path(const std::string& kind_slug, int year, const std::string& unit_slug) {
  return review_dir(kind_slug, year) + "/enhet/" + unit_slug + "/index.html";
}

std::string feedback_pdf_path(const std::string& kind_slug, int year, const std::string& unit_slug) {
  return review_dir(kind_slug, year) + "/enhet/" + unit_slug + "/aterkoppling-" + unit_slug + "-" + std::to_string(year) + ".pdf";
}

std::string indicators_index_path() { return "indikatorer/index.html"; }
std::string indicator_page_path(const std::string& slug) { return "indikatorer/" + slug + "/index.html"; }
std::string trend_workbook_path(const std::string& name) { return "indikatorer/" + model::indicator_slug(name) + ".xlsx"; }
std::string search_page_path() { return "sok/index.html"; }
std::string search_manifest_path() { return "sok/index.js"; }
std::string search_documents_path() { return "sok/dokument.js"; }
std::string search_shard_path(size_t shard) { return "sok/t/" + std::to_string(shard) + ".js"; }
// A thousand fragments a folder: a city's hundred thousand pages in no single huge folder.
std::string search_fragment_path(uint32_t doc) {
  return "sok/f/" + std::to_string(doc / 1000) + "/" + std::to_string(doc) + ".js";
}
std::string search_piece_path(const std::string& document_folder) { return ".kvalitet-sok/" + document_folder + ".bin"; }
std::string stored_document_path(const std::string& document_folder) {
  return ".kvalitet-dokument/" + document_folder + ".bin";
}
std::string statement_path() { return "tillganglighet/index.html"; }

std::string media_dir() { return "media"; }
std::string media_path(const std::string& content_path) { return media_dir() + "/" + content_path; }
std::string assets_dir() { return "assets"; }
std::string asset_path(const std::string& file) { return assets_dir() + "/" + file; }

std::string intro_anchor() { return "inledning"; }

std::string print_anchor(int number) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "del-%02d", number);
  return buffer;
}

}  // namespace kv
