// --format json: diagnostics as JSON lines on standard output (diag/json_line.h), read back
// with nlohmann::json, an independent parser.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

#include "diag/json_line.h"
#include "support.h"

using namespace kvtest;
using Json = nlohmann::json;

namespace {

struct JsonRun {
  std::string out, err;
  int status = 0;
  std::vector<Json> lines;

  explicit JsonRun(const fs::path& content) {
    auto options = options_for(content);
    options.style.json = true;
    std::ostringstream o, e;
    status = kv::run_check(options, o, e);
    out = o.str();
    err = e.str();
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) lines.push_back(Json::parse(line));  // throws if not JSON
  }
  const Json* find(const std::string& file_end, const std::string& text) const {
    for (const auto& j : lines) {
      std::string file = j["file"];
      if (file.size() >= file_end.size() && file.compare(file.size() - file_end.size(), file_end.size(), file_end) == 0 &&
          j["message"].get<std::string>().find(text) != std::string::npos)
        return &j;
    }
    return nullptr;
  }
};

}  // namespace

TEST_CASE("json: the broken fixture's four errors, one object per line with place, severity, message and hint", "[json]") {
  JsonRun run(fixtures() / "broken");
  INFO(run.out);
  CHECK(run.status == 1);
  REQUIRE(run.lines.size() == 4);
  for (const auto& j : run.lines) {
    CHECK(j.size() == 6);
    for (const char* key : {"file", "message", "hint", "severity"}) CHECK(j[key].is_string());
    CHECK(j["line"].is_number_integer());
    CHECK(j["column"].is_number_integer());
    CHECK(j["severity"] == "error");
  }
  const Json* container = run.find("fraga-01.md", "okänd behållare");
  REQUIRE(container);
  CHECK((*container)["line"] == 7);
  CHECK((*container)["column"] == 5);
  const Json* key = run.find("fraga-02.md", "okänd nyckel ”förväntat_reslutat”");
  REQUIRE(key);
  CHECK((*key)["line"] == 9);
  CHECK((*key)["column"] == 1);
  CHECK((*key)["hint"] == "menade du ”förväntat_resultat”?");
  const Json* part = run.find("fraga-03.md", "saknar ”hot”");
  REQUIRE(part);
  CHECK((*part)["line"] == 0);  // the whole file
  CHECK((*part)["column"] == 0);
  const Json* email = run.find("inlamning.yaml", "e-postadress");
  REQUIRE(email);
  CHECK((*email)["line"] == 3);
  CHECK((*email)["column"] == 9);
  // Nothing else on that stream; the summary for people goes to the other one.
  CHECK(run.out.find("4 fel") == std::string::npos);
  CHECK_THAT(run.err, Catch::Contains("4 fel och 0 varningar"));
}

TEST_CASE("json: valid content prints no JSON line and says so on the other stream", "[json]") {
  JsonRun run(fixtures() / "valid");
  CHECK(run.status == 0);
  CHECK(run.out.empty());
  CHECK_THAT(run.err, Catch::Contains("Inga problem hittades"));
}

TEST_CASE("json: quotes, backslashes and control characters are escaped, other text stays UTF-8", "[json]") {
  kv::Diagnostic d{kv::Severity::kWarning, {"mapp/\"fil\"\\\x01.md", 3, 2}, "”värde”\nny rad\t\x1b[2J", ""};
  std::string line = kv::diagnostic_json(d);
  INFO(line);
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line.find('\x1b') == std::string::npos);
  CHECK_THAT(line, Catch::Contains("\\u001b") && Catch::Contains("\\u0001") && Catch::Contains("\\\"fil\\\""));
  CHECK_THAT(line, Catch::Contains("”värde”"));  // not \u201d
  Json j = Json::parse(line);
  CHECK(j["file"] == d.pos.path);
  CHECK(j["message"] == d.message);
  CHECK(j["severity"] == "warning");
  CHECK(j["hint"] == "");
  // Bytes that are not UTF-8 (a file name can hold any) still make valid JSON.
  d.pos.path = "fel\xff\xfe.md";
  CHECK(Json::parse(kv::diagnostic_json(d))["file"] == "fel\xEF\xBF\xBD\xEF\xBF\xBD.md");
}

TEST_CASE("json: a newline in a folder name cannot forge a second diagnostic", "[json]") {
  TempDir dir;
  fs::path content = dir.path() / "content";
  copy_fixture("valid", content);
  fs::create_directories(content / "c\n{\"file\":\"x\",\"severity\":\"error\"}");
  JsonRun run(content);
  INFO(run.out);
  // Every line parsed as one object (JsonRun throws otherwise), none of them the forged one.
  REQUIRE_FALSE(run.lines.empty());
  for (const auto& j : run.lines) {
    CHECK(j["file"] != "x");
    CHECK(j["file"].get<std::string>().find("c\n{") != std::string::npos);
  }
}
