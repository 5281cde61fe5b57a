// Authoring mistakes of issue 11: nothing under content/ silently lost, one cause instead of a
// cascade, every problem in one run, and YAML syntax errors in plain Swedish on the line that
// causes them. Each test breaks a copy of tests/fixtures/valid (or report) in one way.
#include <catch2/catch.hpp>

#include <sstream>

#include "cli/command_errors.h"
#include "load/yaml.h"
#include "load/yaml_errors.h"
#include "support.h"
#include "validate/file_inventory.h"

using namespace kvtest;
using kv::Severity;

namespace {

struct Award {
  TempDir dir;
  fs::path content = dir.path() / "content";
  fs::path unit = content / "provenhet";
  fs::path sub = submission_dir(content);
  Award() { copy_fixture("valid", content); }
  kv::Validated run() { return check(content); }
  // A copy of the test structures to break, and a run against it.
  fs::path templates() {
    fs::path t = dir.path() / "templates";
    if (!fs::exists(t)) fs::copy(fixtures() / "templates", t, fs::copy_options::recursive);
    return t;
  }
  kv::Validated run_with_templates() { return kv::validate_content(options_for(content, templates())); }
};

const kv::Diagnostic& only(const kv::Validated& v) {
  INFO(all_messages(v));
  REQUIRE(v.diagnostics.list.items().size() == 1);
  return v.diagnostics.list.items().front();
}

// parse_yaml on text that starts after `offset` lines of its file; the one error it reports.
kv::Diagnostic yaml_error(const std::string& text, int offset = 0, kv::Lang lang = kv::Lang::kSv) {
  kv::Diagnostics diagnostics{lang, {}, {}};
  auto node = kv::parse_yaml({"f.yaml", offset, text}, diagnostics);
  INFO(text);
  CHECK_FALSE(node);
  REQUIRE(diagnostics.list.items().size() == 1);
  const kv::Diagnostic d = diagnostics.list.items().front();
  // yaml-cpp's English never reaches the author.
  for (const char* english : {"illegal", "not found", "map", "token", "scalar", "sequence"})
    CHECK(d.message.find(english) == std::string::npos);
  return d;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Which files are read

TEST_CASE("files put directly in a year folder are one error naming the document folder", "[authoring]") {
  Award f;
  for (const auto& entry : fs::directory_iterator(f.sub)) fs::rename(entry.path(), f.unit / "2020" / entry.path().filename());
  fs::remove(f.sub);
  auto v = f.run();
  const auto& d = only(v);
  CHECK(d.severity == Severity::kError);
  CHECK(d.pos.path == (f.unit / "2020").generic_string());
  CHECK(d.message.find("5 filer ligger direkt i årsmappen och läses inte") != std::string::npos);
  CHECK(d.hint.find("provenhet/2020/prov/") != std::string::npos);  // the kind with a structure that year
}

TEST_CASE("files that look like an expected file are errors naming it", "[authoring]") {
  Award f;
  fs::rename(f.sub / "inlamning.yaml", f.sub / "inlamning.yml");
  fs::rename(f.sub / "fraga-03.md", f.sub / "fraga-03.txt");
  auto v = f.run();
  INFO(all_messages(v));
  const auto* yml = find(v, "filen ”inlamning.yml” läses inte, men ser ut som ”inlamning.yaml”");
  REQUIRE(yml);
  CHECK(yml->hint == "döp om filen till inlamning.yaml");
  const auto* txt = find(v, "filen ”fraga-03.txt” läses inte, men ser ut som ”fraga-03.md”");
  REQUIRE(txt);
  CHECK(txt->hint == "döp om filen till fraga-03.md");
  // Those two errors say what to do: not also "saknar inlamning.yaml" or "fråga 3 saknas".
  CHECK(v.diagnostics.list.error_count() == 2);
}

TEST_CASE("expected file names are recognised in their usual misspellings", "[authoring]") {
  const std::vector<std::string> doc = {"inlamning.yaml", "inledning.md"}, parts = {"fraga", "avsnitt"};
  CHECK(kv::expected_file_name("fraga-07.txt", doc, parts) == "fraga-07.md");
  CHECK(kv::expected_file_name("Fråga 7.docx", doc, parts) == "fraga-07.md");
  CHECK(kv::expected_file_name("avsnitt_12.md.txt", doc, parts) == "avsnitt-12.md");
  CHECK(kv::expected_file_name("Inlämning.yaml", doc, parts) == "inlamning.yaml");
  CHECK(kv::expected_file_name("inlamningen.yml", doc, parts) == "inlamning.yaml");
  CHECK(kv::expected_file_name("inledning.txt", doc, parts) == "inledning.md");
  CHECK(kv::expected_file_name("inlamning.yaml", doc, parts).empty());
  CHECK(kv::expected_file_name("fraga-07.md", doc, parts).empty());
  CHECK(kv::expected_file_name("bilaga-1.pdf", doc, parts).empty());
  CHECK(kv::expected_file_name("anteckningar.docx", doc, parts).empty());
  CHECK(kv::is_ignored_file(".DS_Store"));
  CHECK(kv::is_ignored_file("fraga-01.md~"));
  CHECK(kv::is_ignored_file("#fraga-01.md#"));
  CHECK(kv::is_ignored_file("Thumbs.db"));
  CHECK(kv::is_ignored_file("4913"));  // vim's probe, as serve's watcher ignores it
  CHECK(kv::is_ignored_file("x.swx"));
  CHECK_FALSE(kv::is_ignored_file("fraga-01.md"));
  CHECK(kv::is_image_file("Logga.JPG"));
  CHECK_FALSE(kv::is_image_file("logga.pdf"));
}

TEST_CASE("an unknown file is a warning naming it, images, also in subfolders, and hidden files are not", "[authoring]") {
  Award f;
  write(f.sub / "anteckningar.docx", "x");
  write(f.sub / "bilder" / "logga.png", "png");
  write(f.sub / "bilder" / "foto" / "personal.JPG", "jpg");
  write(f.sub / "bilder" / "lista.txt", "x");
  write(f.sub / "karta.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  write(f.sub / ".DS_Store", "x");
  write(f.sub / "bilder" / ".DS_Store", "x");
  write(f.sub / "fraga-01.md~", "x");
  write(f.sub / ".fraga-01.md.swp", "x");
  write(f.sub / ".git" / "config", "x");
  write(f.unit / "Thumbs.db", "x");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 0);
  CHECK(v.diagnostics.list.warning_count() == 2);
  const auto* docx = find(v, "filen ”anteckningar.docx” används inte");
  REQUIRE(docx);
  CHECK(docx->hint.find("inlamning.yaml, inledning.md, fraga-NN.md och bilder") != std::string::npos);
  const auto* txt = find(v, "filen ”lista.txt” används inte");
  REQUIRE(txt);
  CHECK(txt->hint.find("undermappar läses bara bilder") != std::string::npos);
}

TEST_CASE("a document's file in a subfolder or in the unit folder is an error", "[authoring]") {
  Award f;
  write(f.sub / "bilder" / "inledning.md", "Text.\n");
  write(f.unit / "fraga-09.md", "---\nfråga: 9\n---\nText.\n");
  write(f.unit / "enhet.yml", "namn: x\n");
  write(f.unit / "anteckningar.txt", "x");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(count(v, Severity::kError, "bilder/inledning.md", "”inledning.md” ligger i undermappen ”bilder” och läses inte") == 1);
  CHECK(count(v, Severity::kError, "provenhet/fraga-09.md", "ligger direkt i enhetens mapp och läses inte") == 1);
  CHECK(count(v, Severity::kError, "provenhet/enhet.yml", "ser ut som ”enhet.yaml”") == 1);
  CHECK(count(v, Severity::kWarning, "provenhet/anteckningar.txt", "används inte") == 1);
  CHECK(v.diagnostics.list.error_count() == 3);
}

// ---------------------------------------------------------------------------------------------
// One cause, not a cascade

TEST_CASE("a year folder with no structure is one error naming both fixes", "[authoring]") {
  Award f;
  fs::rename(f.unit / "2020", f.unit / "2019");
  auto v = f.run();
  const auto& d = only(v);
  CHECK(d.severity == Severity::kError);
  CHECK(d.pos.path == (f.unit / "2019" / "prov").generic_string());
  CHECK(d.message == "det finns ingen struktur för ”prov” år 2019 (”prov-2019”), så dokumentet kan inte kontrolleras");
  CHECK(d.hint.find("döp om mappen till ett år och slag som har en struktur (2020/prov, 2024/prov-rapport)") != std::string::npos);
  CHECK(d.hint.find("struktur: prov-2020 i inlamning.yaml") != std::string::npos);  // the closest one
  CHECK(count(v, Severity::kError, "", "okänd nyckel") == 0);
}

TEST_CASE("an unknown struktur: is one error at its line", "[authoring]") {
  Award f;
  write(f.sub / "inlamning.yaml", read(f.sub / "inlamning.yaml") + "struktur: prov-2002\n");
  auto v = f.run();
  const auto& d = only(v);
  CHECK(d.message == "det finns ingen struktur ”prov-2002”");
  CHECK(d.pos.line == 5);
  CHECK(d.hint == "menade du ”prov-2020”?");
}

TEST_CASE("a structure file with an error gives its own errors only", "[authoring]") {
  Award f;
  fs::path structure = f.templates() / "structures" / "prov-2020.yaml";
  SECTION("a wrong value") { replace(structure, "    typ: heltal", "    typ: heltalx"); }
  SECTION("a YAML syntax error, so that not even its id can be read") { replace(structure, "id: prov-2020", "id: [prov-2020"); }
  auto v = f.run_with_templates();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(count(v, Severity::kError, "prov-2020.yaml", "") == 1);
  CHECK(count(v, Severity::kError, "inlamning.yaml", "") == 0);
  CHECK(count(v, Severity::kError, "", "okänd nyckel ”kontaktperson”") == 0);
  CHECK(count(v, Severity::kError, "", "det finns ingen struktur") == 0);
  // At most one line for the document that uses it, saying why it was not checked.
  CHECK(v.diagnostics.list.warning_count() == 1);
  CHECK(count(v, Severity::kWarning, "provenhet/2020/prov", "dokumentet kontrolleras inte, eftersom strukturen ”prov-2020” har fel") == 1);
}

// ---------------------------------------------------------------------------------------------
// Every problem in one run

TEST_CASE("a missing enhet.yaml and a broken question file are reported in one run", "[authoring]") {
  Award f;
  fs::remove(f.unit / "enhet.yaml");
  replace(f.sub / "fraga-02.md", "förväntat_resultat:", "förväntat_reslutat:");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(count(v, Severity::kError, "provenhet/enhet.yaml", "enheten saknar enhet.yaml") == 1);
  CHECK(count(v, Severity::kError, "fraga-02.md", "okänd nyckel ”förväntat_reslutat”") == 1);
  CHECK(v.diagnostics.list.error_count() == 2);
}

TEST_CASE("a broken enhet.yaml does not stop the unit's documents from being checked", "[authoring]") {
  Award f;
  write(f.unit / "enhet.yaml", "namn: Provenheten\n");
  replace(f.sub / "inlamning.yaml", "antal_anställda: 12", "antal_anställda: tolv");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(count(v, Severity::kError, "enhet.yaml", "”förvaltning” saknas") == 1);
  CHECK(count(v, Severity::kError, "inlamning.yaml", "”antal_anställda” är inte ett heltal: tolv") == 1);
  CHECK(v.diagnostics.list.error_count() == 2);
}

TEST_CASE("a missing inlamning.yaml does not stop the question files from being checked", "[authoring]") {
  Award f;
  fs::remove(f.sub / "inlamning.yaml");
  replace(f.sub / "fraga-02.md", "förväntat_resultat:", "förväntat_reslutat:");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(count(v, Severity::kError, "inlamning.yaml", "inlämningen saknar inlamning.yaml") == 1);
  CHECK(count(v, Severity::kError, "fraga-02.md", "okänd nyckel ”förväntat_reslutat”") == 1);
  CHECK(v.diagnostics.list.error_count() == 2);
}

TEST_CASE("a broken inlamning.yaml does not stop the question files from being checked", "[authoring]") {
  Award f;
  replace(f.sub / "inlamning.yaml", "telefon: 08", "telefon 08");
  replace(f.sub / "fraga-02.md", "förväntat_resultat:", "förväntat_reslutat:");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(count(v, Severity::kError, "inlamning.yaml", "raden saknar kolon") == 1);
  CHECK(count(v, Severity::kError, "fraga-02.md", "okänd nyckel ”förväntat_reslutat”") == 1);
  CHECK(v.diagnostics.list.error_count() == 2);
}

TEST_CASE("a question file whose front matter is broken is not also reported missing", "[authoring]") {
  Award f;
  replace(f.sub / "fraga-02.md", "fråga: 2", "fråga 2\nx: 1");
  auto v = f.run();
  const auto& d = only(v);
  CHECK(d.pos.line == 2);
  CHECK(d.message.find("raden saknar kolon efter nyckeln") != std::string::npos);
}

TEST_CASE("an empty inlamning.yaml is accepted when no field is required", "[authoring]") {
  TempDir dir;
  fs::path content = dir.path() / "content";
  copy_fixture("report", content);
  fs::path meta = content / "provrapport" / "2024" / "prov-rapport" / "inlamning.yaml";
  SECTION("empty") { write(meta, ""); }
  SECTION("only comments") { write(meta, "# fylls i senare\n\n"); }
  auto v = check(content);
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 0);
  CHECK(v.site.submissions.size() == 1);
}

TEST_CASE("an empty inlamning.yaml names the required fields it lacks", "[authoring]") {
  Award f;
  write(f.sub / "inlamning.yaml", "# fylls i senare\n");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 4);
  for (const char* key : {"kontaktperson", "telefon", "e-post", "antal_anställda"})
    CHECK(count(v, Severity::kError, "inlamning.yaml", std::string("”") + key + "” saknas") == 1);
  CHECK(find(v, "nycklar med värden") == nullptr);
}

