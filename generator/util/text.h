// Small text helpers shared by every stage. All strings are UTF-8.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kv {

// Splits text into lines without their line terminators ("\n" or "\r\n").
std::vector<std::string_view> split_lines(std::string_view text);

std::string_view trim(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix);

// Returned by decode_utf8 for a byte that does not start a valid sequence. It is not a
// code point: a real U+FFFD in the text stays distinguishable.
inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

// The code point at s[i], advancing i past it. Strict UTF-8 (RFC 3629): an overlong form,
// a surrogate, a code point past U+10FFFF or a broken sequence gives kInvalidCodePoint and
// advances one byte.
char32_t decode_utf8(std::string_view s, size_t& i);

// A control character: C0, DEL or C1. None has a place in an author's text but tab and the
// line breaks, which callers allow by name.
inline bool is_control_character(char32_t c) { return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F); }

// "U+000B": how an invisible character is named to a reader who cannot see it.
std::string code_point_name(char32_t c);

// Byte offset of the first invalid UTF-8 sequence (strict, as decode_utf8), or nullopt.
std::optional<size_t> find_invalid_utf8(std::string_view s);

// Number of code points in s (s assumed valid UTF-8).
size_t utf8_length(std::string_view s);
// Appends a code point as UTF-8; surrogates and values past U+10FFFF become U+FFFD.
void append_utf8(std::string& out, char32_t cp);
// The first n code points of s (all of s when shorter); never splits a character.
std::string utf8_prefix(std::string_view s, size_t n);

// Lower-cases ASCII and the Swedish letters Å, Ä, Ö, É.
std::string fold_case(std::string_view s);

// s with its first letter upper-cased when it is ASCII a–z, as message words that begin a
// sentence are ("fråga 7" → "Fråga 7", "inledningen" → "Inledningen").
std::string capitalised(std::string s);

// Parses a decimal number written with '.' or a Swedish decimal comma, with optional sign
// and spaces as thousands separators ("1 200", "277,76", "+3,5"). Nothing else is accepted.
std::optional<double> parse_number(std::string_view s);

// True when s is a whole number without sign or decimals.
std::optional<long long> parse_integer(std::string_view s);

// A whole number as an author writes one in a YAML value: whatever parse_number takes ("1 140",
// "+37", "37,0") as long as its value is whole, not negative and at most kMaxWholeNumber. The
// reading of every integer field (heltal, år, lix_gräns, finansiering), so that an integer
// field takes what a decimal field takes; schema/json_schema.cc writes the same rule as a pattern.
inline constexpr long long kMaxWholeNumber = 1'000'000'000'000'000;  // 1e15, exact in a double
std::optional<long long> parse_whole_number(std::string_view s);

// Levenshtein distance over code points, capped: returns max+1 once exceeded.
int edit_distance(std::string_view a, std::string_view b, int max);

// The closest candidate within a distance that scales with the word's length, or "".
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// 52428800 → "52 428 800": digits grouped in threes, as both Swedish and SI style allow.
std::string group_digits(std::uintmax_t n);

// Replaces "{}" placeholders in order with args.
std::string format(std::string_view pattern, const std::vector<std::string>& args);

// A URL-safe name: lower case a–z, 0–9 and '-' (å, ä → a, ö → o, é → e); fallback if empty.
std::string slugify(std::string_view name, std::string_view fallback);
// The same for a person's name, with every Latin letter folded to its base letter: lower
// case; å, ä, à, á, â → a; ö, ø, ó → o; é, è, ê, ë → e; ü → u; ñ → n; ç → c; æ → ae; ß → ss;
// š → s; ł → l; … (Latin-1 and Latin Extended-A); any other character is a '-'; hyphens
// collapsed, none at either end; fallback if empty. "Åsa Öberg-Ström" → "asa-oberg-strom".
std::string ascii_slug(std::string_view name, std::string_view fallback);

// "a, b, c": words with separator between them.
std::string join(const std::vector<std::string>& words, std::string_view separator);

}  // namespace kv
