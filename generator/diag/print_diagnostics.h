// The one printer of diagnostics, used by every command: text for people on err (errors
// first, at most max_messages, then how many were left out and the summary), or with
// --format json every diagnostic as a JSON line on out and the summary on err.
#pragma once
#include <cstddef>
#include <ostream>

#include "diag/diagnostics.h"
#include "util/limits.h"

namespace kv {

// How a run prints: --format, -q, --max-messages, --no-source and whether err is a terminal.
struct OutputStyle {
  // --format json: the diagnostics as JSON lines (diag/json_line.h) on out and nothing else
  // there; the summary and every other line for people go to err.
  bool json = false;
  // --quiet: only errors and warnings; no progress, no summary, no next steps.
  bool quiet = false;
  size_t max_messages = limits::kPrintedDiagnostics;  // diagnostics printed as text; 0: all
  bool hide_source_lines = false;                      // --no-source
  // Redraw a progress line on err during long steps; main sets it when err is a terminal, so
  // logs and tests never get carriage returns.
  bool show_progress = false;
};

void print_diagnostics(const Diagnostics& diags, const OutputStyle& style, std::ostream& out, std::ostream& err);

// Where lines for people (summaries, next steps) go: out, or err when out carries JSON.
std::ostream& people_stream(const OutputStyle& style, std::ostream& out, std::ostream& err);

}  // namespace kv
