// One year's archive package (`kvalitet arkiv <år>`): the year's pages from a built site with
// their assets, PDFs and workbooks (data/webbplats/), the authors' source files of that year
// (data/kalla/), as a BagIt bag (archive/bag_writer.h) that standard tools verify. Links
// inside the package work offline; links to other years lead to the site's public address.
#pragma once
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "diag/diagnostics.h"

namespace kv {

struct YearArchive {
  int year = 0;
  std::filesystem::path site;     // a built site (the output folder)
  std::filesystem::path content;  // the content folder it was built from
  std::filesystem::path dir;      // the bag: replaced only once the new one is complete
  std::string base;               // the site's public address, ending in '/'
};

// Whether a site file belongs to the year's package: <år>/…, jamforelse/<år>/…, the images
// of the year's documents (media/<enhet>/<år>/…) and the theme's assets/….
bool in_year_package(const std::string& site_path, int year);

// The regular files under a built site's folder dir (links not followed, hidden ones left
// out), relative, sorted.
std::vector<std::string> regular_files_under(const std::filesystem::path& dir);

// The units of a content folder (or of a package's kalla/) with a folder for the year, sorted,
// as the content walk finds them (load/content_path.h: content_subfolders).
std::vector<std::string> year_source_units(const std::filesystem::path& content, int year);

// The files of those year folders, as the content walk finds them (content_files_under):
// "<enhet>/<år>/<relative path>", sorted.
std::vector<std::string> year_source_files(const std::filesystem::path& content, int year);

// The site files of the year's package, relative and sorted (hidden files left out).
std::vector<std::string> year_site_files(const std::filesystem::path& site, int year);

// A page of the site as the package holds it: links to files not in package (the package's
// site files, as year_site_files lists them) made absolute at base.
std::string packaged_page(const std::filesystem::path& site, const std::string& path, const std::set<std::string>& package,
                          const std::string& base);

// The folder of a year's package under dir: <dir>/kvalitet-<år>.
std::filesystem::path package_dir(const std::filesystem::path& dir, int year);

// Writes the package; returns its payload file count, or nullopt after reporting why not.
// A folder already at archive.dir is replaced only when it is an unchanged package that
// kvalitet wrote (archive/bag_check.h); anything else there is refused, never removed.
std::optional<size_t> write_year_archive(const YearArchive& archive, Diagnostics& diags);

}  // namespace kv
