// What `kvalitet serve` prints after each build. The first build prints its diagnostics as
// every command does (errors first, the summary line) and that the site is up to date;
// every later one, like a compiler's watch mode, only the diagnostics that are
// new since the build before, then one line with the counts and what changed:
// "Webbplatsen är uppdaterad (0,42 s): 2 fel (1 nytt, 1 åtgärdat), 22 varningar." With
// --format json every build's diagnostics are JSON lines on out, all of them, as `build`
// prints them, and the lines for people go to err.
#pragma once
#include <chrono>
#include <optional>
#include <ostream>
#include <vector>

#include "diag/print_diagnostics.h"

namespace kv::serve {

class BuildReport {
 public:
  // diags: the build's; written: the site folder holds it; took: how long it took.
  void print(const Diagnostics& diags, bool written, std::chrono::steady_clock::duration took, const OutputStyle& style,
             std::ostream& out, std::ostream& err);

 private:
  std::optional<std::vector<Diagnostic>> previous_;  // the last build's; none before the first
};

// "2 fel (1 nytt, 1 åtgärdat), 22 varningar": a count is left out when it is 0 and nothing
// changed; "" when there is nothing to say. previous: the build before (none: no changes).
std::string diagnostic_counts(const std::vector<Diagnostic>& now, const std::vector<Diagnostic>* previous, Lang lang);

// The diagnostics of now that the build before did not have. A diagnostic is the same when
// its severity, file and message are: a line added above it moves it, it stays the same.
std::vector<Diagnostic> new_diagnostics(const std::vector<Diagnostic>& now, const std::vector<Diagnostic>& previous);

}  // namespace kv::serve
