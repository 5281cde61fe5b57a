// `kvalitet ny`: the files it writes, that it never overwrites, and that `check` on a fresh
// scaffold reports exactly one "not answered yet" per part (validate/unanswered.h) and one
// error per required administrative field, nothing else.
#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

#include <sstream>

#include "scaffold/scaffold.h"
#include "support.h"

using namespace kvtest;
using kv::Severity;

namespace {

struct Scaffold {
  TempDir dir;
  fs::path content = dir.path() / "content";
  fs::path templates = source_dir() / "templates";
  kv::ScaffoldOptions options;
  std::optional<kv::Lang> lang;  // --lang
  std::string out, err;

  Scaffold() {
    write(content / "site.yaml", read(fixtures() / "valid" / "site.yaml"));
    options.unit = "nyenhet";
    options.name = "Nya enheten";
    options.administration = "Provstadens förvaltning";
  }
  int run(const std::string& structure) {
    options.structure = structure;
    std::ostringstream o, e;
    int status = kv::run_scaffold(context_for(content, templates, lang), options, o, e);
    out = o.str();
    err = e.str();
    return status;
  }
  // Checked as submitted (status: inlämnad): a draft would be left out, its problems counted.
  kv::Validated check() {
    submit();
    return kv::validate_content(options_for(content, templates));
  }
  void submit() {
    for (const auto& e : fs::recursive_directory_iterator(content / "nyenhet"))
      if (e.path().filename() == "inlamning.yaml") {
        const std::string text = read(e.path());
        if (text.find("status: utkast") != std::string::npos) replace(e.path(), "status: utkast", "status: inlämnad");
      }
  }
  fs::path folder(const std::string& year_kind) const { return content / "nyenhet" / year_kind; }
};

// The diagnostics of files whose name starts with prefix.
std::vector<kv::Diagnostic> in_files(const kv::Validated& v, const std::string& prefix) {
  std::vector<kv::Diagnostic> out;
  for (const auto& d : v.diagnostics.list.items())
    if (fs::path(d.pos.path).filename().string().rfind(prefix, 0) == 0) out.push_back(d);
  return out;
}

// The front matter of a scaffolded part file, with the comments, and nothing after it.
std::string front_matter(const fs::path& file) {
  std::string text = read(file);
  size_t second = text.find("\n---\n", 3);
  REQUIRE(second != std::string::npos);
  return text.substr(0, second + 5);
}

}  // namespace

TEST_CASE("scaffold: check on a fresh award scaffold says once per question that it is not answered yet", "[scaffold]") {
  Scaffold s;
  REQUIRE(s.run("kvalitetsutmarkelsen-2018") == 0);
  INFO(s.err);
  CHECK(s.err.empty());
  auto v = s.check();
  INFO(all_messages(v));
  auto parts = in_files(v, "fraga-");
  REQUIRE(parts.size() == 22);
  for (const auto& d : parts) {
    CHECK(d.severity == Severity::kError);
    CHECK_THAT(d.message, Catch::Matches("fråga \\d+ \\(”.+”\\) är inte besvarad än"));
  }
  CHECK(count(v, Severity::kError, "fraga-16.md", "fråga 16 (”Mål 2018”) är inte besvarad än") == 1);
  // The five required administrative fields, one clear error each; antal_brukare is optional.
  auto admin = in_files(v, "inlamning.yaml");
  CHECK(admin.size() == 5);
  for (const char* key : {"kontaktperson", "telefon", "e-post", "adress", "antal_anställda"})
    CHECK(count(v, Severity::kError, "inlamning.yaml", std::string("”") + key + "” har inget värde än") == 1);
  CHECK(count(v, Severity::kError, "inledning.md", "inledningen är tom") == 1);
  CHECK(v.diagnostics.list.error_count() == 22 + 5 + 1);
  CHECK(v.diagnostics.list.warning_count() == 0);
}

