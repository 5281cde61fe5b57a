// Editions of one award that change shape (tests/fixtures/editions): prov-2020 with three
// questions, prov-2022 with four in another order (föregående: prov-2020, motsvarar: per
// question), prov-2023 made from prov-2022 (bygger_på:, only the year stated). Questions
// correspond only as declared; other years' links and comparisons follow that and name the
// other question's title.
#include <catch2/catch.hpp>

#include <regex>

#include "model/structure.h"
#include "support.h"
#include "render/html/searchable_pages.h"
#include "schema/json_schema.h"
#include "validate/structure_file.h"

using namespace kvtest;
using Catch::Matchers::Contains;
using kv::Severity;
using kv::model::corresponding_part;

namespace {

struct Editions : StructuresFixture {
  Editions() : StructuresFixture("editions") {}
  kv::StructureSet structures(kv::Diagnostics& diagnostics) const { return kv::read_structures(templates / "structures", diagnostics); }
  std::string page(const std::string& rel) const { return read(out / rel); }
};

const kv::model::Structure& get(const kv::StructureSet& set, const std::string& id) {
  auto it = set.find(id);
  if (it == set.end()) throw std::runtime_error("no structure " + id);
  return *it->second;
}

}  // namespace

TEST_CASE("questions correspond across editions only as declared, in both directions", "[editions]") {
  Editions f;
  kv::Diagnostics diagnostics;
  auto set = f.structures(diagnostics);
  INFO(all_messages(diagnostics));
  REQUIRE(diagnostics.list.items().empty());
  const auto &y20 = get(set, "prov-2020"), &y22 = get(set, "prov-2022"), &y23 = get(set, "prov-2023");
  CHECK(corresponding_part(y22, 1, y20) == 2);  // "Våra mål för 2022" is 2020's "Våra mål"
  CHECK(corresponding_part(y20, 2, y22) == 1);
  CHECK(corresponding_part(y22, 3, y20) == 1);
  CHECK(corresponding_part(y20, 3, y22) == 4);
  CHECK(corresponding_part(y22, 2, y20) == 0);  // motsvarar: ny
  CHECK(y22.find_question(2)->is_new);
  CHECK(corresponding_part(y20, 1, y20) == 1);  // one structure: by number
  CHECK(corresponding_part(y20, 9, y20) == 0);
  // Through the edition between: 2023 inherits 2022's questions and their correspondences.
  CHECK(corresponding_part(y23, 1, y20) == 2);
  CHECK(corresponding_part(y20, 3, y23) == 4);
  CHECK(corresponding_part(y23, 2, y22) == 2);
  CHECK(corresponding_part(y23, 2, y20) == 0);
}

TEST_CASE("a structure made from another states only what changes", "[editions]") {
  Editions f;
  kv::Diagnostics diagnostics;
  auto set = f.structures(diagnostics);
  const auto &y22 = get(set, "prov-2022"), &y23 = get(set, "prov-2023");
  CHECK(y23.year == 2023);
  CHECK(y23.based_on == "prov-2022");
  CHECK(y23.name == y22.name);
  CHECK(y23.kind == "prov");
  CHECK(y23.questions().size() == 4);
  CHECK(y23.find_question(1)->title == "Våra mål för 2022");
  CHECK(y23.find_question(1)->required.at("mål") == 1);
  CHECK(y23.admin_fields.size() == y22.admin_fields.size());
  CHECK(y23.intro_title == "Om enheten");
  // Stating a key replaces the base's value for it, and only it.
  write(f.structure("prov-2023"), "id: prov-2023\nbygger_på: prov-2022\når: 2023\nnamn: Nya utmärkelsen\nmax_sidor: 12\n");
  kv::Diagnostics again;
  auto changed = f.structures(again);
  CHECK(get(changed, "prov-2023").name == "Nya utmärkelsen");
  CHECK(get(changed, "prov-2023").max_pages == 12);
  CHECK(get(changed, "prov-2023").questions().size() == 4);
  // A deadline belongs to one edition: the base's sista_dag: is not the new edition's.
  replace(f.structure("prov-2022"), "föregående: prov-2020\n", "föregående: prov-2020\nsista_dag: 2022-09-30\n");
  kv::Diagnostics dated;
  auto with_deadline = f.structures(dated);
  INFO(all_messages(dated));
  CHECK(get(with_deadline, "prov-2022").deadline == "2022-09-30");
  CHECK(get(with_deadline, "prov-2023").deadline.empty());
}

