// A diagnostic is one problem found in the author's files, with where it is and what to do.
// Stages never throw for bad input: they append to a Diagnostics list and go on, so that one
// run reports every problem.
#pragma once
#include <string>
#include <vector>

#include "i18n/lang.h"

namespace kv {

enum class Severity { kError, kWarning };

struct SourcePos {
  std::string path;  // as given on the command line, relative when possible; "": none (kvalitet's own)
  int line = 0;      // 1-based; 0 means "the whole file"
  int col = 0;       // 1-based, in characters; 0 means "the whole line"
};

struct Diagnostic {
  Severity severity = Severity::kError;
  SourcePos pos;
  std::string message;  // what is wrong
  std::string hint;     // what to do; may be empty
};

class DiagnosticList {
 public:
  void error(SourcePos pos, std::string message, std::string hint = {});
  void warning(SourcePos pos, std::string message, std::string hint = {});
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void append(const DiagnosticList& other);

  const std::vector<Diagnostic>& items() const { return items_; }
  int error_count() const;
  int warning_count() const;
  bool has_errors() const { return error_count() > 0; }

  // Orders by file, line and column so output does not depend on the order of discovery.
  void sort();

 private:
  std::vector<Diagnostic> items_;
};

// "path:line:col: error: message — hint" ("kvalitet: error: …" without a path), followed by the offending line and a caret when
// the file can be read. Severity words stay "error"/"warning" in every language so editors
// and CI can parse them; the message itself is in the user's language.
std::string format_diagnostic(const Diagnostic& d, bool with_source_line = true);

// "3 fel och 1 varning." / "3 errors and 1 warning."
std::string format_summary(const DiagnosticList& diags, Lang lang);

}  // namespace kv