// ---------------------------------------------------------------------------------------------
// Messages

TEST_CASE("YAML syntax errors are explained in Swedish at the line that causes them", "[authoring]") {
  SECTION("a missing colon: yaml-cpp notices on the next line") {
    auto d = yaml_error("namn: A\nförvaltning B\ntelefon: 1\n");
    CHECK(d.pos.line == 2);
    CHECK(d.pos.col == 1);
    CHECK(d.message == "YAML-syntaxfel: raden saknar kolon efter nyckeln");
    CHECK(d.hint.find("förvaltning: B") != std::string::npos);
  }
  SECTION("a missing colon before a block scalar, in a data block on file line 11") {
    auto d = yaml_error("mål: X\nförväntat_resultat: >\n  att budgeten är i balans.\narbetssätt >\n  följa kostnaderna.\n"
                        "uppföljning: >\n  varje månad.\n",
                        10);
    CHECK(d.pos.line == 14);  // "arbetssätt >", the 4th line of the block
    CHECK(d.message.find("saknar kolon") != std::string::npos);
    CHECK(d.hint.find("arbetssätt: >") != std::string::npos);
  }
  SECTION("a missing space after the colon") {
    auto d = yaml_error("a: 1\nantal:19\nb: 2\n");
    CHECK(d.pos.line == 2);
    CHECK(d.pos.col == 6);
    CHECK(d.hint.find("antal: 19") != std::string::npos);
  }
  SECTION("an unclosed quote that yaml-cpp closes at the end of the text") {
    auto d = yaml_error("namn: A\ntelefon: \"08-508 00 000\ne-post: a@b.se\nantal: 12\n");
    CHECK(d.pos.line == 2);
    CHECK(d.pos.col == 10);
    CHECK(d.message.find("citattecknet \" öppnar ett värde som aldrig stängs") != std::string::npos);
  }
  SECTION("an unclosed quote that a later quote closes") {
    auto d = yaml_error("a: \"x\nb: 1\nc: \"y\"\n");
    CHECK(d.pos.line == 1);
    CHECK(d.pos.col == 4);
    CHECK(d.message.find("aldrig stängs") != std::string::npos);
  }
  SECTION("an unclosed quote at the end of a text without a final line break") {
    auto d = yaml_error("a: 1\nb: 'x");
    CHECK(d.pos.line == 2);
    CHECK(d.pos.col == 4);
  }
  SECTION("an unclosed bracket") {
    auto d = yaml_error("mål: a\nresultat: [b\nanalys: c\n");
    CHECK(d.pos.line == 2);
    CHECK(d.pos.col == 11);
    CHECK(d.message == "YAML-syntaxfel: [ öppnas här men stängs aldrig med ]");
  }
  SECTION("a colon inside a value") {
    auto d = yaml_error("mål: Vi: mer\n");
    CHECK(d.pos.line == 1);
    CHECK(d.hint == "sätt värdet inom citattecken: mål: \"Vi: mer\"");
  }
  SECTION("a line indented under a key that has a value") {
    auto d = yaml_error("a: 1\n  b: 2\n");
    CHECK(d.pos.line == 2);
    CHECK(d.pos.col == 3);
    CHECK(d.message.find("mer indragen än raden ovanför") != std::string::npos);
  }
  SECTION("indentation that matches no level") {
    auto d = yaml_error("a:\n  b: 1\n c: 2\n");
    CHECK(d.pos.line == 3);
    CHECK(d.message.find("indraget på raden stämmer inte") != std::string::npos);
  }
  SECTION("a list item among keys") {
    auto d = yaml_error("a: 1\n- b\n");
    CHECK(d.pos.line == 2);
    CHECK(d.message.find("en listrad") != std::string::npos);
  }
  SECTION("text after a closing quote") {
    auto d = yaml_error("a: 'it's'\n");
    CHECK(d.pos.line == 1);
    CHECK(d.message.find("det står text efter det avslutande '") != std::string::npos);
    CHECK(d.hint.find("''") != std::string::npos);
  }
  SECTION("an unknown escape, at its backslash") {
    auto d = yaml_error("a: \"x\\qy\"\n");
    CHECK(d.pos.line == 1);
    CHECK(d.pos.col == 6);
    CHECK(d.message == "YAML-syntaxfel: okänd kod ”\\q” inom dubbla citattecken");
  }
  SECTION("a value starting with a reserved character") {
    auto d = yaml_error("a: @x\n");
    CHECK(d.message == "YAML-syntaxfel: ett värde kan inte börja med ”@” i YAML");
  }
  SECTION("a list on the key's line") {
    auto d = yaml_error("värden: - x\n");
    CHECK(d.pos.line == 1);
    CHECK(d.message.find("samma rad som sin nyckel") != std::string::npos);
  }
}

