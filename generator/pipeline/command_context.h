// What every command knows before it starts, worked out once per run (once per rebuild in
// `serve`, where site.yaml may change): the language of what kvalitet says, where
// templates/ and themes/ are, the content folder's site settings (site.yaml read once), and
// how diagnostics and the other lines are printed (diag/print_diagnostics.h).
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "diag/print_diagnostics.h"
#include "i18n/lang.h"
#include "model/site.h"

namespace kv {

// The options every command takes, as typed on the command line.
struct CommonOptions {
  std::filesystem::path content_root = "content";
  std::filesystem::path executable;
  std::optional<Lang> lang;   // --lang: the language of messages, and of the site
  std::optional<Lang> env_lang;  // KVALITET_LANG (main reads it): the language of messages
  std::string templates_dir;  // empty: search (pipeline/resources.h)
  std::string themes_dir;     // empty: search
  unsigned threads = 0;       // 0: one per core
  OutputStyle style;
};

struct CommandContext {
  CommonOptions options;
  // The language of messages, help and files written for the author: --lang, else
  // KVALITET_LANG, else site.yaml's språk:, else Swedish (message_language).
  Lang lang = Lang::kSv;
  std::optional<std::filesystem::path> templates, themes;  // nullopt: not found
  // site.yaml's settings and the problems reading it (a site of defaults when the content
  // folder does not exist; validation reports that).
  model::Site settings;
  DiagnosticList settings_problems;
  bool content_exists = false;

  unsigned threads() const { return options.threads == 0 ? 1 : options.threads; }
  // An empty sink in the run's language.
  Diagnostics diagnostics() const;
  // templates/, or nullopt after reporting that it was not found.
  const std::optional<std::filesystem::path>& templates_or_report(Diagnostics& diags) const;
};

// flag > environment (KVALITET_LANG) > site.yaml > Swedish: the one place that decides.
Lang message_language(std::optional<Lang> flag, std::optional<Lang> env, std::optional<Lang> site);

// KVALITET_LANG's language; an unknown value is a warning in problems, and is skipped.
std::optional<Lang> environment_language(const char* value, Diagnostics& problems);

// Reads site.yaml once (when the content folder exists) and finds templates/ and themes/.
CommandContext make_context(const CommonOptions& options);

}  // namespace kv