TEST_CASE("other years' links follow the correspondences and name the other question", "[editions]") {
  Editions f;
  std::string errors;
  REQUIRE(f.build(&errors) == 0);
  INFO(errors);
  const std::string goals = f.page("2022/provenhet/prov/fraga-01/index.html");
  CHECK_THAT(goals, Contains("href=\"../../../../2020/provenhet/prov/fraga-02/index.html\">Fråga 2 (”Våra mål”) i Provutmärkelsen 2020</a>"));
  CHECK_THAT(goals, Contains("href=\"../../../../2023/provenhet/prov/fraga-01/index.html\">Fråga 1 (”Våra mål för 2022”) i Provutmärkelsen 2023</a>"));
  CHECK(goals.find("2020/provenhet/prov/fraga-01/") == std::string::npos);  // same number, another question
  const std::string fresh = f.page("2022/provenhet/prov/fraga-02/index.html");
  CHECK(fresh.find("Provutmärkelsen 2020") == std::string::npos);  // new in 2022: nothing to compare with
  const std::string compare = f.page("jamforelse/2022/prov/fraga-03/index.html");
  CHECK_THAT(compare, Contains("href=\"../../../../jamforelse/2020/prov/fraga-01/index.html\">2020: Fråga 1 (”Hur vi arbetar med bemötande”)</a>"));
  CHECK_THAT(compare, Contains("href=\"../../../../jamforelse/2023/prov/fraga-03/index.html\">2023: Fråga 3"));
  const std::string old = f.page("jamforelse/2020/prov/fraga-02/index.html");
  CHECK_THAT(old, Contains("jamforelse/2022/prov/fraga-01/index.html\">2022: Fråga 1 (”Våra mål för 2022”)</a>"));
}

TEST_CASE("correspondences that cannot hold are reported in the structure file", "[editions]") {
  Editions f;
  replace(f.structure("prov-2022"), "        motsvarar: 1\n", "        motsvarar: 9\n");
  replace(f.structure("prov-2022"), "        motsvarar: ny\n", "");
  kv::Diagnostics diagnostics;
  f.structures(diagnostics);
  INFO(all_messages(diagnostics));
  CHECK(count(diagnostics, Severity::kError, "prov-2022.yaml", "Fråga 9 finns inte i prov-2020") == 1);
  CHECK(count(diagnostics, Severity::kWarning, "prov-2022.yaml", "Fråga 2 (”Hur vi lär av klagomål”) säger inte vilken fråga i prov-2020 den motsvarar") == 1);
  const auto* unknown = find(diagnostics, "Fråga 9 finns inte");
  REQUIRE(unknown);
  CHECK(unknown->hint.find("1\xE2\x80\x93" "3") != std::string::npos);
}

TEST_CASE("motsvarar needs a previous edition, and a named one must exist", "[editions]") {
  Editions f;
  replace(f.structure("prov-2022"), "föregående: prov-2020\n", "");
  replace(f.structure("prov-2023"), "bygger_på: prov-2022\n", "bygger_på: prov-2O22\n");
  kv::Diagnostics diagnostics;
  f.structures(diagnostics);
  INFO(all_messages(diagnostics));
  CHECK(count(diagnostics, Severity::kError, "prov-2022.yaml", "motsvarar: säger inte vilken struktur numret gäller") == 3);
  const auto* unknown = find(diagnostics, "det finns ingen struktur ”prov-2O22”");
  REQUIRE(unknown);
  CHECK(unknown->pos.path.find("prov-2023.yaml") != std::string::npos);
  CHECK(unknown->hint.find("prov-2022") != std::string::npos);  // did you mean
}

