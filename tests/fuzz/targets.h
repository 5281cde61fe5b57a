// The fuzz targets' entry logic, one function per target. libFuzzer harnesses
// (tests/fuzz/fuzz_main.cc, built with KV_FUZZ=ON) call them with the fuzzer's input, and
// the normal Catch2 test tests/fuzz_regression_test.cc replays tests/fixtures/fuzz/<target>/
// and tests/fuzz/corpus/<target>/ through them, so a finding stays fixed in every test run.
//
// Each function throws std::logic_error when an invariant of the code under test breaks
// (the code itself never throws for bad input); sanitizers catch memory and UB errors.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kv::fuzz {

// A whole Markdown file: split_front_matter, then split_blocks with the real vocabulary.
void fuzz_front_matter(std::string_view input);

// The first byte picks a data-block kind (model::data_block_names(), modulo their count);
// the rest is that block's YAML, read by the validator into model blocks, which are then
// rendered to HTML.
void fuzz_data_blocks(std::string_view input);

// Markdown → HTML, plain text and the raw-HTML finder.
void fuzz_markdown(std::string_view input);

// Throws std::logic_error unless html is valid UTF-8 without author markup: no element that
// runs or embeds content and no script URL. Exposed so that a test can show it fails.
void check_safe_html(const std::string& html);

struct Target {
  const char* name;  // folder name under tests/fixtures/fuzz/ and tests/fuzz/corpus/
  void (*run)(std::string_view);
};
const std::vector<Target>& targets();

}  // namespace kv::fuzz
