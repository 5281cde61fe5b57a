#include "load/yaml_errors.h"

#include <algorithm>

#include "util/text.h"

namespace kv {
namespace {

namespace E = YAML::ErrorMsg;

// What went wrong, by yaml-cpp's message. Each of its ErrorMsg constants belongs to one kind;
// the ones that only the node API or the emitter throw (never YAML::Load) are kUnreadable.
enum class Kind {
  kDirective, kTag, kEndOfMap, kEndOfSeq, kEndOfFlow, kAnchor, kAlias, kBadCode, kBadEscape,
  kReserved, kDocumentMarker, kEof, kBadCharacter, kTab, kFlowEnd, kBlockEntry, kMapValue,
  kBlockHeader, kUnreadable
};

struct KnownMessage {
  const char* core;
  Kind kind;
};

const KnownMessage kKnown[] = {
    {E::YAML_DIRECTIVE_ARGS, Kind::kDirective},   {E::YAML_VERSION, Kind::kDirective},
    {E::YAML_MAJOR_VERSION, Kind::kDirective},    {E::REPEATED_YAML_DIRECTIVE, Kind::kDirective},
    {E::TAG_DIRECTIVE_ARGS, Kind::kDirective},    {E::REPEATED_TAG_DIRECTIVE, Kind::kDirective},
    {E::CHAR_IN_TAG_HANDLE, Kind::kTag},          {E::TAG_WITH_NO_SUFFIX, Kind::kTag},
    {E::END_OF_VERBATIM_TAG, Kind::kTag},         {E::MULTIPLE_TAGS, Kind::kTag},
    {E::INVALID_TAG, Kind::kTag},                 {E::END_OF_MAP, Kind::kEndOfMap},
    {E::END_OF_MAP_FLOW, Kind::kEndOfFlow},       {E::END_OF_SEQ, Kind::kEndOfSeq},
    {E::END_OF_SEQ_FLOW, Kind::kEndOfFlow},       {E::MULTIPLE_ANCHORS, Kind::kAnchor},
    {E::ANCHOR_NOT_FOUND, Kind::kAnchor},         {E::CHAR_IN_ANCHOR, Kind::kAnchor},
    {E::INVALID_ANCHOR, Kind::kAnchor},           {E::AMBIGUOUS_ANCHOR, Kind::kAnchor},
    {E::MULTIPLE_ALIASES, Kind::kAlias},          {E::ALIAS_CONTENT, Kind::kAlias},
    {E::ALIAS_NOT_FOUND, Kind::kAlias},           {E::CHAR_IN_ALIAS, Kind::kAlias},
    {E::UNKNOWN_ANCHOR, Kind::kAlias},            {E::INVALID_ALIAS, Kind::kAlias},
    {E::INVALID_HEX, Kind::kBadCode},             {E::INVALID_UNICODE, Kind::kBadCode},
    {E::INVALID_ESCAPE, Kind::kBadEscape},        {E::UNKNOWN_TOKEN, Kind::kReserved},
    {E::MAP_KEY, Kind::kReserved},                {E::DOC_IN_SCALAR, Kind::kDocumentMarker},
    {E::EOF_IN_SCALAR, Kind::kEof},               {E::CHAR_IN_SCALAR, Kind::kBadCharacter},
    {E::SINGLE_QUOTED_CHAR, Kind::kBadCharacter}, {E::TAB_IN_INDENTATION, Kind::kTab},
    {E::FLOW_END, Kind::kFlowEnd},                {E::BLOCK_ENTRY, Kind::kBlockEntry},
    {E::MAP_VALUE, Kind::kMapValue},              {E::ZERO_INDENT_IN_BLOCK, Kind::kBlockHeader},
    {E::CHAR_IN_BLOCK, Kind::kBlockHeader},       {E::INVALID_NODE, Kind::kUnreadable},
    {E::INVALID_SCALAR, Kind::kUnreadable},       {E::KEY_NOT_FOUND, Kind::kUnreadable},
    {E::BAD_CONVERSION, Kind::kUnreadable},       {E::BAD_DEREFERENCE, Kind::kUnreadable},
    {E::BAD_SUBSCRIPT, Kind::kUnreadable},        {E::BAD_PUSHBACK, Kind::kUnreadable},
    {E::BAD_INSERT, Kind::kUnreadable},           {E::UNMATCHED_GROUP_TAG, Kind::kUnreadable},
    {E::UNEXPECTED_END_SEQ, Kind::kUnreadable},   {E::UNEXPECTED_END_MAP, Kind::kUnreadable},
    {E::BAD_FILE, Kind::kUnreadable},
};

// Some messages carry a detail after the constant ("unknown escape character: q").
const KnownMessage* lookup(const std::string& message) {
  for (const auto& known : kKnown)
    if (message == known.core || starts_with(message, known.core)) return &known;
  return nullptr;
}

using Lines = std::vector<std::string_view>;

size_t indent_of(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

bool is_blank(std::string_view line) { return trim(line).empty(); }
bool is_comment(std::string_view line) { return starts_with(trim(line), "#"); }

// The last line before `before` with content (not blank, not only a comment), or -1.
int previous_content_line(const Lines& lines, int before) {
  for (int i = std::min(before, static_cast<int>(lines.size())) - 1; i >= 0; --i)
    if (!is_blank(lines[static_cast<size_t>(i)]) && !is_comment(lines[static_cast<size_t>(i)])) return i;
  return -1;
}

// The line's content after its indentation and any list dashes ("- - x" → "x").
std::string_view after_dashes(std::string_view line) {
  std::string_view s = line.substr(indent_of(line));
  while (starts_with(s, "- ") || s == "-") s = trim(s.substr(1));
  return s;
}

bool is_list_item(std::string_view line) {
  std::string_view s = line.substr(indent_of(line));
  return starts_with(s, "- ") || s == "-";
}

// The byte offset of the colon that separates a key from its value (": ", ":\t" or a final
// ':'), outside quotes and before a comment; npos when there is none.
size_t key_colon(std::string_view s) {
  char quote = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if ((c == '"' || c == '\'') && (i == 0 || s[i - 1] == ' ')) quote = c;
    else if (c == '#' && i > 0 && s[i - 1] == ' ') return std::string::npos;
    else if (c == ':' && (i + 1 == s.size() || s[i + 1] == ' ' || s[i + 1] == '\t')) return i;
  }
  return std::string::npos;
}

// The block scalar a line at lines[line] would continue had it been indented (see
// unindented_text_line): above it only the scalar's own text (indented further) and other
// such lines, up to "key: >" or "key: |" whose key stands where the line starts.
std::optional<UnindentedText> unindented_text(const Lines& lines, int line) {
  if (line < 0 || line >= static_cast<int>(lines.size())) return std::nullopt;
  std::string_view text = lines[static_cast<size_t>(line)];
  if (is_blank(text) || is_comment(text) || is_list_item(text)) return std::nullopt;
  // Text, not a key: no key colon, or words with spaces before it ("sker enligt: riktlinjer").
  const std::string_view own = trim(text);
  if (size_t colon = key_colon(own); colon != std::string_view::npos && own.substr(0, colon).find(' ') == std::string_view::npos)
    return std::nullopt;
  // A key whose colon is missing ("arbetssätt >" and its text below) is no text line.
  if (const size_t space = own.rfind(' '); space != std::string_view::npos) {
    const std::string_view last_word = own.substr(space + 1);
    if (!last_word.empty() && (last_word[0] == '>' || last_word[0] == '|') &&
        last_word.find_first_not_of(">|+-0123456789") == std::string_view::npos)
      return std::nullopt;
  }
  const size_t indent = indent_of(text);
  for (int i = line + 1; i < static_cast<int>(lines.size()); ++i) {
    std::string_view below = lines[static_cast<size_t>(i)];
    if (is_blank(below) || is_comment(below)) continue;
    if (indent_of(below) > indent) return std::nullopt;
    break;
  }
  int content_indent = -1;  // of the scalar's own text lines, when it has any
  int first_line = line;
  for (int i = line - 1; i >= 0; --i) {
    std::string_view above = lines[static_cast<size_t>(i)];
    if (is_blank(above) || is_comment(above)) continue;
    const size_t above_indent = indent_of(above);
    if (above_indent > indent) {
      content_indent = static_cast<int>(above_indent);
      continue;
    }
    const std::string_view content = after_dashes(above);
    const size_t column = above.size() - content.size();
    const size_t colon = key_colon(content);
    if (colon == std::string_view::npos) {
      if (above_indent == indent && !is_list_item(above) && content_indent < 0) {  // an earlier line of the same kind
        first_line = i;
        continue;
      }
      return std::nullopt;
    }
    if (column != indent) return std::nullopt;
    const std::string_view value = trim(content.substr(colon + 1));
    if (value.empty() || (value[0] != '>' && value[0] != '|')) return std::nullopt;
    const int spaces = content_indent > static_cast<int>(indent) ? content_indent - static_cast<int>(indent) : 2;
    return UnindentedText{std::string(trim(content.substr(0, colon))), spaces, first_line};
  }
  return std::nullopt;
}

// A quoted value or a flow collection ([…] or {…}) found by the scanner below: where it
// opens, and the line where it closes (it may span lines).
struct Span {
  int line = 0, column = 0;
  char open = 0;
  bool closed = false;
  int end_line = 0;
};

// A small scanner for the few YAML constructs whose mistakes yaml-cpp reports far from their
// cause: quoted values and flow collections. It looks only where a value can begin (after
// "key: ", after "- ", at the start of a line) and skips the bodies of block scalars (| and >),
// whose quotes and brackets are plain text.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : lines_(split_lines(text)) {}

