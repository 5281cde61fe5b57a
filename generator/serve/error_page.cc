#include "serve/error_page.h"

#include "i18n/messages.h"
#include "util/limits.h"
#include "serve/page_frame.h"
#include "serve/reload_script.h"
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

// The list items of diags, errors first; the warnings in a folded <details> when there are
// errors, so that one error is not lost below many warnings.
std::string diagnostic_list(const std::vector<Diagnostic>& diags, const SourceRoots& roots, Lang lang) {
  DiagnosticList counted;
  for (const auto& d : diags) counted.add(d);
  const bool fold = counted.error_count() > 0 && counted.warning_count() > 0;
  std::string body = "<ol class=\"diags\">\n";
  size_t shown = 0;
  for (auto severity : {Severity::kError, Severity::kWarning}) {
    if (severity == Severity::kWarning && fold)
      body += "</ol>\n<details class=\"warnings\">\n<summary>" +
              html_escape(text(lang, Msg::kServeWarningsFolded, {group_digits(static_cast<size_t>(counted.warning_count()))})) +
              "</summary>\n<ol class=\"diags\">\n";
    for (const auto& d : diags)
      if (d.severity == severity && shown < limits::kPrintedDiagnostics) {
        body += item(d, roots, lang);
        ++shown;
      }
  }
  body += fold ? "</ol>\n</details>\n" : "</ol>\n";
  if (shown < diags.size())
    body += "<p>" + html_escape(text(lang, Msg::kMoreDiagnostics, {group_digits(diags.size() - shown)})) + "</p>\n";
  return body;
}

std::string summary_of(const std::vector<Diagnostic>& diags, Lang lang) {
  DiagnosticList counted;
  for (const auto& d : diags) counted.add(d);
  return format_summary(counted, lang);
}

std::string back_link(Lang lang) {
  return "<p class=\"back\"><a href=\"/\">" + html_escape(text(lang, Msg::kServeBack)) + "</a></p>\n";
}

}  // namespace

std::string error_page(const Snapshot& s, const SourceRoots& roots) {
  const std::string title = text(s.lang, s.errors > 0 || !s.ok ? Msg::kServeErrorTitle : Msg::kServeNoErrorsTitle);
  const Msg intro = !s.ok ? Msg::kServeErrorIntro : Msg::kServeErrorListIntro;
  std::string body = "<h1>" + html_escape(title) + "</h1>\n<p class=\"intro\">" + html_escape(text(s.lang, intro)) +
                     "</p>\n<p class=\"summary\">" + html_escape(summary_of(s.diags, s.lang)) + "</p>\n" +
                     diagnostic_list(s.diags, roots, s.lang);
  if (s.ok) body += back_link(s.lang);
  return page_frame(s.lang, title, body, s.generation);
}

std::string place_error_page(const Snapshot& s, const SourceRoots& roots, const std::vector<Diagnostic>& diags,
                             const std::string& folder) {
  const std::string title = text(s.lang, Msg::kServeDocumentErrorTitle);
  std::string body = "<h1>" + html_escape(title) + "</h1>\n<p class=\"intro\">" +
                     html_escape(text(s.lang, Msg::kServeDocumentErrorIntro, {terminal_text(folder)})) +
                     "</p>\n<p class=\"summary\">" + html_escape(summary_of(diags, s.lang)) + "</p>\n" +
                     diagnostic_list(diags, roots, s.lang) + back_link(s.lang);
  return inject_after_body_start(page_frame(s.lang, title, body, s.generation), problems_banner(s));
}

std::string problems_banner(const Snapshot& s) {
  if (s.errors == 0) return {};
  const size_t warnings = s.diags.size() - static_cast<size_t>(s.errors);
  // "1 fel", "2 fel och 22 varningar": a warning count only when there are warnings.
  std::string counts = group_digits(static_cast<size_t>(s.errors)) + " " + text(s.lang, s.errors == 1 ? Msg::kErrorOne : Msg::kErrorMany);
  if (warnings > 0)
    counts += " " + text(s.lang, Msg::kAnd) + " " + group_digits(warnings) + " " +
              text(s.lang, warnings == 1 ? Msg::kWarningOne : Msg::kWarningMany);
  // White on the error red of serve's pages (#a4111b: 7.6:1), the text in the theme's column
  // (its --kv-spalt and --kv-marginal when it has them); every property inline and set, so
  // that no theme's rules for aside, p or a change it.
  return "<aside class=\"kvalitet-serve-fel\" aria-label=\"" + html_escape(text(s.lang, Msg::kServeBannerLabel)) +
         "\" style=\"display:block;position:relative;z-index:2147483646;margin:0;padding:.55rem 0;background:#a4111b;"
         "color:#fff;border:0;border-bottom:3px solid #5c0a10;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,"
         "'Noto Sans','Liberation Sans',sans-serif;text-align:left\">"
         "<p style=\"box-sizing:border-box;margin:0 auto;padding:0 var(--kv-marginal,1rem);max-width:var(--kv-spalt,72rem);"
         "color:#fff;font:inherit\"><strong style=\"color:#fff;font-weight:700\">" +
         html_escape(text(s.lang, Msg::kServeBannerText, {counts + "."})) + "</strong> " +
         html_escape(text(s.lang, Msg::kServeBannerNote)) + " <a href=\"" + kProblemsPath +
         "\" style=\"color:#fff;text-decoration:underline;font-weight:700;background:transparent\">" +
         html_escape(text(s.lang, Msg::kServeBannerLink)) + "</a></p></aside>\n";
}

std::string not_found_page(Lang lang, const std::string& path, std::uint64_t generation) {
  const std::string title = text(lang, Msg::kServeNotFound);
  const std::string body = "<h1>" + html_escape(title) + "</h1>\n<p>" +
                           html_escape(text(lang, Msg::kServeNotFoundText, {terminal_text(path)})) +
                           "</p>\n<p><a href=\"/\">" + html_escape(text(lang, Msg::kServeToStart)) + "</a></p>\n";
  return page_frame(lang, title, body, generation);
}

}  // namespace kv::serve
