// A link an author wrote in prose. Validation decides what it leads to, once every document
// is read (validate/links.h); each page turns that into an address relative to itself
// (render/html/page_links.h), because the same prose is shown on pages at different depths.
#pragma once
#include <string>

namespace kv::model {

struct Link {
  // An https: or mailto: address, kept as written; empty for a link within the site.
  std::string external;

  // Within the site, once resolved: the target document (Submission::url_path()), the page
  // in it and a heading there.
  std::string document;
  int part = 0;               // the question or section; 0: the document's overview page
  bool introduction = false;  // the overview's introduction (inledning.md)
  std::string anchor;         // the heading's id in the target file; "" for the page itself

  // As read, for the check that resolves it: the address as written, the file or folder it
  // names (relative to the content folder, normalised), the text after '#' (%-escapes
  // decoded), and where it is.
  std::string url;
  std::string file;
  std::string fragment;
  std::string source;  // display path of the file the link is written in
  int line = 0, col = 0;
};

}  // namespace kv::model