  void run() {
    int block_parent = -1;  // indentation of the line that opened a block scalar
    for (line_ = 0; line_ < static_cast<int>(lines_.size()); ++line_) {
      std::string_view line = cur();
      if (block_parent >= 0) {
        if (is_blank(line) || static_cast<int>(indent_of(line)) > block_parent) continue;
        block_parent = -1;
      }
      if (starts_with(line, "---") || starts_with(line, "...") || starts_with(line, "%")) continue;
      if (scan_line(indent_of(line))) block_parent = static_cast<int>(indent_of(lines_[static_cast<size_t>(line_)]));
    }
  }

  const Lines& lines() const { return lines_; }
  const std::vector<Span>& quotes() const { return quotes_; }
  const std::vector<Span>& flows() const { return flows_; }

 private:
  std::string_view cur() const { return lines_[static_cast<size_t>(line_)]; }

  void skip_spaces(size_t& p) const {
    while (p < cur().size() && (cur()[p] == ' ' || cur()[p] == '\t')) ++p;
  }

  // Scans from byte p of the current line; may move to later lines inside a multi-line
  // quote or flow. Returns true when the line opens a block scalar.
  bool scan_line(size_t p) {
    skip_spaces(p);
    while (p < cur().size() && cur()[p] == '-' && (p + 1 == cur().size() || cur()[p + 1] == ' ')) {
      ++p;
      skip_spaces(p);
    }
    if (p >= cur().size() || cur()[p] == '#') return false;
    char c = cur()[p];
    if (c == '"' || c == '\'') {
      p = scan_quoted(p);  // a quoted key, or a quoted item of a list
      if (p == std::string::npos) return false;
      size_t colon = cur().find(':', p);
      if (colon == std::string::npos) return false;
      p = colon + 1;
    } else if (c == '[' || c == '{') {
      scan_flow(p);
      return false;
    } else {
      size_t colon = key_colon(cur().substr(p));
      if (colon == std::string::npos) return false;
      p += colon + 1;
    }
    skip_spaces(p);
    if (p >= cur().size()) return false;
    c = cur()[p];
    if (c == '"' || c == '\'') {
      scan_quoted(p);
      return false;
    }
    if (c == '[' || c == '{') {
      scan_flow(p);
      return false;
    }
    if (c == '|' || c == '>') {
      std::string_view rest = cur().substr(p + 1);
      size_t n = 0;
      while (n < rest.size() && (rest[n] == '+' || rest[n] == '-' || (rest[n] >= '0' && rest[n] <= '9'))) ++n;
      std::string_view tail = trim(rest.substr(n));
      return tail.empty() || tail.front() == '#';
    }
    return false;
  }

