#include "serve/source_view.h"

#include <fstream>
#include <sstream>

#include "i18n/messages.h"
#include "util/limits.h"
#include "serve/page_frame.h"
#include "util/escape.h"
#include "util/text.h"
#include "util/url.h"

namespace kv::serve {

namespace fs = std::filesystem;

SourceRoots::SourceRoots(const std::vector<fs::path>& roots) {
  for (const auto& r : roots) roots_.emplace_back(r);
}

bool SourceRoots::allows(const fs::path& path) const {
  for (const auto& root : roots_)
    if (classify_path(root, path) == PathState::kInside) {
      std::error_code ec;
      const auto size = fs::file_size(path, ec);
      return !ec && size <= limits::kTextFileBytes;
    }
  return false;
}

namespace {

std::string shown_line(std::string_view line) {
  std::string s(line);
  for (char& c : s)  // one column per tab, as the terminal shows it, so the caret lines up
    if (c == '\t') c = ' ';
  return terminal_text(s);
}

}  // namespace

std::string source_href(const std::string& path, int line) {
  std::string href = std::string(kSourcePath) + "?fil=" + percent_encode_path(path);
  if (line > 0) href += "#rad-" + std::to_string(line);
  return href;
}

std::optional<std::vector<std::string>> viewable_lines(const SourceRoots& roots, const fs::path& path) {
  if (!roots.allows(path)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) return std::nullopt;
  std::vector<std::string> lines;
  const std::string whole = text.str();  // split_lines points into it
  for (std::string_view line : split_lines(whole)) lines.push_back(shown_line(line));
  return lines;
}

std::optional<std::string> source_page(const SourceRoots& roots, const std::string& path, Lang lang,
                                       std::uint64_t generation) {
  auto lines = viewable_lines(roots, path);
  if (!lines) return std::nullopt;
  std::string body = "<h1 class=\"where\">" + html_escape(terminal_text(path)) + "</h1>\n<p><a href=\"/\">" +
                     html_escape(text(lang, Msg::kServeBack)) + "</a></p>\n<table class=\"source\">\n";
  for (size_t i = 0; i < lines->size(); ++i) {
    const std::string n = std::to_string(i + 1);
    body += "<tr id=\"rad-" + n + "\"><td class=\"nr\"><a href=\"#rad-" + n + "\">" + n + "</a></td><td>" +
            html_escape((*lines)[i]) + "</td></tr>\n";
  }
  body += "</table>\n";
  return page_frame(lang, terminal_text(path), body, generation);
}

std::string refused_source_page(Lang lang, std::uint64_t generation) {
  const std::string title = text(lang, Msg::kServeSourceRefused);
  const std::string body = "<h1>" + html_escape(title) + "</h1>\n<p>" +
                           html_escape(text(lang, Msg::kServeSourceRefusedText)) + "</p>\n<p><a href=\"/\">" +
                           html_escape(text(lang, Msg::kServeBack)) + "</a></p>\n";
  return page_frame(lang, title, body, generation);
}

}  // namespace kv::serve