TEST_CASE("a tab in indentation says to use spaces, at the tab", "[authoring]") {
  SECTION("yaml-cpp's own tab error") {
    auto d = yaml_error("a:\n  b: 1\n\tc: 2\n");
    CHECK(d.pos.line == 3);
    CHECK(d.pos.col == 1);
    CHECK(d.hint == "använd mellanslag, inte tabb");
  }
  SECTION("a tab yaml-cpp reports as something else") {
    auto d = yaml_error("a:\n  b:\n  \t c: 1\n");
    CHECK(d.pos.line == 3);
    CHECK(d.pos.col == 3);
    CHECK(d.hint == "använd mellanslag, inte tabb");
  }
}

TEST_CASE("YAML syntax errors are explained in English with --lang en", "[authoring]") {
  auto d = yaml_error("namn: A\nförvaltning B\ntelefon: 1\n", 0, kv::Lang::kEn);
  CHECK(d.pos.line == 2);
  CHECK(d.message == "YAML syntax error: the line has no colon after its key");
  CHECK(d.hint == "write the key, a colon and a space before the value: förvaltning: B");
}

TEST_CASE("every yaml-cpp error message has a translation", "[authoring]") {
  namespace E = YAML::ErrorMsg;
  for (const char* core :
       {E::YAML_DIRECTIVE_ARGS, E::YAML_VERSION, E::YAML_MAJOR_VERSION, E::REPEATED_YAML_DIRECTIVE, E::TAG_DIRECTIVE_ARGS,
        E::REPEATED_TAG_DIRECTIVE, E::CHAR_IN_TAG_HANDLE, E::TAG_WITH_NO_SUFFIX, E::END_OF_VERBATIM_TAG, E::END_OF_MAP,
        E::END_OF_MAP_FLOW, E::END_OF_SEQ, E::END_OF_SEQ_FLOW, E::MULTIPLE_TAGS, E::MULTIPLE_ANCHORS, E::MULTIPLE_ALIASES,
        E::ALIAS_CONTENT, E::INVALID_HEX, E::INVALID_UNICODE, E::INVALID_ESCAPE, E::UNKNOWN_TOKEN, E::DOC_IN_SCALAR,
        E::EOF_IN_SCALAR, E::CHAR_IN_SCALAR, E::TAB_IN_INDENTATION, E::FLOW_END, E::BLOCK_ENTRY, E::MAP_KEY, E::MAP_VALUE,
        E::ALIAS_NOT_FOUND, E::ANCHOR_NOT_FOUND, E::CHAR_IN_ALIAS, E::CHAR_IN_ANCHOR, E::ZERO_INDENT_IN_BLOCK,
        E::CHAR_IN_BLOCK, E::AMBIGUOUS_ANCHOR, E::UNKNOWN_ANCHOR, E::INVALID_NODE, E::INVALID_SCALAR, E::KEY_NOT_FOUND,
        E::BAD_CONVERSION, E::BAD_DEREFERENCE, E::BAD_SUBSCRIPT, E::BAD_PUSHBACK, E::BAD_INSERT, E::UNMATCHED_GROUP_TAG,
        E::UNEXPECTED_END_SEQ, E::UNEXPECTED_END_MAP, E::SINGLE_QUOTED_CHAR, E::INVALID_ANCHOR, E::INVALID_ALIAS,
        E::INVALID_TAG, E::BAD_FILE}) {
    INFO(core);
    CHECK(kv::yaml_error_known(core));
  }
  // Every error yaml-cpp's parser can raise for these inputs comes out in Swedish.
  for (const char* text : {"%YAML 2.0\n---\na: 1\n", "a: !a! x\n", "a: &\n", "a: *\n", "a: *foo\n", "a: \"\\xZZ\"\n",
                           "a: \"x\n---\ny\"\n", "a: ]\n", "a: ? b\n", "a: |0\n  x\n", "a: |x\n  y\n", "a: &x &y 1\n",
                           "- a: 1\n  b: 2\n   c: 3\n"})
    yaml_error(text);
}

