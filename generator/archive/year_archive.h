// One year's archive package (`kvalitet arkiv <år>`): the year's pages from a built site with
// their assets, PDFs and workbooks (data/webbplats/), the authors' source files of that year
// (data/kalla/), as a BagIt bag (archive/bag_writer.h) that standard tools verify. Links
// inside the package work offline; links to other years lead to the site's public address.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "diag/diagnostics.h"

namespace kv {

struct YearArchive {
  int year = 0;
  std::filesystem::path site;     // a built site (the output folder)
  std::filesystem::path content;  // the content folder it was built from
  std::filesystem::path dir;      // the bag: replaced only once the new one is complete
  std::string base;               // the site's public address, ending in '/'
};

// Whether a site file belongs to the year's package: <år>/…, jamforelse/<år>/… and the
// theme's assets/….
bool in_year_package(const std::string& site_path, int year);

// Writes the package; returns its payload file count, or nullopt after reporting why not.
std::optional<size_t> write_year_archive(const YearArchive& archive, Diagnostics& diags);

}  // namespace kv