  // The quoted value starting at byte p of the current line. Returns the byte after its
  // closing quote (the current line is then the closing line), or npos when it never closes.
  size_t scan_quoted(size_t p) {
    Span span{line_, static_cast<int>(p), cur()[p], false, line_};
    const char q = span.open;
    size_t i = p + 1;
    while (true) {
      std::string_view line = cur();
      while (i < line.size()) {
        if (q == '"' && line[i] == '\\') {
          i += 2;
        } else if (line[i] == q) {
          if (q == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
            i += 2;
            continue;
          }
          span.closed = true;
          span.end_line = line_;
          quotes_.push_back(span);
          return i + 1;
        } else {
          ++i;
        }
      }
      if (line_ + 1 >= static_cast<int>(lines_.size())) break;
      ++line_;
      i = 0;
    }
    span.end_line = line_;
    quotes_.push_back(span);
    return std::string::npos;
  }

  // The flow collection starting at byte p of the current line, with quotes and nested
  // collections inside it.
  void scan_flow(size_t p) {
    Span span{line_, static_cast<int>(p), cur()[p], false, line_};
    int depth = 0;
    bool token_start = true;
    size_t i = p;
    while (true) {
      std::string_view line = cur();
      while (i < line.size()) {
        char c = line[i];
        if (c == '#' && (i == 0 || line[i - 1] == ' ')) break;  // a comment: the rest of the line
        if (token_start && (c == '"' || c == '\'')) {
          size_t after = scan_quoted(i);
          if (after == std::string::npos) {  // the quote never closes, nor does the flow
            span.end_line = line_;
            flows_.push_back(span);
            return;
          }
          line = cur();
          i = after;
          token_start = false;
          continue;
        }
        if (c == '[' || c == '{') {
          ++depth;
        } else if (c == ']' || c == '}') {
          if (--depth == 0) {
            span.closed = true;
            span.end_line = line_;
            flows_.push_back(span);
            return;
          }
        }
        if (c != ' ') token_start = c == '[' || c == '{' || c == ',' || c == ':';
        ++i;
      }
      if (line_ + 1 >= static_cast<int>(lines_.size())) break;
      ++line_;
      i = 0;
      token_start = true;
    }
    span.end_line = line_;
    flows_.push_back(span);
  }

