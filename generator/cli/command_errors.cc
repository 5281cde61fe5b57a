#include "cli/command_errors.h"

#include <algorithm>
#include <string>
#include <vector>

#include "i18n/messages.h"
#include "util/escape.h"
#include "util/text.h"

namespace kv {
namespace {

// The first argument that is not an option (nor the value of --lang, read before parsing).
std::string first_word(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--lang") {
      ++i;
      continue;
    }
    if (!arg.empty() && arg.front() != '-') return arg;
  }
  return "";
}

}  // namespace

std::optional<int> explain_command_error(const CLI::App& app, const CLI::ParseError& error, int argc,
                                         const char* const* argv, Lang lang, std::ostream& err) {
  // Help and version requests are not errors, and a command that was recognised reports its
  // own options' problems.
  if (error.get_exit_code() == 0 || !app.get_subcommands().empty()) return std::nullopt;
  std::vector<std::string> names;
  std::string list;
  for (const CLI::App* command : app.get_subcommands({})) {
    names.push_back(command->get_name());
    for (const auto& alias : command->get_aliases()) names.push_back(alias);
    list += (list.empty() ? "" : ", ") + command->get_display_name(true);
  }
  const std::string word = first_word(argc, argv);
  // A known command that did not parse (an option before it): CLI11's message is the right one.
  if (std::find(names.begin(), names.end(), word) != names.end()) return std::nullopt;
  const std::string commands = text(lang, Msg::kCliCommandsAre, {list});
  if (word.empty()) {
    err << "kvalitet: error: " << text(lang, Msg::kCliNoCommand) << " \xE2\x80\x94 " << commands << '\n';
    return 2;
  }
  const std::string near = closest_match(word, names);
  err << "kvalitet: error: " << text(lang, Msg::kCliUnknownCommand, {terminal_text(word)}) << " \xE2\x80\x94 "
      << (near.empty() ? commands : text(lang, Msg::kDidYouMean, {near})) << '\n';
  return 2;
}

}  // namespace kv
