#include "serve/error_page.h"

#include "i18n/messages.h"
#include "util/limits.h"
#include "serve/page_frame.h"
#include "util/escape.h"
#include "util/text.h"

namespace kv::serve {

namespace {

// "path:line:col", as the terminal prints it.
std::string place(const SourcePos& pos) {
  std::string s = pos.path;
  if (pos.line > 0) s += ":" + std::to_string(pos.line);
  if (pos.line > 0 && pos.col > 0) s += ":" + std::to_string(pos.col);
  return terminal_text(s);
}

// The offending line with a caret under the column, when the file may be shown.
std::string source_excerpt(const Diagnostic& d, const SourceRoots& roots) {
  if (d.pos.line <= 0) return {};
  auto lines = viewable_lines(roots, d.pos.path);
  if (!lines || static_cast<size_t>(d.pos.line) > lines->size()) return {};
  const std::string& line = (*lines)[static_cast<size_t>(d.pos.line - 1)];
  std::string pre = "<pre>" + html_escape(line);
  if (d.pos.col > 0 && static_cast<size_t>(d.pos.col) <= utf8_length(line) + 1)
    pre += "\n<span class=\"caret\">" + std::string(static_cast<size_t>(d.pos.col - 1), ' ') + "^</span>";
  return pre + "</pre>\n";
}

std::string item(const Diagnostic& d, const SourceRoots& roots, Lang lang) {
  const bool error = d.severity == Severity::kError;
  std::string li = error ? "<li class=\"error\">" : "<li class=\"warning\">";
  li += "<div class=\"where\"><span class=\"badge\">" +
        html_escape(text(lang, error ? Msg::kServeErrorBadge : Msg::kServeWarningBadge)) + "</span>";
  if (!d.pos.path.empty() && roots.allows(d.pos.path))
    li += "<a href=\"" + html_escape(source_href(d.pos.path, d.pos.line)) + "\">" + html_escape(place(d.pos)) + "</a>";
  else
    li += html_escape(place(d.pos));
  li += "</div>\n<p class=\"message\">" + html_escape(terminal_text(d.message)) + "</p>\n";
  if (!d.hint.empty()) li += "<p class=\"hint\">" + html_escape(terminal_text(d.hint)) + "</p>\n";
  return li + source_excerpt(d, roots) + "</li>\n";
}

}  // namespace

std::string error_page(const Snapshot& s, const SourceRoots& roots) {
  DiagnosticList counted;
  for (const auto& d : s.diags) counted.add(d);
  const std::string title = text(s.lang, Msg::kServeErrorTitle);
  std::string body = "<h1>" + html_escape(title) + "</h1>\n<p class=\"intro\">" +
                     html_escape(text(s.lang, Msg::kServeErrorIntro)) + "</p>\n<p class=\"summary\">" +
                     html_escape(format_summary(counted, s.lang)) + "</p>\n<ol class=\"diags\">\n";
  size_t shown = 0;
  for (auto severity : {Severity::kError, Severity::kWarning})
    for (const auto& d : s.diags)
      if (d.severity == severity && shown < limits::kPrintedDiagnostics) {
        body += item(d, roots, s.lang);
        ++shown;
      }
  body += "</ol>\n";
  if (shown < s.diags.size())
    body += "<p>" + html_escape(text(s.lang, Msg::kMoreDiagnostics, {group_digits(s.diags.size() - shown)})) + "</p>\n";
  return page_frame(s.lang, title, body, s.generation);
}

std::string not_found_page(Lang lang, const std::string& path, std::uint64_t generation) {
  const std::string title = text(lang, Msg::kServeNotFound);
  const std::string body = "<h1>" + html_escape(title) + "</h1>\n<p>" +
                           html_escape(text(lang, Msg::kServeNotFoundText, {terminal_text(path)})) +
                           "</p>\n<p><a href=\"/\">" + html_escape(text(lang, Msg::kServeToStart)) + "</a></p>\n";
  return page_frame(lang, title, body, generation);
}

}  // namespace kv::serve