  Lines lines_;
  int line_ = 0;
  std::vector<Span> quotes_, flows_;
};

std::string closing_of(char open) {
  switch (open) {
    case '[': return "]";
    case '{': return "}";
    default: return std::string(1, open);
  }
}

// "svar Nej" → "svar: Nej", the line as it should be written.
std::string with_colon(std::string_view content) {
  std::string_view s = trim(content);
  size_t space = s.find(' ');
  if (space == std::string_view::npos) return std::string(s) + ": \xE2\x80\xA6";
  return std::string(s.substr(0, space)) + ": " + std::string(trim(s.substr(space + 1)));
}

// key: "value: more", quoted the way that needs no escapes.
std::string quoted_pair(std::string_view key, std::string_view value) {
  std::string v(trim(value));
  if (v.find('"') == std::string::npos) return std::string(trim(key)) + ": \"" + v + "\"";
  std::string escaped;
  for (char c : v) escaped += c == '\'' ? std::string("''") : std::string(1, c);
  return std::string(trim(key)) + ": '" + escaped + "'";
}

YamlErrorText at(int line, int column, Msg message, std::vector<std::string> args, Msg hint,
                 std::vector<std::string> hint_args = {}) {
  return {line, column, message, std::move(args), hint, std::move(hint_args)};
}

// A tab in the indentation of the error line or of the lines between it and the line of
// content before it.
std::optional<YamlErrorText> tab_near(const Lines& lines, int error_line) {
  int from = std::max(0, previous_content_line(lines, error_line));
  for (int i = from; i <= error_line && i < static_cast<int>(lines.size()); ++i) {
    std::string_view line = lines[static_cast<size_t>(i)];
    for (size_t c = 0; c < line.size() && (line[c] == ' ' || line[c] == '\t'); ++c)
      if (line[c] == '\t') return at(i, static_cast<int>(c), Msg::kYamlTab, {}, Msg::kYamlTabHint);
  }
  return std::nullopt;
}

// A quote or bracket opened before the error line that is still open there: the real cause.
std::optional<YamlErrorText> unclosed_before(const Scanner& scan, int error_line) {
  for (auto it = scan.quotes().rbegin(); it != scan.quotes().rend(); ++it)
    if (it->line < error_line && (!it->closed || it->end_line >= error_line)) {
      std::string q(1, it->open);
      return at(it->line, it->column, Msg::kYamlUnclosedQuote, {q}, Msg::kYamlUnclosedQuoteHint, {q});
    }
  for (auto it = scan.flows().rbegin(); it != scan.flows().rend(); ++it)
    if (it->line < error_line && (!it->closed || it->end_line >= error_line)) {
      std::string open(1, it->open), close = closing_of(it->open);
      return at(it->line, it->column, Msg::kYamlUnclosedBracket, {open, close}, Msg::kYamlUnclosedBracketHint, {close});
    }
  return std::nullopt;
}

// "illegal map value": yaml-cpp found a ':' it cannot use.
YamlErrorText explain_map_value(const Lines& lines, int line, int column) {
  std::string_view text = line < static_cast<int>(lines.size()) ? lines[static_cast<size_t>(line)] : std::string_view();
  // "mål: Vi: mer" — a second ": " on the same line, inside the value.
  size_t first = key_colon(text);
  if (first != std::string::npos && static_cast<int>(first) < column) {
    std::string_view key = text.substr(0, first);
    std::string_view value = text.substr(first + 1);
    return at(line, column, Msg::kYamlColonInValue, {}, Msg::kYamlColonInValueHint,
              {quoted_pair(after_dashes(key), value)});
  }
  // The line before has no key colon: yaml-cpp read it as part of a key that runs over
  // several lines, which starts at the first of them ("arbetssätt >" and its text below).
  int prev = previous_content_line(lines, line);
  while (prev >= 0 && key_colon(after_dashes(lines[static_cast<size_t>(prev)])) == std::string::npos) {
    int above = previous_content_line(lines, prev);
    if (above < 0 || key_colon(after_dashes(lines[static_cast<size_t>(above)])) != std::string::npos ||
        indent_of(lines[static_cast<size_t>(above)]) > indent_of(lines[static_cast<size_t>(prev)]))
      break;
    prev = above;
  }
  if (prev >= 0) {
    std::string_view p = lines[static_cast<size_t>(prev)];
    std::string_view content = after_dashes(p);
    size_t content_at = p.size() - content.size();
    if (key_colon(content) == std::string::npos) {
      size_t colon = content.find(':');
      if (colon != std::string::npos && colon + 1 < content.size())  // "antal:19"
        return at(prev, static_cast<int>(content_at + colon), Msg::kYamlColonNeedsSpace, {std::string(content.substr(0, colon))},
                  Msg::kYamlColonNeedsSpaceHint,
                  {std::string(content.substr(0, colon + 1)) + " " + std::string(content.substr(colon + 1))});
      if (auto text_line = unindented_text(lines, prev))
        return at(text_line->first_line, static_cast<int>(content_at), Msg::kTextLineNotIndented, {text_line->key},
                  Msg::kTextLineNotIndentedHint, {std::to_string(text_line->spaces)});
      return at(prev, static_cast<int>(content_at), Msg::kYamlMissingColon, {}, Msg::kYamlMissingColonHint, {with_colon(content)});
    }
    if (indent_of(text) > indent_of(p)) {
      std::string key(trim(content.substr(0, key_colon(content))));
      return at(line, static_cast<int>(indent_of(text)), Msg::kYamlTooIndented, {}, Msg::kYamlTooIndentedHint, {key});
    }
  }
  return at(line, column, Msg::kYamlStrayColon, {}, Msg::kYamlColonInValueHint, {"nyckel: \"\xE2\x80\xA6: \xE2\x80\xA6\""});
}

// "end of map not found": a line that cannot continue the mapping above it.
YamlErrorText explain_end_of_map(const Lines& lines, int line, int column) {
  if (line >= static_cast<int>(lines.size())) return at(line, column, Msg::kYamlIndentMismatch, {}, Msg::kYamlIndentMismatchHint);
  std::string_view text = lines[static_cast<size_t>(line)];
  size_t first = indent_of(text);
  if (static_cast<size_t>(column) > first) {
    // Something after a complete value on the same line: after its closing quote or bracket.
    size_t before = static_cast<size_t>(column);
    while (before > 0 && text[before - 1] == ' ') --before;
    char c = before > 0 ? text[before - 1] : 0;
    if (c == '"' || c == '\'') return at(line, column, Msg::kYamlTextAfterValue, {std::string(1, c)}, Msg::kYamlTextAfterQuoteHint);
    if (c == ']' || c == '}') return at(line, column, Msg::kYamlTextAfterValue, {std::string(1, c)}, Msg::kYamlQuoteValueHint);
    return at(line, column, Msg::kYamlBadCharacter, {}, Msg::kYamlQuoteValueHint);
  }
  if (is_list_item(text)) return at(line, column, Msg::kYamlListItemInMap, {}, Msg::kYamlListItemInMapHint);
  std::string_view content = after_dashes(text);
  if (key_colon(content) == std::string::npos) {
    if (auto text_line = unindented_text(lines, line))
      return at(text_line->first_line, static_cast<int>(first), Msg::kTextLineNotIndented, {text_line->key},
                Msg::kTextLineNotIndentedHint, {std::to_string(text_line->spaces)});
  }
  if (key_colon(content) == std::string::npos)
    return at(line, column, Msg::kYamlMissingColon, {}, Msg::kYamlMissingColonHint, {with_colon(content)});
  int prev = previous_content_line(lines, line);
  if (prev >= 0 && is_list_item(lines[static_cast<size_t>(prev)]) && indent_of(lines[static_cast<size_t>(prev)]) == first)
    return at(line, column, Msg::kYamlKeyAfterList, {}, Msg::kYamlKeyAfterListHint);
  return at(line, column, Msg::kYamlIndentMismatch, {}, Msg::kYamlIndentMismatchHint);
}

std::string char_at(const Lines& lines, int line, int column) {
  if (line < 0 || line >= static_cast<int>(lines.size())) return "?";
  std::string_view text = lines[static_cast<size_t>(line)];
  if (column < 0 || static_cast<size_t>(column) >= text.size()) return "?";
  size_t i = static_cast<size_t>(column);
  std::string out;
  append_utf8(out, decode_utf8(text, i));
  return out;
}

}  // namespace