TEST_CASE("a required key that is there but empty is not reported as missing", "[authoring]") {
  Award f;
  replace(f.sub / "fraga-02.md", "uppföljning: >\n  månatligen med controller.\n", "uppföljning:\n");
  auto v = f.run();
  const auto& d = only(v);
  CHECK(d.message.find("”uppföljning”") != std::string::npos);
  CHECK(d.message.find("saknas") == std::string::npos);
  CHECK(d.hint.find("lägg till raden") == std::string::npos);
  CHECK(d.pos.line == 13);  // the key's line
}

TEST_CASE("a part that is there too few times says how many there are", "[authoring]") {
  Award f;
  replace(f.templates() / "structures" / "prov-2020.yaml", "rekommenderar: {exempel: 1}", "rekommenderar: {exempel: 2}");
  auto v = f.run_with_templates();
  const auto& d = only(v);
  CHECK(d.severity == Severity::kWarning);
  CHECK(d.message == "fråga 1 (”Hur vi arbetar med bemötande”) saknar 1 ”exempel” till (har 1 av 2)");
}

TEST_CASE("a year written as text gets a year as example", "[authoring]") {
  Award f;
  replace(f.sub / "fraga-02.md", "  - år: 2020", "  - år: tjugotjugo");
  replace(f.sub / "inlamning.yaml", "antal_anställda: 12", "antal_anställda: tolv");
  auto v = f.run();
  INFO(all_messages(v));
  const auto* year = find(v, "”år” är inte ett heltal: tjugotjugo");
  REQUIRE(year);
  CHECK(year->hint == "skriv ett heltal utan mellanslag eller text, t.ex. 2018");
  const auto* staff = find(v, "”antal_anställda” är inte ett heltal: tolv");
  REQUIRE(staff);
  CHECK(staff->hint == "skriv ett heltal utan mellanslag eller text, t.ex. 19");
}