TEST_CASE("structures that build on each other in a ring are reported, not followed", "[editions]") {
  Editions f;
  replace(f.structure("prov-2022"), "föregående: prov-2020\n", "bygger_på: prov-2023\n");
  kv::Diagnostics diagnostics;
  kv::BrokenStructures broken;
  auto set = kv::read_structures(f.templates / "structures", diagnostics, &broken);
  INFO(all_messages(diagnostics));
  CHECK(count(diagnostics, Severity::kError, "prov-2022.yaml", "i en ring") == 1);
  CHECK(count(diagnostics, Severity::kError, "prov-2023.yaml", "i en ring") == 1);
  CHECK(set.count("prov-2020") == 1);
  CHECK(set.count("prov-2022") == 0);
  CHECK(broken.count("prov-2023") == 1);
}

TEST_CASE("one edition follows one structure", "[editions]") {
  Editions f;
  // Another structure for 2022 (same kind and year), followed by one unit only.
  write(f.structure("prov-2022b"), "id: prov-2022b\nbygger_på: prov-2022\når: 2022\n");
  write(f.content / "annanenhet/2022/prov/inlamning.yaml", "struktur: prov-2022b\nkontaktperson: Bo Berg\ne-post: bo.berg@stockholm.se\n");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 1);
  const auto* d = find(v, "Provutmärkelsen 2022 följer här strukturen prov-2022b, men Provenheten följer prov-2022");
  REQUIRE(d);
  CHECK(d->pos.path.find("annanenhet/2022/prov/inlamning.yaml") != std::string::npos);
  CHECK(d->hint.find("struktur: prov-2022") != std::string::npos);
}

TEST_CASE("administrative fields may be decimal numbers, web addresses and choices", "[editions]") {
  Editions f;
  replace(f.structure("prov-2022"), "inledning:\n", R"(  - nyckel: andel_heltid
    etikett: Andel heltid
    typ: decimaltal
  - nyckel: webbplats
    etikett: Webbplats
    typ: url
  - nyckel: regi
    etikett: Regi
    typ: val
    val: [kommunal, privat]
inledning:
)");
  const fs::path admin = f.content / "provenhet/2022/prov/inlamning.yaml";
  write(admin, read(admin) + "andel_heltid: 87,5\nwebbplats: https://start.stockholm/\nregi: Kommunal\n");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 0);
  const kv::model::Submission* s = nullptr;
  for (const auto& sub : v.site.submissions)
    if (sub.year == 2022 && sub.unit.slug == "provenhet") s = &sub;
  REQUIRE(s);
  REQUIRE(s->admin.size() == 5);
  CHECK(s->admin[4].value == "kommunal");  // as the structure writes it
  replace(admin, "andel_heltid: 87,5", "andel_heltid: 87 procent");
  replace(admin, "webbplats: https://start.stockholm/", "webbplats: start.stockholm");
  replace(admin, "regi: Kommunal", "regi: stiftelse");
  v = f.run();
  INFO(all_messages(v));
  CHECK(count(v, Severity::kError, "inlamning.yaml", "”andel_heltid” är inte ett tal") == 1);
  CHECK(count(v, Severity::kError, "inlamning.yaml", "”start.stockholm” är ingen webbadress") == 1);
  const auto* choice = find(v, "”stiftelse” är inget giltigt värde för regi");
  REQUIRE(choice);
  CHECK(choice->hint.find("kommunal, privat") != std::string::npos);
}

TEST_CASE("a structure's field types are checked where they are written", "[editions]") {
  Editions f;
  replace(f.structure("prov-2022"), "    typ: e-post\n", "    typ: epost\n");
  replace(f.structure("prov-2022"), "inledning:\n", "  - nyckel: regi\n    etikett: Regi\n    typ: val\ninledning:\n");
  kv::Diagnostics diagnostics;
  f.structures(diagnostics);
  INFO(all_messages(diagnostics));
  const auto* type = find(diagnostics, "okänd typ ”epost” för fältet ”e-post”");
  REQUIRE(type);
  CHECK(type->hint.find("e-post") != std::string::npos);
  CHECK(count(diagnostics, Severity::kError, "prov-2022.yaml", "fältet ”regi” har typ: val men ingen lista val:") == 1);
}