bool yaml_error_known(const std::string& message) { return lookup(message) != nullptr; }

std::optional<UnindentedText> unindented_text_line(const std::vector<std::string_view>& lines, int line) {
  return unindented_text(lines, line);
}

YamlErrorText explain_yaml_error(const YAML::Exception& error, std::string_view text) {
  Scanner scan(text);
  scan.run();
  const Lines& lines = scan.lines();
  const int line = error.mark.is_null() ? -1 : error.mark.line;
  const int column = error.mark.is_null() ? 0 : error.mark.column;
  const KnownMessage* known = lookup(error.msg);
  const Kind kind = known ? known->kind : Kind::kUnreadable;

  if (kind == Kind::kTab) return at(line, column, Msg::kYamlTab, {}, Msg::kYamlTabHint);
  if (line >= 0) {
    if (auto tab = tab_near(lines, std::min(line, static_cast<int>(lines.size()) - 1))) return *tab;
    if (auto open = unclosed_before(scan, line)) return *open;
  }
  switch (kind) {
    case Kind::kDirective: return at(line, column, Msg::kYamlDirective, {}, Msg::kYamlDirectiveHint);
    case Kind::kTag: return at(line, column, Msg::kYamlSpecialStart, {"!"}, Msg::kYamlQuoteValueHint);
    case Kind::kAnchor: return at(line, column, Msg::kYamlSpecialStart, {"&"}, Msg::kYamlQuoteValueHint);
    case Kind::kAlias: return at(line, column, Msg::kYamlSpecialStart, {"*"}, Msg::kYamlQuoteValueHint);
    case Kind::kReserved: return at(line, column, Msg::kYamlSpecialStart, {char_at(lines, line, column)}, Msg::kYamlQuoteValueHint);
    case Kind::kEndOfMap: return explain_end_of_map(lines, line, column);
    case Kind::kEndOfSeq: return at(line, column, Msg::kYamlIndentMismatch, {}, Msg::kYamlIndentMismatchHint);
    case Kind::kEndOfFlow:  // opened on the error line itself: something inside it is wrong
      return at(line, column, Msg::kYamlBadCharacter, {}, Msg::kYamlQuoteValueHint);
    case Kind::kBadCode: return at(line, column, Msg::kYamlBadCode, {}, Msg::kYamlBadCodeHint);
    case Kind::kBadEscape: {  // yaml-cpp points after the code; the backslash starts it
      std::string code = error.msg.substr(std::string(E::INVALID_ESCAPE).size());
      int start = column;
      if (line >= 0 && line < static_cast<int>(lines.size())) {
        size_t found = lines[static_cast<size_t>(line)].rfind("\\" + code, static_cast<size_t>(column));
        if (found != std::string_view::npos) start = static_cast<int>(found);
      }
      return at(line, start, Msg::kYamlBadEscape, {code}, Msg::kYamlBadEscapeHint);
    }
    case Kind::kDocumentMarker: return at(line, column, Msg::kYamlDocumentMarker, {}, Msg::kYamlDocumentMarkerHint);
    case Kind::kEof: {  // a quote that never closes, in a text that does not end with a line break
      for (const auto& q : scan.quotes())
        if (!q.closed)
          return at(q.line, q.column, Msg::kYamlUnclosedQuote, {std::string(1, q.open)}, Msg::kYamlUnclosedQuoteHint,
                    {std::string(1, q.open)});
      return at(line, column, Msg::kYamlUnreadable, {}, Msg::kYamlSyntaxHint);
    }
    case Kind::kBadCharacter: return at(line, column, Msg::kYamlBadCharacter, {}, Msg::kYamlQuoteValueHint);
    case Kind::kFlowEnd: return at(line, column, Msg::kYamlStrayBracket, {char_at(lines, line, column)}, Msg::kYamlStrayBracketHint);
    case Kind::kBlockEntry: return at(line, column, Msg::kYamlListOnKeyLine, {}, Msg::kYamlListOnKeyLineHint);
    case Kind::kMapValue: return explain_map_value(lines, line, column);
    case Kind::kBlockHeader: return at(line, column, Msg::kYamlBlockHeader, {}, Msg::kYamlBlockHeaderHint);
    case Kind::kTab:
    case Kind::kUnreadable: break;
  }
  return at(line, column, Msg::kYamlUnreadable, {}, Msg::kYamlSyntaxHint);
}