TEST_CASE("an unknown or missing command is answered in the user's language with status 2", "[authoring]") {
  CLI::App app{"kvalitet"};
  app.require_subcommand(1);
  app.add_subcommand("check")->alias("kontrollera");
  app.add_subcommand("build")->alias("bygg");
  auto run = [&](std::vector<const char*> argv, kv::Lang lang, std::string& out) -> std::optional<int> {
    std::ostringstream err;
    try {
      app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::ParseError& e) {
      auto status = kv::explain_command_error(app, e, static_cast<int>(argv.size()), argv.data(), lang, err);
      out = err.str();
      return status;
    }
    return std::nullopt;
  };
  std::string out;
  CHECK(run({"kvalitet", "bygga"}, kv::Lang::kSv, out) == 2);
  CHECK(out == "kvalitet: error: okänt kommando ”bygga” — menade du ”bygg”?\n");
  app.clear();
  CHECK(run({"kvalitet", "--lang", "en", "chek"}, kv::Lang::kEn, out) == 2);
  CHECK(out == "kvalitet: error: unknown command ‘chek’ — did you mean ‘check’?\n");
  app.clear();
  CHECK(run({"kvalitet"}, kv::Lang::kSv, out) == 2);
  CHECK(out == "kvalitet: error: ange ett kommando — kommandona är: check, kontrollera, build, bygg; kvalitet --help visar vad de gör\n");
}