TEST_CASE("inledning.md in a document whose structure has no introduction is reported", "[editions]") {
  Editions f;
  replace(f.structure("prov-2022"), "inledning:\n  titel: Om enheten\n  krävs: false\n", "");
  write(f.content / "provenhet/2022/prov/inledning.md", "Enheten i korthet.\n");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(count(v, Severity::kError, "provenhet/2022/prov/inledning.md", "inledning.md finns, men strukturen prov-2022 har ingen inledning") == 1);
}

TEST_CASE("the review form's label names the structure's parts", "[editions]") {
  Editions f;
  std::string y22 = read(f.structure("prov-2022"));
  y22 = std::regex_replace(y22, std::regex("    frågor:\n"), "    avsnitt:\n");
  write(f.structure("prov-2022"), std::regex_replace(y22, std::regex("år: 2022\n"), "år: 2022\ndel:\n  namn: avsnitt\n  engelska: section\n"));
  // The part files renamed to match: 2022's of both units, and 2023's, which builds on 2022.
  for (const char* folder : {"provenhet/2022/prov", "annanenhet/2022/prov", "provenhet/2023/prov"})
    for (int n = 1; n <= 4; ++n) {
      const fs::path from = f.content / folder / ("fraga-0" + std::to_string(n) + ".md");
      std::string text = read(from);
      text.replace(text.find("fråga:"), std::string("fråga:").size(), "avsnitt:");
      write(from.parent_path() / ("avsnitt-0" + std::to_string(n) + ".md"), text);
      fs::remove(from);
    }
  std::string errors;
  const int status = f.build(&errors, kv::model::Audience::kReviewers);  // the review forms are the reviewers'
  INFO(errors);
  REQUIRE(status == 0);
  CHECK_THAT(f.page("jamforelse/2022/prov/index.html"), Contains("Bedömningsmall: alla enheter och avsnitt (Excel, .xlsx)"));
  CHECK_THAT(f.page("jamforelse/2020/prov/index.html"), Contains("Bedömningsmall: alla enheter och frågor (Excel, .xlsx)"));
}

TEST_CASE("the JSON Schema of a submission knows the new field types", "[editions]") {
  Editions f;
  replace(f.structure("prov-2022"), "inledning:\n",
          "  - nyckel: webbplats\n    etikett: Webbplats\n    typ: url\n  - nyckel: regi\n    etikett: Regi\n    typ: val\n"
          "    val: [kommunal, privat]\ninledning:\n");
  kv::Diagnostics diagnostics;
  auto set = f.structures(diagnostics);
  const auto schema = kv::schema::submission_schema(get(set, "prov-2022"), kv::Lang::kSv);
  // A choice in any case, as check compares it; optional: may be empty.
  CHECK(schema["properties"]["regi"]["examples"] == kv::schema::Json::array({"kommunal", "privat"}));
  CHECK(schema["properties"]["regi"]["type"] == kv::schema::Json::array({"string", "null"}));
  CHECK(schema["properties"]["regi"]["pattern"] ==
        "^[ \\t\\r\\n]*(?:[kK][oO][mM][mM][uU][nN][aA][lL]|[pP][rR][iI][vV][aA][tT])[ \\t\\r\\n]*$");
  CHECK(schema["properties"]["webbplats"]["pattern"] == "^[ \\t\\r\\n]*(?:https://[^ \\t<>\"]+|http://[^ \\t<>\"]{2,})[ \\t\\r\\n]*$");
}

namespace {

// The review form's score rule, criteria and first page link as openpyxl reads them.
std::string review_form(const fs::path& book) {
  const fs::path out = book.string() + ".txt";
  const std::string script =
      "import openpyxl,sys\n"
      "ws=openpyxl.load_workbook(sys.argv[1])['Bedömning']\n"
      "heads=[c.value for c in ws[1]]\n"
      "print('|'.join(heads))\n"
      "for dv in ws.data_validations.dataValidation:\n"
      "  print(dv.type, dv.operator, dv.formula1, dv.formula2, str(dv.sqref), dv.prompt)\n"
      "print(ws.cell(row=2,column=heads.index('Bedömningsgrund')+1).value)\n"
      "print(ws.cell(row=2,column=heads.index('Sida')+1).hyperlink.target)\n";
  write(book.string() + ".py", script);
  const std::string command = "/usr/bin/python3 '" + book.string() + ".py' '" + book.string() + "' > '" + out.string() + "' 2>&1";
  std::system(command.c_str());
  return read(out);
}

}  // namespace

