// yaml-cpp's syntax errors in plain words. yaml-cpp names the grammar rule that failed
// ("illegal map value", "end of map not found") at the token where it noticed, which is often
// the line after the real mistake: a missing colon, an unclosed quote or bracket, a tab. This
// turns each of its messages into what the author did wrong, on the line where they did it,
// and how to fix it.
#pragma once
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/messages.h"

namespace kv {

struct YamlErrorText {
  int line = -1;    // 0-based line in the YAML text; -1: the start of the text
  int column = 0;   // 0-based byte column on that line
  Msg message = Msg::kYamlUnreadable;
  std::vector<std::string> args;
  Msg hint = Msg::kYamlSyntaxHint;
  std::vector<std::string> hint_args;
};

// The explanation of a yaml-cpp parse error in text.
YamlErrorText explain_yaml_error(const YAML::Exception& error, std::string_view text);

// yaml-cpp accepts a quoted value whose closing quote never comes and silently makes the rest
// of the text part of it. Returns that case for the parsed root of text, else nullopt.
std::optional<YamlErrorText> find_unclosed_quote(const YAML::Node& root, std::string_view text);

// A line that continues the text of a block scalar above it ("analys: >" or "beskrivning: |")
// but is not indented under it, so that YAML reads it as a key of its own or as an error:
// the block scalar's key, how many spaces the line lacks, and the first line of the run of
// such lines it belongs to. lines: split_lines of the YAML text; line: 0-based. A line counts
// as text when it has no key colon, or words with spaces before its colon.
struct UnindentedText {
  std::string key;
  int spaces = 2;
  int first_line = 0;
};
std::optional<UnindentedText> unindented_text_line(const std::vector<std::string_view>& lines, int line);

// Whether error's message is one of yaml-cpp's known ones (every ErrorMsg constant has a
// translation; tests check the list).
bool yaml_error_known(const std::string& message);

}  // namespace kv