TEST_CASE("scaffold: an answered question's error goes away", "[scaffold]") {
  Scaffold s;
  REQUIRE(s.run("kvalitetsutmarkelsen-2018") == 0);
  const fs::path folder = s.folder("2018/kvalitetsutmarkelsen");
  // A question with only a recommendation: one sentence answers it (and leaves a warning).
  write(folder / "fraga-01.md", read(folder / "fraga-01.md") + "\nVi lyssnar på brukarna.\n");
  // A question that requires a goal: the skeleton filled in.
  write(folder / "fraga-16.md", front_matter(folder / "fraga-16.md") +
                                    "\nVi har ett mål.\n\n```mål\nmål: Budgeten är i balans\nförväntat_resultat: balans\n"
                                    "arbetssätt: följa kostnaderna\nuppföljning: varje månad\n```\n");
  auto v = s.check();
  INFO(all_messages(v));
  CHECK(in_files(v, "fraga-01.md").size() == 1);
  CHECK(count(v, Severity::kWarning, "fraga-01.md", "saknar ”exempel”") == 1);
  CHECK(in_files(v, "fraga-16.md").empty());
  CHECK(in_files(v, "fraga-").size() == 21);
  CHECK(v.diagnostics.list.error_count() == 20 + 5 + 1);
}

TEST_CASE("scaffold: a skeleton filled in halfway is read as an answer, and the empty keys are named", "[scaffold]") {
  Scaffold s;
  REQUIRE(s.run("kvalitetsutmarkelsen-2018") == 0);
  const fs::path file = s.folder("2018/kvalitetsutmarkelsen") / "fraga-16.md";
  std::string text = read(file);
  const std::string key = "\nmål:";
  size_t at = text.find(key);
  REQUIRE(at != std::string::npos);
  text.insert(at + key.size(), " Budgeten är i balans");
  write(file, text);
  auto v = s.check();
  INFO(all_messages(v));
  CHECK(count(v, Severity::kError, "fraga-16.md", "inte besvarad") == 0);
  for (const char* key : {"förväntat_resultat", "arbetssätt", "uppföljning"})
    CHECK(count(v, Severity::kError, "fraga-16.md", std::string("”") + key + "” har inget värde än") == 1);
  CHECK(in_files(v, "fraga-16.md").size() == 3);
}

TEST_CASE("scaffold: a report scaffold gives one 'not written yet' per section", "[scaffold]") {
  Scaffold s;
  REQUIRE(s.run("verksamhetsberattelse-2024") == 0);
  const fs::path folder = s.folder("2024/verksamhetsberattelse");
  CHECK(fs::exists(folder / "avsnitt-15.md"));
  CHECK_FALSE(fs::exists(folder / "inledning.md"));  // the report has no introduction
  CHECK_THAT(read(folder / "avsnitt-04.md"), Catch::Contains("```kf-mål\nnr:") && Catch::Contains("\"1.4\""));
  CHECK_THAT(read(folder / "avsnitt-13.md"), Catch::Contains("```principer\nstockholmarnas_fokus:"));
  CHECK_THAT(read(folder / "avsnitt-15.md"), Catch::Contains("```synpunkter\ngrupper:") && Catch::Contains("      - kategori:"));
  auto v = s.check();
  INFO(all_messages(v));
  auto parts = in_files(v, "avsnitt-");
  REQUIRE(parts.size() == 15);
  for (const auto& d : parts) CHECK_THAT(d.message, Catch::Matches("avsnitt \\d+ \\(”.+”\\) har inte skrivits än"));
  CHECK(v.diagnostics.list.error_count() == 15);  // every administrative field of a report is optional
  CHECK(v.diagnostics.list.warning_count() == 0);

  // The principles section answered: its error goes away, the others stay.
  write(folder / "avsnitt-13.md", front_matter(folder / "avsnitt-13.md") +
                                      "\n```principer\nstockholmarnas_fokus: a\nhelhetssyn: b\nhållbarhet: c\n"
                                      "handlingsutrymme: d\nlärande: e\nöppenhet: f\n```\n");
  auto after = s.check();
  INFO(all_messages(after));
  CHECK(in_files(after, "avsnitt-13.md").empty());
  CHECK(after.diagnostics.list.error_count() == 14);
}

