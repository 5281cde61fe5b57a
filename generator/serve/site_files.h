// Mapping a request path to a file of the built site. Only files inside the site folder are
// ever answered: ".." and hidden names (the write stage's marker files) are refused before
// the file system is asked, and the real path is checked again after links are followed.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace kv::serve {

struct SiteFile {
  enum class Kind { kFile, kRedirect, kMissing } kind = Kind::kMissing;
  std::filesystem::path file;  // kFile
  std::string location;        // kRedirect: the same path with a trailing '/'
};

// path is the decoded request path ("/2018/enhet/", "/assets/style.css"). A folder is
// answered by its index.html; a folder without the trailing '/' is redirected to it, so
// that the site's relative links resolve.
SiteFile resolve_site_path(const std::filesystem::path& site, std::string_view path);

// The Content-Type for a file name, by its extension.
std::string content_type_for(const std::filesystem::path& file);

// True for a file the browser shows as a page (where the reload script belongs).
bool is_html(const std::filesystem::path& file);

}  // namespace kv::serve
