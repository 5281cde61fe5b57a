#include "diag/print_diagnostics.h"

#include <algorithm>

#include "diag/json_line.h"
#include "util/text.h"

namespace kv {

void print_diagnostics(const Diagnostics& diags, const OutputStyle& style, std::ostream& out, std::ostream& err) {
  const auto& items = diags.list.items();
  if (style.json) {  // every one: a program reads them, not a person
    for (auto severity : {Severity::kError, Severity::kWarning})
      for (const auto& d : items)
        if (d.severity == severity) out << diagnostic_json(d) << '\n';
    if (!items.empty() && !style.quiet) err << format_summary(diags.list, diags.lang) << '\n';
    return;
  }
  // Errors first, so that a flood of warnings cannot hide the error that stops the command.
  const size_t limit = style.max_messages == 0 ? items.size() : std::min(items.size(), style.max_messages);
  size_t printed = 0;
  for (auto severity : {Severity::kError, Severity::kWarning})
    for (const auto& d : items)
      if (d.severity == severity && printed < limit) {
        err << format_diagnostic(d, !style.hide_source_lines);
        ++printed;
      }
  if (printed < items.size())
    err << diags.t(Msg::kMoreDiagnostics, {group_digits(items.size() - printed)}) << " \xE2\x80\x94 "
        << diags.t(Msg::kMoreDiagnosticsHint) << '\n';
  if (!items.empty() && !style.quiet) err << format_summary(diags.list, diags.lang) << '\n';
}

std::ostream& people_stream(const OutputStyle& style, std::ostream& out, std::ostream& err) {
  return style.json ? err : out;
}

}  // namespace kv