TEST_CASE("scaffold: part files carry the title, the requirements and the structure's guidance as comments", "[scaffold]") {
  Scaffold s;
  // A copy of the test structures with guidance on question 2 and the introduction.
  TempDir templates;
  fs::copy(fixtures() / "templates", templates.path(), fs::copy_options::recursive);
  replace(templates.path() / "structures" / "prov-2020.yaml", "        titel: Våra mål\n",
          "        titel: Våra mål\n        vägledning: |\n          Beskriv årets mål.\n          Högst en sida.\n");
  replace(templates.path() / "structures" / "prov-2020.yaml", "  krävs: true\nområden:",
          "  krävs: true\n  vägledning: Berätta om enheten.\nområden:");
  s.templates = templates.path();
  REQUIRE(s.run("prov-2020") == 0);
  const fs::path folder = s.folder("2020/prov");
  std::string q2 = read(folder / "fraga-02.md");
  CHECK_THAT(q2, Catch::StartsWith("---\nfråga: 2\n# Fråga 2: Våra mål\n# Område: Första området\n"));
  CHECK_THAT(q2, Catch::Contains("# Beskriv årets mål.\n# Högst en sida.\n"));
  CHECK_THAT(q2, Catch::Contains("# Måste finnas med (annars blir det fel):\n#   - ```mål … ``` – ett av årets mål"));
  CHECK_THAT(q2, Catch::Contains("```mål\nmål:"));
  CHECK_THAT(q2, Catch::Contains("# krävs · text · målet i en mening"));
  std::string q1 = read(folder / "fraga-01.md");
  CHECK_THAT(q1, Catch::Contains("# Bör finnas med (annars en varning):\n#   - ::: exempel … ::: – ett konkret exempel"));
  CHECK_THAT(q1, !Catch::Contains("::: exempel\n"));  // recommended parts get no skeleton
  std::string q3 = read(folder / "fraga-03.md");
  CHECK_THAT(q3, Catch::Contains("\n::: styrkor\n\n:::\n") && Catch::Contains("\n::: hot\n\n:::\n"));
  CHECK_THAT(read(folder / "inledning.md"), Catch::Contains("# Inledning (krävs)\n#\n# Berätta om enheten.\n"));
  std::string admin = read(folder / "inlamning.yaml");
  CHECK_THAT(admin, Catch::Contains("struktur: prov-2020\n"));
  CHECK_THAT(admin, Catch::Contains("# E-post · e-postadress · krävs\ne-post:\n"));
  CHECK_THAT(admin, Catch::Contains("# Antal anställda · heltal · krävs\nantal_anställda:\n"));
  // The same check as for the real structures: one error per part, per field, and the introduction.
  auto v = s.check();
  INFO(all_messages(v));
  CHECK(in_files(v, "fraga-").size() == 3);
  CHECK(v.diagnostics.list.error_count() == 3 + 4 + 1);
}

TEST_CASE("scaffold: next steps are printed in Swedish, or English with --lang en", "[scaffold]") {
  Scaffold s;
  s.options.name.reset();
  REQUIRE(s.run("kvalitetsutmarkelsen-2018") == 0);
  CHECK_THAT(s.out, Catch::Contains("Skapade 25 filer för Kvalitetsutmärkelsen 2018:"));
  CHECK_THAT(s.out, Catch::Contains("Nästa steg:\n  1. Skriv enhetens namn och förvaltning i "));
  CHECK_THAT(s.out, Catch::Contains("fraga-01.md … fraga-22.md"));
  CHECK_THAT(s.out, Catch::Contains("kvalitet check " + s.content.generic_string()));
  CHECK_THAT(s.out, Catch::Contains("kvalitet serve " + s.content.generic_string()));
  CHECK_THAT(read(s.content / "nyenhet" / "enhet.yaml"), Catch::Contains("\nnamn:\n"));

  Scaffold en;
  en.lang = kv::Lang::kEn;
  REQUIRE(en.run("verksamhetsberattelse-2024") == 0);
  CHECK_THAT(en.out, Catch::Contains("Next steps:") && Catch::Contains("avsnitt-01.md … avsnitt-15.md"));
  CHECK_THAT(read(en.folder("2024/verksamhetsberattelse") / "avsnitt-01.md"), Catch::Contains("# Section 1: "));
}

