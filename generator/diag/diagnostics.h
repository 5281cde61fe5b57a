// Diagnostics: the sink every stage reports its problems into — the user's language plus the
// list the diagnostics go to. Each stage gets one by reference; parallel work uses one per
// task and merges them in a fixed order. (Named so, not "Report", because a report is one
// of the document kinds.)
#pragma once
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "i18n/messages.h"

namespace kv {

using Args = std::vector<std::string>;

struct Diagnostics {
  Lang lang = Lang::kSv;
  DiagnosticList list;
  // Prefixed to every message while set, e.g. "fråga 16 (”Mål 2018”)", so that a problem
  // deep inside a file still names the question it belongs to.
  std::string context;
  // A draft preview (serve): what the author has not written yet is a warning, not an
  // error, so that the rest of the document can be seen while it is being written.
  bool drafts = false;
  // How many times not_yet was called: a part with unwritten values is not also "missing".
  int unwritten = 0;

  std::string t(Msg id, const Args& args = {}) const { return text(lang, id, args); }
  void error(SourcePos pos, std::string message, std::string hint = {}) {
    list.error(std::move(pos), in_context(std::move(message)), std::move(hint));
  }
  void warning(SourcePos pos, std::string message, std::string hint = {}) {
    list.warning(std::move(pos), in_context(std::move(message)), std::move(hint));
  }
  // Something not written yet (a part, a value, the introduction): an error that stops a
  // build, a warning in a draft preview.
  void not_yet(SourcePos pos, std::string message, std::string hint = {}) {
    ++unwritten;
    if (drafts) warning(std::move(pos), std::move(message), std::move(hint));
    else error(std::move(pos), std::move(message), std::move(hint));
  }
  std::string in_context(std::string message) const {
    return context.empty() ? message : context + ": " + message;
  }
  // "menade du ”x”?" when a close candidate exists, else "tillåtna är: a, b, c".
  std::string suggest(const std::string& word, const std::vector<std::string>& candidates) const;
  // "menade du ”near”?" for a file name written that is not there, with a word on capital and
  // small letters when they are all that differ (Windows and macOS show both as the same file;
  // the site does not); otherwise when there is no near name.
  std::string suggest_file(const std::string& near, const std::string& written, std::string otherwise) const;
};

}  // namespace kv
