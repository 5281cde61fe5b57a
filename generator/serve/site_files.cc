#include "serve/site_files.h"

#include <map>

namespace kv::serve {

namespace fs = std::filesystem;

namespace {

bool is_within(const fs::path& inner, const fs::path& outer) {
  auto o = outer.begin();
  for (auto i = inner.begin(); o != outer.end(); ++i, ++o)
    if (i == inner.end() || *i != *o) return false;
  return true;
}

// The path's segments below the site folder, or false for one that may not be served.
bool safe_relative(std::string_view path, fs::path& relative) {
  if (path.empty() || path.front() != '/') return false;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view segment = path.substr(start, end - start);
    if (!segment.empty()) {
      if (segment.front() == '.') return false;
      for (char c : segment)  // control characters could end the Location header of a redirect
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F || c == '\\') return false;
      relative /= std::string(segment);
    }
    start = end + 1;
  }
  return true;
}

}  // namespace

SiteFile resolve_site_path(const fs::path& site, std::string_view path) {
  fs::path relative;
  if (!safe_relative(path, relative)) return {};
  fs::path file = site / relative;
  std::error_code ec;
  if (fs::is_directory(file, ec)) {
    if (path.back() != '/') return {SiteFile::Kind::kRedirect, {}, std::string(path) + "/"};
    file /= "index.html";
  }
  if (!fs::is_regular_file(file, ec)) return {};
  const fs::path real = fs::canonical(file, ec), root = fs::canonical(site, ec);
  if (ec || !is_within(real, root)) return {};
  return {SiteFile::Kind::kFile, file, {}};
}

std::string content_type_for(const fs::path& file) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"}, {".json", "application/json"},
      {".svg", "image/svg+xml"}, {".png", "image/png"}, {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"},
      {".gif", "image/gif"}, {".webp", "image/webp"}, {".ico", "image/x-icon"},
      {".woff2", "font/woff2"}, {".woff", "font/woff"}, {".pdf", "application/pdf"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {".txt", "text/plain; charset=utf-8"}};
  std::string ext = file.extension().string();
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  auto it = types.find(ext);
  return it == types.end() ? "application/octet-stream" : it->second;
}

bool is_html(const fs::path& file) { return content_type_for(file).starts_with("text/html"); }

}  // namespace kv::serve
