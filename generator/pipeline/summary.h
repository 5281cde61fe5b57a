// The one line each command ends with: what it made, counted ("Webbplatsen byggdes i output:
// 345 sidor, 12 arbetsböcker och 2 PDF:er (38 och 22 sidor).").
#pragma once
#include <string>
#include <vector>

#include "i18n/lang.h"

namespace kv {

struct BuildCounts {
  int pages = 0;
  int workbooks = 0;
  std::vector<int> pdf_pages;  // one entry per PDF made, in the documents' order
  std::vector<std::string> pdf_titles;  // the same PDFs' documents, named for people
};

// output_dir is printed as given (escaped for the terminal). While they fit, each PDF follows
// on a line of its own with its document's name and page count.
std::string build_summary(Lang lang, const std::string& output_dir, const BuildCounts& counts);

}  // namespace kv