TEST_CASE("scaffold: existing files are never overwritten, and then nothing is written", "[scaffold]") {
  Scaffold s;
  const fs::path folder = s.folder("2018/kvalitetsutmarkelsen");
  write(folder / "fraga-03.md", "mitt svar\n");
  write(folder / "inlamning.yaml", "kontaktperson: Anna\n");
  CHECK(s.run("kvalitetsutmarkelsen-2018") == 1);
  // One error for the document, at its folder, not one per file.
  CHECK_THAT(s.err, Catch::Contains("kvalitetsutmarkelsen: error: dokumentet finns redan här (2 filer, bland dem inlamning.yaml); "
                                    "kvalitet ny skriver aldrig över en fil"));
  CHECK_THAT(s.err, !Catch::Contains("fraga-03.md: error"));
  CHECK_THAT(s.err, Catch::Contains("Inget skrevs."));
  CHECK(read(folder / "fraga-03.md") == "mitt svar\n");
  CHECK_FALSE(fs::exists(folder / "fraga-01.md"));
  CHECK_FALSE(fs::exists(s.content / "nyenhet" / "enhet.yaml"));
}

TEST_CASE("scaffold: one existing file is named, with the command that never overwrites it", "[scaffold]") {
  Scaffold s;
  write(s.folder("2018/kvalitetsutmarkelsen") / "fraga-03.md", "mitt svar\n");
  CHECK(s.run("kvalitetsutmarkelsen-2018") == 1);
  CHECK_THAT(s.err, Catch::Contains("fraga-03.md: error: filen finns redan; kvalitet ny skriver aldrig över en fil"));
}

TEST_CASE("scaffold: a new year of an existing unit keeps its enhet.yaml", "[scaffold]") {
  Scaffold s;
  write(s.content / "nyenhet" / "enhet.yaml", "namn: Gamla namnet\nförvaltning: X\n");
  REQUIRE(s.run("kvalitetsutmarkelsen-2018") == 0);
  CHECK(read(s.content / "nyenhet" / "enhet.yaml") == "namn: Gamla namnet\nförvaltning: X\n");
  CHECK_THAT(s.err, Catch::Contains("warning:") && Catch::Contains("finns redan och används som den är"));
  CHECK_THAT(s.out, Catch::Contains("Skapade 24 filer"));
  CHECK_THAT(s.out, !Catch::Contains("enhetens namn och förvaltning"));
}

TEST_CASE("scaffold: an unknown or missing structure names the available ones", "[scaffold]") {
  Scaffold s;
  CHECK(s.run("kvalitetsutmarkelsen-2019") == 1);
  CHECK_THAT(s.err, Catch::Contains("det finns ingen struktur ”kvalitetsutmarkelsen-2019”"));
  CHECK_THAT(s.err, Catch::Contains("menade du ”kvalitetsutmarkelsen-2018”?"));
  CHECK_THAT(s.err, Catch::Contains("tillgängliga strukturer: handlingsplan-2007, kvalitetsutmarkelsen-2018, utvecklingsberattelse-2012, verksamhetsberattelse-2024"));
  CHECK(s.run("") == 1);
  CHECK_THAT(s.err, Catch::Contains("--struktur") && Catch::Contains("tillgängliga strukturer: handlingsplan-2007, kvalitetsutmarkelsen-2018"));
  CHECK_FALSE(fs::exists(s.content / "nyenhet"));
}

TEST_CASE("scaffold: a unit name that cannot be a folder name is refused with a suggestion", "[scaffold]") {
  Scaffold s;
  s.options.unit = "Nya Enheten";
  CHECK(s.run("kvalitetsutmarkelsen-2018") == 1);
  CHECK_THAT(s.err, Catch::Contains("”Nya Enheten” går inte att använda") && Catch::Contains("nya-enheten"));
}

