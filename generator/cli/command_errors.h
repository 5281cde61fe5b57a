// Command-line mistakes, answered in the user's language. CLI11 says "A subcommand is
// required" or "The following arguments were not expected" in English and exits with 106 or
// 109; an author who types `kvalitet bygga` or `kvalitet arkiv --enhet x` should read what
// to type instead, and scripts get one status (2) for every such mistake.
#pragma once
#include <CLI/CLI.hpp>

#include <optional>
#include <ostream>

#include "i18n/lang.h"

namespace kv {

// When error happened because argv names no command, or one that does not exist: prints
// "kvalitet: error: okänt kommando ”bygga” — menade du ”bygg”?" (or the list of commands) to
// err and returns the exit status 2. A recognised command with an option it does not take,
// a missing value or a bad one: "kvalitet: error: kvalitet arkiv känner inte till --enhet —
// kvalitet arkiv --help visar …", status 2. Help and version requests: nullopt (CLI11's
// own handling applies).
std::optional<int> explain_command_error(const CLI::App& app, const CLI::ParseError& error, int argc,
                                         const char* const* argv, Lang lang, std::ostream& err);

}  // namespace kv