// The fixture's own scale (prov-2022.yaml), which a test replaces with its own.
const char* kFixtureScale = "bedömning:      # scored by reviewers: forms on the reviewers' site\n  från: 0\n  till: 5\n";

TEST_CASE("a scoring model gives the review form a score rule and the criteria", "[editions]") {
  Editions f;
  replace(f.structure("prov-2022"), kFixtureScale, "");  // the scale written below instead
  replace(f.structure("prov-2022"), "områden:\n",
          "bedömning:\n  från: 0\n  till: 5\n  oenighet: 2\nområden:\n");
  replace(f.structure("prov-2022"), "        motsvarar: 2\n",
          "        motsvarar: 2\n        kriterier: Målen är mätbara och följs upp.\n        vikt: 2\n");
  std::string errors;
  const int status = f.build(&errors, kv::model::Audience::kReviewers);  // the review forms are the reviewers'
  INFO(errors);
  REQUIRE(status == 0);
  const std::string form = review_form(f.out / "jamforelse/2022/prov/bedomning.xlsx");
  INFO(form);
  CHECK_THAT(form, Contains("Enhet|Område|Nr|Rubrik|Bedömningsgrund|Sida|Poäng|Styrkor|Förbättringsområden|Enhetens id"));
  CHECK_THAT(form, Contains("whole None 0 5 G2:G9 Ett heltal från 0 till 5"));  // between (the default); 2 units × 4 questions
  CHECK_THAT(form, Contains("Målen är mätbara och följs upp."));
  // Relative to the workbook, in the form Excel writes file links (libxlsxwriter's external:).
  CHECK_THAT(form, Contains("..\\..\\..\\2022\\annanenhet\\prov\\fraga-01\\index.html"));
  kv::Diagnostics diagnostics;
  const auto set = f.structures(diagnostics);
  const auto& y22 = get(set, "prov-2022");
  CHECK(y22.scoring.defined);
  CHECK(y22.scoring.disagreement == 2);
  CHECK(y22.find_question(1)->weight == 2);
  CHECK(y22.find_question(2)->weight == 1);
  // Labelled steps: a drop-down of their values.
  replace(f.structure("prov-2022"), "  oenighet: 2\n",
          "  oenighet: 2\n  steg:\n    - värde: 0\n      etikett: Saknas\n    - värde: 3\n      etikett: Delvis\n    - värde: 5\n      etikett: Fullt\n");
  fs::remove_all(f.out);
  REQUIRE(f.build(nullptr, kv::model::Audience::kReviewers) == 0);
  CHECK_THAT(review_form(f.out / "jamforelse/2022/prov/bedomning.xlsx"), Contains("list None \"0,3,5\" None G2:G9 0 Saknas, 3 Delvis, 5 Fullt"));
}

TEST_CASE("a scoring model that cannot be used is reported where it is written", "[editions]") {
  Editions f;
  replace(f.structure("prov-2022"), kFixtureScale, "");  // the scale written below instead
  replace(f.structure("prov-2022"), "områden:\n",
          "bedömning:\n  från: 5\n  till: 1\n  steg:\n    - värde: 7\n      etikett: För högt\nområden:\n");
  replace(f.structure("prov-2022"), "        motsvarar: 2\n", "        motsvarar: 2\n        vikt: 0\n");
  kv::Diagnostics diagnostics;
  f.structures(diagnostics);
  INFO(all_messages(diagnostics));
  CHECK(count(diagnostics, Severity::kError, "prov-2022.yaml", "skalan från 5 till 1 är tom") == 1);
  CHECK(count(diagnostics, Severity::kError, "prov-2022.yaml", "steget 7 ligger inte mellan 5 och 1") == 1);
  CHECK(count(diagnostics, Severity::kError, "prov-2022.yaml", "vikten 0 är inte större än noll") == 1);
}

