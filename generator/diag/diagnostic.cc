#include "diag/diagnostic.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <tuple>

#include "i18n/messages.h"
#include "util/escape.h"
#include "util/text.h"

namespace kv {

void DiagnosticList::error(SourcePos pos, std::string message, std::string hint) {
  items_.push_back({Severity::kError, std::move(pos), std::move(message), std::move(hint)});
}

void DiagnosticList::warning(SourcePos pos, std::string message, std::string hint) {
  items_.push_back({Severity::kWarning, std::move(pos), std::move(message), std::move(hint)});
}

void DiagnosticList::append(const DiagnosticList& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

int DiagnosticList::error_count() const {
  return static_cast<int>(std::count_if(items_.begin(), items_.end(),
                                        [](const Diagnostic& d) { return d.severity == Severity::kError; }));
}

int DiagnosticList::warning_count() const {
  return static_cast<int>(items_.size()) - error_count();
}

void DiagnosticList::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.pos.path, a.pos.line, a.pos.col) < std::tie(b.pos.path, b.pos.line, b.pos.col);
  });
}

static std::string read_line(const std::string& path, int line) {
  std::ifstream in(path, std::ios::binary);
  std::string text;
  for (int i = 0; i < line && std::getline(in, text); ++i) {
  }
  if (!in && !in.eof()) return {};
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return text;
}

std::string format_diagnostic(const Diagnostic& d, bool with_source_line) {
  // Names and quoted values come from the author's files and folder names: escaped, so an
  // ESC sequence cannot reach the terminal and a newline cannot forge another diagnostic.
  std::ostringstream out;
  // A problem with no file (a command's option, the environment) is the program's to say.
  out << (d.pos.path.empty() ? std::string("kvalitet") : terminal_text(d.pos.path));
  if (d.pos.line > 0) out << ':' << d.pos.line;
  if (d.pos.line > 0 && d.pos.col > 0) out << ':' << d.pos.col;
  out << ": " << (d.severity == Severity::kError ? "error" : "warning") << ": " << terminal_text(d.message);
  if (!d.hint.empty()) out << " \xE2\x80\x94 " << terminal_text(d.hint);
  out << '\n';
  // A workbook's "line" is a row of a sheet (validate/review_forms.h): there is no text to show.
  const bool workbook = d.pos.path.size() > 5 && d.pos.path.compare(d.pos.path.size() - 5, 5, ".xlsx") == 0;
  if (with_source_line && d.pos.line > 0 && !workbook) {
    std::string source = read_line(d.pos.path, d.pos.line);
    if (!source.empty() && !find_invalid_utf8(source)) {
      for (char& c : source)
        if (c == '\t') c = ' ';
      out << "    " << terminal_text(source) << '\n';
      if (d.pos.col > 0) out << "    " << std::string(static_cast<size_t>(d.pos.col - 1), ' ') << "^\n";
    }
  }
  return out.str();
}

std::string format_summary(const DiagnosticList& diags, Lang lang) {
  const int errors = diags.error_count(), warnings = diags.warning_count();
  return text(lang, Msg::kSummary, {std::to_string(errors),
                                    text(lang, errors == 1 ? Msg::kErrorOne : Msg::kErrorMany),
                                    std::to_string(warnings),
                                    text(lang, warnings == 1 ? Msg::kWarningOne : Msg::kWarningMany)});
}

}  // namespace kv