std::optional<YamlErrorText> find_unclosed_quote(const YAML::Node& root, std::string_view text) {
  if (text.find('"') == std::string_view::npos && text.find('\'') == std::string_view::npos) return std::nullopt;
  Scanner scan(text);
  scan.run();
  std::vector<const Span*> open;
  for (const auto& q : scan.quotes())
    if (!q.closed) open.push_back(&q);
  if (open.empty()) return std::nullopt;
  // Only a quote yaml-cpp really read as the start of a value counts: the scanner's guess
  // alone must never turn valid YAML into an error.
  // An alias can make the tree a graph, even a cycle (&a [*a]): visit at most as many nodes
  // as the text has characters, which a tree without aliases never exceeds.
  std::vector<YAML::Node> stack{root};
  for (size_t visited = 0; !stack.empty() && visited <= text.size(); ++visited) {
    YAML::Node node = stack.back();
    stack.pop_back();
    if (node.IsScalar()) {
      const YAML::Mark mark = node.Mark();
      for (const Span* q : open)
        if (mark.line == q->line && mark.column == q->column) {
          std::string quote(1, q->open);
          return at(q->line, q->column, Msg::kYamlUnclosedQuote, {quote}, Msg::kYamlUnclosedQuoteHint, {quote});
        }
    } else if (node.IsSequence()) {
      for (const auto& item : node) stack.push_back(item);
    } else if (node.IsMap()) {
      for (const auto& entry : node) {
        stack.push_back(entry.first);
        stack.push_back(entry.second);
      }
    }
  }
  return std::nullopt;
}

}  // namespace kv