TEST_CASE("scaffold: names with quotes and backslashes reach enhet.yaml exactly", "[scaffold]") {
  Scaffold s;
  s.options.name = "Enheten \"Solen\" \\ Väst: # inte en kommentar";
  REQUIRE(s.run("kvalitetsutmarkelsen-2018") == 0);
  YAML::Node unit = YAML::LoadFile((s.content / "nyenhet" / "enhet.yaml").string());
  CHECK(unit["namn"].as<std::string>() == *s.options.name);
  CHECK(unit["förvaltning"].as<std::string>() == "Provstadens förvaltning");
}

TEST_CASE("scaffold: with --schema the YAML files name their schema for the editor", "[scaffold]") {
  Scaffold s;
  s.options.schema_dir = (s.dir.path() / "schema").string();
  REQUIRE(s.run("kvalitetsutmarkelsen-2018") == 0);
  CHECK_THAT(read(s.content / "nyenhet" / "enhet.yaml"),
             Catch::StartsWith("# yaml-language-server: $schema=../../schema/enhet.schema.json\n"));
  CHECK_THAT(read(s.folder("2018/kvalitetsutmarkelsen") / "inlamning.yaml"),
             Catch::StartsWith("# yaml-language-server: $schema=../../../../schema/inlamning-kvalitetsutmarkelsen-2018.schema.json\n"));
  CHECK_THAT(s.err, Catch::Contains("kvalitet schema -o"));  // the folder does not exist yet
}

TEST_CASE("unanswered: a heading that repeats the title is still unanswered, another heading is an answer", "[scaffold]") {
  TempDir dir;
  fs::path content = dir.path() / "content";
  copy_fixture("valid", content);
  fs::path sub = submission_dir(content);
  write(sub / "fraga-01.md", "---\nfråga: 1\n---\n\n# Hur vi arbetar med bemötande\n\n::: exempel\n:::\n");
  write(sub / "fraga-02.md", "---\nfråga: 2\n---\n\n## Våra mål 2020\n\n```mål\nmål:\nförväntat_resultat:\n```\n");
  auto v = check(content);
  INFO(all_messages(v));
  CHECK(count(v, Severity::kError, "fraga-01.md", "fråga 1 (”Hur vi arbetar med bemötande”) är inte besvarad än") == 1);
  CHECK(count(v, Severity::kError, "fraga-01.md", "") == 1);
  CHECK(count(v, Severity::kError, "fraga-02.md", "inte besvarad") == 0);
  CHECK(count(v, Severity::kError, "fraga-02.md", "”mål” har inget värde än") == 1);
}

TEST_CASE("a draft preview (serve) shows a fresh scaffold: what is not written yet is a warning there", "[scaffold]") {
  Scaffold s;
  REQUIRE(s.run("kvalitetsutmarkelsen-2018") == 0);
  auto options = options_for(s.content, s.templates);
  options.audience = kv::model::Audience::kPreview;
  auto v = kv::validate_content(options);
  INFO(all_messages(v));
  CHECK_FALSE(v.diagnostics.list.has_errors());
  CHECK(count(v, kv::Severity::kWarning, "fraga-07.md", "inte besvarad än") == 1);
  CHECK(count(v, kv::Severity::kWarning, "inledning.md", "inledningen är tom") == 1);
  CHECK(count(v, kv::Severity::kWarning, "inlamning.yaml", "har inget värde än") >= 1);

  const fs::path out = s.dir.path() / "out";
  options.output_dir = out.string();
  std::ostringstream o, e;
  REQUIRE(kv::run_build(options, o, e) == 0);
  const std::string page = read(out / "2018" / "nyenhet" / "kvalitetsutmarkelsen" / "fraga-07" / "index.html");
  CHECK(page.find("<p class=\"not-answered\"><em>Inte besvarad än.</em></p>") != std::string::npos);

  // Not a preview: the draft is left out of the public site, which builds without it …
  options.audience = kv::model::Audience::kPublic;
  options.output_dir = (s.dir.path() / "public").string();
  std::ostringstream o2, e2;
  CHECK(kv::run_build(options, o2, e2) == 0);
  CHECK(!fs::exists(s.dir.path() / "public/2018/nyenhet"));
  // … and once submitted, it is held to every rule.
  s.submit();
  CHECK(count(kv::validate_content(options), kv::Severity::kError, "fraga-07.md", "inte besvarad än") == 1);
}