TEST_CASE("search counts corresponding questions of different editions as one part", "[editions]") {
  Editions f;
  kv::Diagnostics diagnostics;
  auto set = f.structures(diagnostics);
  REQUIRE(diagnostics.list.items().empty());
  auto document = [&](const std::string& id, std::vector<int> numbers) {
    kv::model::Submission s;
    s.structure = set.at(id);
    for (int n : numbers) s.answers[n];
    return kv::search_threads(s);
  };
  const auto y20 = document("prov-2020", {1, 2, 3}), y22 = document("prov-2022", {1, 2, 3, 4}),
             y23 = document("prov-2023", {1, 2});
  CHECK(y22[0] == y20[1]);  // 2022's "Våra mål för 2022" is 2020's "Våra mål"
  CHECK(y22[2] == y20[0]);
  CHECK(y22[3] == y20[2]);
  CHECK(y22[1] != y20[0]);  // new in 2022: a part of its own …
  CHECK(y22[1] != y20[1]);
  CHECK(y22[1] != y20[2]);
  CHECK(y23[1] == y22[1]);  // … that 2023 continues
  CHECK(y23[0] == y20[1]);
}

TEST_CASE("a structure copied from an earlier year without föregående: or bygger_på: is a warning", "[editions]") {
  Editions f;
  std::string copied = read(f.structure("prov-2022"));
  copied = std::regex_replace(copied, std::regex("id: prov-2022\nföregående: prov-2020\n"), "id: prov-2025\n");
  copied = std::regex_replace(copied, std::regex("\når: 2022\n"), "\når: 2025\n");
  copied = std::regex_replace(copied, std::regex("\n( *)motsvarar: [^\n]*"), "");
  write(f.structure("prov-2025"), "# copied from 2022\n" + copied);
  kv::Diagnostics diagnostics;
  f.structures(diagnostics);
  INFO(all_messages(diagnostics));
  const auto* unlinked = find(diagnostics, "säger inte vilken utgåva den följer på");
  REQUIRE(unlinked);
  CHECK(unlinked->severity == Severity::kWarning);
  CHECK(unlinked->pos.path.find("prov-2025.yaml") != std::string::npos);
  const std::string written = read(f.structure("prov-2025"));
  CHECK(unlinked->pos.line == 1 + std::count(written.begin(), written.begin() + written.find("id: prov-2025"), '\n'));
  CHECK_THAT(unlinked->message, Contains("”prov-2023” (2023)"));  // the latest earlier edition
  CHECK_THAT(unlinked->hint, Contains("föregående: prov-2023"));
  // The editions that say where they follow, and the first of its kind, are not warned.
  CHECK(count(diagnostics, Severity::kWarning, "", "säger inte vilken utgåva") == 1);
  // Saying it is enough.
  replace(f.structure("prov-2025"), "id: prov-2025\n", "id: prov-2025\nföregående: prov-2023\n");
  kv::Diagnostics linked;
  f.structures(linked);
  CHECK(!find(linked, "säger inte vilken utgåva"));
}

TEST_CASE("a wrong motsvarar: is reported at the structure that holds it, also to the editions built on it", "[editions]") {
  Editions f;
  replace(f.structure("prov-2022"), "motsvarar: 2\n", "motsvarar: 9\n");
  const auto v = f.run();
  INFO(all_messages(v));
  CHECK(count(v, Severity::kError, "prov-2022.yaml", "Fråga 9 finns inte") == 1);
  CHECK(count(v, Severity::kError, "prov-2023.yaml", "") == 0);
  // A 2023 document is not checked, and is told which file to fix: its base's.
  bool told = false;
  for (const auto& d : v.diagnostics.list.items())
    if (d.pos.path.find("2023") != std::string::npos && d.message.find("prov-2023") != std::string::npos) {
      CHECK_THAT(d.hint, Contains("prov-2022.yaml") && !Contains("prov-2023.yaml"));
      told = true;
    }
  CHECK(told);
}
