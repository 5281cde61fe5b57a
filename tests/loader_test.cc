// The load stage: files → front matter, blocks and YAML, with exact source positions.
#include <catch2/catch.hpp>

#include "load/markdown_file.h"
#include "load/source.h"
#include "load/yaml.h"
#include "model/vocabulary.h"
#include "support.h"

using namespace kv;
using Kind = RawBlock::Kind;

namespace {

BlockVocabulary vocabulary() { return {model::container_names(), model::data_block_names()}; }

std::vector<RawBlock> split(const std::string& text, Diagnostics& diagnostics) {
  MarkdownFile file = split_front_matter({"f.md", text}, diagnostics);
  return split_blocks(file, vocabulary(), diagnostics);
}

}  // namespace

TEST_CASE("front matter is split off and the body keeps its file line numbers") {
  Diagnostics diagnostics;
  MarkdownFile file = split_front_matter({"f.md", "---\nfråga: 3\n---\nText\n"}, diagnostics);
  REQUIRE(file.front_matter);
  CHECK(file.front_matter->yaml == "fråga: 3\n");
  CHECK(file.body == "Text\n");
  CHECK(file.body_line_offset == 3);
  CHECK(diagnostics.list.items().empty());
}

TEST_CASE("an unclosed front matter is reported at line 1") {
  Diagnostics diagnostics;
  split_front_matter({"f.md", "---\nfråga: 3\nText\n"}, diagnostics);
  REQUIRE(diagnostics.list.error_count() == 1);
  CHECK(diagnostics.list.items()[0].pos.line == 1);
}

TEST_CASE("containers – data blocks and prose are split with their lines") {
  Diagnostics diagnostics;
  auto blocks = split("---\nfråga: 1\n---\nInledande text.\n\n::: exempel\nExempeltext.\n\n```enkät\nfråga: X\n```\n:::\n\nSlut.\n", diagnostics);
  CHECK(diagnostics.list.items().empty());
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[0].kind == Kind::kProse);
  CHECK(blocks[0].line == 4);
  CHECK(blocks[1].kind == Kind::kContainer);
  CHECK(blocks[1].name == "exempel");
  CHECK(blocks[1].line == 6);
  REQUIRE(blocks[1].children.size() == 2);
  CHECK(blocks[1].children[1].kind == Kind::kData);
  CHECK(blocks[1].children[1].name == "enkät");
  CHECK(blocks[1].children[1].text == "fråga: X\n");
  CHECK(blocks[1].children[1].text_line_offset == 9);  // YAML line 1 is file line 10
  CHECK(blocks[2].text == "Slut.\n");
}

TEST_CASE("ordinary code blocks stay prose and ::: inside them is literal") {
  Diagnostics diagnostics;
  auto blocks = split("```text\n:::\n```\n", diagnostics);
  CHECK(diagnostics.list.items().empty());
  REQUIRE(blocks.size() == 1);
  CHECK(blocks[0].kind == Kind::kProse);
  CHECK(blocks[0].text == "```text\n:::\n```\n");
}

TEST_CASE("an unknown container is reported with a suggestion") {
  Diagnostics diagnostics;
  split("::: exempl\nText\n:::\n", diagnostics);
  REQUIRE(diagnostics.list.error_count() == 1);
  const auto& d = diagnostics.list.items()[0];
  CHECK(d.pos.line == 1);
  CHECK(d.pos.col == 5);
  CHECK(d.message.find("exempl") != std::string::npos);
  CHECK(d.hint.find("exempel") != std::string::npos);
}

TEST_CASE("an unclosed container is reported where it opens") {
  Diagnostics diagnostics;
  split("Text\n\n::: exempel\nText\n", diagnostics);
  REQUIRE(diagnostics.list.error_count() == 1);
  CHECK(diagnostics.list.items()[0].pos.line == 3);
  CHECK(diagnostics.list.items()[0].message.find("avslutas aldrig") != std::string::npos);
}

TEST_CASE("a stray ::: is reported") {
  Diagnostics diagnostics;
  split("Text\n:::\n", diagnostics);
  REQUIRE(diagnostics.list.error_count() == 1);
  CHECK(diagnostics.list.items()[0].pos.line == 2);
}

TEST_CASE("a misspelt data block name is an error – not silently code") {
  Diagnostics diagnostics;
  split("```mal\nmål: X\n```\n", diagnostics);
  REQUIRE(diagnostics.list.error_count() == 1);
  CHECK(diagnostics.list.items()[0].hint.find("mål") != std::string::npos);
}

TEST_CASE("an unclosed data block is reported") {
  Diagnostics diagnostics;
  split("```mål\nmål: X\n", diagnostics);
  REQUIRE(diagnostics.list.error_count() == 1);
  CHECK(diagnostics.list.items()[0].pos.line == 1);
}

TEST_CASE("YAML syntax errors are placed on their file line") {
  Diagnostics diagnostics;
  std::string yaml = "mål: a\nresultat: [b\n";
  auto node = parse_yaml({"f.md", 10, yaml}, diagnostics);
  CHECK_FALSE(node);
  REQUIRE(diagnostics.list.error_count() == 1);
  CHECK(diagnostics.list.items()[0].pos.line > 10);
  CHECK(diagnostics.list.items()[0].message.find("YAML") != std::string::npos);
}

TEST_CASE("YAML positions count characters – not bytes") {
  Diagnostics diagnostics;
  std::string yaml = "förväntat: x\nåäö: y\n";
  auto node = parse_yaml({"f.yaml", 0, yaml}, diagnostics);
  REQUIRE(node);
  SourcePos pos = position((*node)["förväntat"], {"f.yaml", 0, yaml});
  CHECK(pos.line == 1);
  CHECK(pos.col == 12);  // "förväntat: " is 11 characters, 13 bytes
}

TEST_CASE("read_source rejects invalid UTF-8 with its position") {
  kvtest::TempDir dir;
  kvtest::write(dir.path() / "a.md", "Rad ett\nSk\xE4rholmen\n");
  Diagnostics diagnostics;
  CHECK_FALSE(read_source(dir.path() / "a.md", diagnostics));
  REQUIRE(diagnostics.list.error_count() == 1);
  CHECK(diagnostics.list.items()[0].pos.line == 2);
  CHECK(diagnostics.list.items()[0].pos.col == 3);
}

TEST_CASE("read_source strips a byte-order mark") {
  kvtest::TempDir dir;
  kvtest::write(dir.path() / "a.md", "\xEF\xBB\xBFText");
  Diagnostics diagnostics;
  auto source = read_source(dir.path() / "a.md", diagnostics);
  REQUIRE(source);
  CHECK(source->text == "Text");
}

TEST_CASE("diagnostics print path:line:col – severity – message – hint – source line and caret") {
  kvtest::TempDir dir;
  kvtest::write(dir.path() / "a.md", "första\nåäö fel här\n");
  Diagnostic d{Severity::kError, {(dir.path() / "a.md").string(), 2, 5}, "något är fel", "gör så här"};
  std::string text = format_diagnostic(d);
  CHECK(text == (dir.path() / "a.md").string() + ":2:5: error: något är fel \xE2\x80\x94 gör så här\n    åäö fel här\n        ^\n");
}
