// One year's archive package (`kvalitet arkiv <år>`): the year's pages from a built site with
// their assets, PDFs and workbooks (data/webbplats/), the authors' source files of that year
// (data/kalla/), as a BagIt bag (package/bag_writer.h) that standard tools verify. Links
// inside the package work offline; links to other years lead to the site's public address.
#pragma once
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "package/year_package.h"

namespace kv {

struct YearArchive {
  int year = 0;
  std::filesystem::path site;     // a built site (the output folder)
  std::filesystem::path content;  // the content folder it was built from
  std::filesystem::path dir;      // the bag: replaced only once the new one is complete
  std::string base;               // the site's public address, ending in '/'
};

// A page of the site as the package holds it: links to files not in package (the package's
// site files, as year_site_files lists them) made absolute at base.
std::string packaged_page(const std::filesystem::path& site, const std::string& path, const std::set<std::string>& package,
                          const std::string& base);

// Writes the package; returns its payload file count, or nullopt after reporting why not.
// A folder already at archive.dir is replaced only when it is an unchanged package that
// kvalitet wrote (package/bag_check.h); anything else there is refused, never removed.
std::optional<size_t> write_year_archive(const YearArchive& archive, Diagnostics& diags);

}  // namespace kv
