// The one command context (pipeline/command_context.h): where the language of messages comes
// from, and site.yaml read once for both its language and its settings.
#include <catch2/catch.hpp>

#include "pipeline/command_context.h"
#include "support.h"

using namespace kvtest;
using kv::Lang;

TEST_CASE("the language of messages: --lang, then KVALITET_LANG, then site.yaml, then Swedish", "[context]") {
  CHECK(kv::message_language(Lang::kSv, Lang::kEn, Lang::kEn) == Lang::kSv);
  CHECK(kv::message_language(Lang::kEn, Lang::kSv, Lang::kSv) == Lang::kEn);
  CHECK(kv::message_language(std::nullopt, Lang::kEn, Lang::kSv) == Lang::kEn);
  CHECK(kv::message_language(std::nullopt, Lang::kSv, Lang::kEn) == Lang::kSv);
  CHECK(kv::message_language(std::nullopt, std::nullopt, Lang::kEn) == Lang::kEn);
  CHECK(kv::message_language(std::nullopt, std::nullopt, std::nullopt) == Lang::kSv);
}

TEST_CASE("KVALITET_LANG: sv and en are read, anything else is a warning and skipped", "[context]") {
  kv::Diagnostics problems;
  CHECK(kv::environment_language("en", problems) == Lang::kEn);
  CHECK(kv::environment_language("sv", problems) == Lang::kSv);
  CHECK(!kv::environment_language(nullptr, problems));
  CHECK(!kv::environment_language("", problems));
  CHECK(problems.list.items().empty());
  CHECK(!kv::environment_language("de", problems));
  REQUIRE(problems.list.items().size() == 1);
  CHECK(problems.list.items()[0].severity == kv::Severity::kWarning);
  CHECK(problems.list.items()[0].pos.path == "KVALITET_LANG");
}

TEST_CASE("site.yaml's problems are told in the language it names, unless the reader chose one", "[context]") {
  TempDir dir;
  const fs::path content = dir.path() / "content";
  copy_fixture("valid", content);
  replace(content / "site.yaml", "språk: sv\n", "språk: en\nokänd: 1\n");
  auto options = options_for(content);
  kv::CommandContext english = kv::make_context(options);
  CHECK(english.lang == Lang::kEn);
  CHECK(english.settings.lang == Lang::kEn);
  REQUIRE(english.settings_problems.items().size() == 1);
  CHECK_THAT(english.settings_problems.items()[0].message, Catch::Contains("unknown key"));

  options.env_lang = Lang::kSv;  // the reader's language: the messages, not the site
  kv::CommandContext swedish = kv::make_context(options);
  CHECK(swedish.lang == Lang::kSv);
  CHECK(swedish.settings.lang == Lang::kEn);
  REQUIRE(swedish.settings_problems.items().size() == 1);
  CHECK_THAT(swedish.settings_problems.items()[0].message, Catch::Contains("okänd nyckel"));

  options.lang = Lang::kSv;  // --lang: the messages and the site
  CHECK(kv::make_context(options).settings.lang == Lang::kSv);
}

TEST_CASE("a content folder that does not exist gives a context of defaults, and validation says what is wrong", "[context]") {
  TempDir dir;
  auto options = options_for(dir.path() / "saknas");
  kv::CommandContext c = kv::make_context(options);
  CHECK_FALSE(c.content_exists);
  CHECK(c.settings_problems.items().empty());
  CHECK(c.templates.has_value());
  auto v = kv::validate_content(c, {});
  REQUIRE(v.diagnostics.list.items().size() == 1);
  CHECK_THAT(v.diagnostics.list.items()[0].message, Catch::Contains("finns inte"));
}