TEST_CASE("an alias that refers to itself does not hang the check for unclosed quotes", "[authoring]") {
  kv::Diagnostics diagnostics;
  const std::string text = "a: &a [\"x\", 'y', *a]\n";
  auto node = kv::parse_yaml({"f.yaml", 0, text}, diagnostics);
  CHECK(node);
  CHECK(diagnostics.list.items().empty());
}

TEST_CASE("enhet.yaml's kolada: is an id Kolada uses, never the förvaltning's name", "[authoring]") {
  Award f;
  const std::string unit = "namn: Provenheten\nförvaltning: Provstadens stadsdelsförvaltning\n";
  for (const std::string good : {"V15E018000201", "\"0180\""}) {
    write(f.unit / "enhet.yaml", unit + "kolada: " + good + "\n");
    auto v = f.run();
    INFO(good << "\n" << all_messages(v));
    CHECK(count(v, Severity::kError, "enhet.yaml", "kolada") == 0);
  }
  write(f.unit / "enhet.yaml", unit + "kolada: Provstadens stadsdelsförvaltning\n");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(count(v, Severity::kError, "enhet.yaml", "kolada: ”Provstadens stadsdelsförvaltning” är inget id i Kolada") == 1);
  const auto* d = find(v.diagnostics, "är inget id i Kolada");
  REQUIRE(d);
  CHECK(d->pos.line == 3);  // at its line
}
