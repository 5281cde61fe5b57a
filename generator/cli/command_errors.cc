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

// The command's option names as typed ("--enhet", "-o"), for "did you mean".
std::vector<std::string> option_names(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::Option* option : command.get_options()) {
    for (const auto& name : option->get_lnames()) names.push_back("--" + name);
    for (const auto& name : option->get_snames()) names.push_back("-" + name);
  }
  return names;
}

// The option CLI11 names first in its message ("--port: Value 70000 not in range"), or the
// message itself.
std::string named_option(const std::string& what) {
  const size_t end = what.find_first_of(": ");
  return what.rfind("-", 0) == 0 && end != std::string::npos ? what.substr(0, end) : what;
}

// What went wrong with a recognised command's arguments, in the user's language.
std::string option_problem(const CLI::App& app, const CLI::App& command, const CLI::ParseError& error, Lang lang) {
  const std::string name = command.get_name(), kind = error.get_name();
  // A command's ExtrasError carries the command's name, not the error's, so ask its type.
  if (dynamic_cast<const CLI::ExtrasError*>(&error)) {
    auto extras = command.remaining();
    for (const auto& extra : app.remaining()) extras.push_back(extra);
    for (const auto& extra : extras)
      if (extra.rfind("-", 0) == 0 && extra.size() > 1) {
        const std::string option = extra.substr(0, extra.find('='));
        const std::string near = closest_match(option, option_names(command));
        return text(lang, Msg::kCliUnknownOption, {name, terminal_text(option)}) +
               (near.empty() ? "" : " \xE2\x80\x94 " + text(lang, Msg::kDidYouMean, {near}));
      }
    return text(lang, Msg::kCliExtraArgument, {name, terminal_text(extras.empty() ? std::string() : extras.front())});
  }
  const std::string what = terminal_text(error.what());
  if (kind == "ArgumentMismatch") return text(lang, Msg::kCliOptionNeedsValue, {named_option(what)});
  if (kind == "RequiredError") return text(lang, Msg::kCliOptionRequired, {named_option(what.substr(0, what.find(' ')))});
  return text(lang, Msg::kCliBadArgument, {name, what});
}

}  // namespace

std::optional<int> explain_command_error(const CLI::App& app, const CLI::ParseError& error, int argc,
                                         const char* const* argv, Lang lang, std::ostream& err) {
  if (error.get_exit_code() == 0) return std::nullopt;  // help and version requests are not errors
  if (!app.get_subcommands().empty()) {  // a recognised command with arguments it cannot take
    const CLI::App& command = *app.get_subcommands().front();
    err << "kvalitet: error: " << option_problem(app, command, error, lang) << " \xE2\x80\x94 "
        << text(lang, Msg::kCliSeeHelp, {command.get_name()}) << '\n';
    return 2;
  }
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
