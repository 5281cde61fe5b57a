#include "serve/build_report.h"

#include <cstdio>
#include <map>
#include <tuple>

#include "i18n/messages.h"

namespace kv::serve {

namespace {

using Key = std::tuple<Severity, std::string, std::string>;

Key key_of(const Diagnostic& d) { return {d.severity, d.pos.path, d.message}; }

std::map<Key, int> counted(const std::vector<Diagnostic>& diags) {
  std::map<Key, int> n;
  for (const auto& d : diags) ++n[key_of(d)];
  return n;
}

int count(const std::vector<Diagnostic>& diags, Severity severity) {
  int n = 0;
  for (const auto& d : diags) n += d.severity == severity;
  return n;
}

// "0,42" in Swedish, "0.42" in English.
std::string seconds(std::chrono::steady_clock::duration d, Lang lang) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", std::chrono::duration<double>(d).count());
  std::string s = buffer;
  if (lang == Lang::kSv)
    for (char& c : s)
      if (c == '.') c = ',';
  return s;
}

// "2 fel (1 nytt, 1 åtgärdat)": one severity's count and its changes.
std::string one_count(Severity severity, int now, int added, int fixed, Lang lang) {
  const bool error = severity == Severity::kError;
  std::string s = std::to_string(now) + " " +
                  text(lang, error ? (now == 1 ? Msg::kErrorOne : Msg::kErrorMany) : (now == 1 ? Msg::kWarningOne : Msg::kWarningMany));
  std::vector<std::string> changes;
  if (added > 0)
    changes.push_back(text(lang, error ? (added == 1 ? Msg::kServeNewError : Msg::kServeNewErrors)
                                       : (added == 1 ? Msg::kServeNewWarning : Msg::kServeNewWarnings),
                           {std::to_string(added)}));
  if (fixed > 0)
    changes.push_back(text(lang, error ? (fixed == 1 ? Msg::kServeFixedError : Msg::kServeFixedErrors)
                                       : (fixed == 1 ? Msg::kServeFixedWarning : Msg::kServeFixedWarnings),
                           {std::to_string(fixed)}));
  if (!changes.empty()) s += " (" + changes[0] + (changes.size() > 1 ? ", " + changes[1] : "") + ")";
  return s;
}

}  // namespace

std::vector<Diagnostic> new_diagnostics(const std::vector<Diagnostic>& now, const std::vector<Diagnostic>& previous) {
  std::map<Key, int> before = counted(previous);
  std::vector<Diagnostic> added;
  for (const auto& d : now) {
    int& n = before[key_of(d)];
    if (n > 0) --n;
    else added.push_back(d);
  }
  return added;
}

std::string diagnostic_counts(const std::vector<Diagnostic>& now, const std::vector<Diagnostic>* previous, Lang lang) {
  std::vector<Diagnostic> added, fixed;
  if (previous) {
    added = new_diagnostics(now, *previous);
    fixed = new_diagnostics(*previous, now);
  }
  std::string s;
  for (auto severity : {Severity::kError, Severity::kWarning}) {
    const int n = count(now, severity), a = count(added, severity), f = count(fixed, severity);
    if (n == 0 && a == 0 && f == 0) continue;
    if (!s.empty()) s += ", ";
    s += one_count(severity, n, a, f, lang);
  }
  return s;
}

void BuildReport::print(const Diagnostics& diags, bool written, std::chrono::steady_clock::duration took,
                        const OutputStyle& style, std::ostream& out, std::ostream& err) {
  const std::vector<Diagnostic>& now = diags.list.items();
  const std::string time = seconds(took, diags.lang);
  if (!previous_) {
    // The first build prints as every command does (diag/print_diagnostics.h), summary included.
    print_diagnostics(diags, style, out, err);
    if (!style.quiet) {
      if (written) people_stream(style, out, err) << text(diags.lang, Msg::kServeRebuilt, {time}) << std::endl;
      else err << text(diags.lang, Msg::kServeNotRebuilt) << std::endl;
    }
    previous_ = now;
    return;
  }
  // Later builds: the summary of print_diagnostics is left to the line below, which also
  // says what changed.
  OutputStyle listed = style;
  listed.quiet = true;
  if (style.json) {
    print_diagnostics(diags, listed, out, err);
  } else {
    Diagnostics added{diags.lang, {}, {}};
    for (auto& d : new_diagnostics(now, *previous_)) added.list.add(std::move(d));
    print_diagnostics(added, listed, out, err);
  }
  if (!style.quiet) {
    const std::string counts = diagnostic_counts(now, &*previous_, diags.lang);
    if (!written)
      err << (counts.empty() ? text(diags.lang, Msg::kServeNotRebuilt) : text(diags.lang, Msg::kServeNotRebuiltWith, {counts}))
          << std::endl;
    else if (counts.empty())
      people_stream(style, out, err) << text(diags.lang, Msg::kServeRebuilt, {time}) << std::endl;
    else
      people_stream(style, out, err) << text(diags.lang, Msg::kServeRebuiltWith, {time, counts}) << std::endl;
  }
  previous_ = now;
}

}  // namespace kv::serve
