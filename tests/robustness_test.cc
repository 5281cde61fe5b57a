// Bad input never crashes or throws: each hostile file is checked and answered with
// diagnostics. A crash here aborts the test binary, so every case is a real check.
#include <catch2/catch.hpp>

#include "support.h"

using namespace kvtest;
using namespace std::string_literals;

TEST_CASE("hostile question files give diagnostics and never an exception") {
  const std::vector<std::string> inputs = {
      "",
      "---",
      "---\n---\n",
      "---\nfråga: [1, 2]\n---\nText\n",
      "---\nfråga: {a: b}\n---\nText\n",
      "---\nfråga: 99999999999999999999\n---\nText\n",
      "---\n? [a, b]\n: c\nfråga: 2\n---\nText\n",
      "---\nfråga: 2\n---\n```mål\n" + std::string(2000, '[') + "\n```\n",
      "---\nfråga: 2\n---\n```mål\n&a [*a]\n```\n",
      "---\nfråga: 2\n---\n```mål\n- a\n- b\n```\n",
      "---\nfråga: 2\n---\n```mål\nmål: x\n\tförväntat_resultat: y\n```\n",
      "---\nfråga: 2\n---\n```ekonomi\nenhet: mnkr\nvärden:\n  - år: 1\n    budget: []\n    utfall: {}\n    resultat: ~\n```\n",
      "---\nfråga: 2\n---\n```index\nnamn: X\nvärden:\n  - år: 2020\n    värde: 1\n    delindex: [1, 2]\n  - 5\n```\n",
      "---\nfråga: 2\n---\n```årshjul\n? [x]\n: y\njanuari: []\n```\n",
      "---\nfråga: 2\n---\n```enkät\nfråga: Q\nrader: [1, 2, {svar: [a]}]\n```\n",
      "---\nfråga: 2\n---\n::: exempel\n::: exempel\n:::\n:::\n:::\n",
      "---\nfråga: 2\n---\n" + std::string(100000, 'a') + "\n",
      "---\nfråga: 2\n---\n\x00\x01\x02 binary\n"s,  // NUL bytes kept: std::string literal
      "\xFF\xFE\x00\x00"s,
  };
  for (size_t i = 0; i < inputs.size(); ++i) {
    TempDir dir;
    fs::path content = dir.path() / "content";
    copy_fixture("valid", content);
    write(submission_dir(content) / "fraga-02.md", inputs[i]);
    INFO("input #" << i);
    kv::Validated v;
    REQUIRE_NOTHROW(v = check(content));
    CHECK(v.diagnostics.list.has_errors());
  }
}

TEST_CASE("hostile YAML data files give diagnostics and never an exception") {
  const std::vector<std::pair<std::string, std::string>> inputs = {
      {"inlamning.yaml", "- a\n- b\n"},
      {"inlamning.yaml", "kontaktperson: [a]\ntelefon: {}\n"},
      {"inlamning.yaml", "struktur: [x]\n"},
      {"inlamning.yaml", "a: b: c\n"},
      {"../../enhet.yaml", "namn:\n  - x\n"},
      {"../../../site.yaml", "språk: klingon\ntema: [a]\n"},
  };
  for (const auto& [file, text] : inputs) {
    TempDir dir;
    fs::path content = dir.path() / "content";
    copy_fixture("valid", content);
    write(submission_dir(content) / file, text);
    INFO(file << ": " << text);
    kv::Validated v;
    REQUIRE_NOTHROW(v = check(content));
    CHECK(v.diagnostics.list.has_errors());
  }
}
