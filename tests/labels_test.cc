// Part labels that are not whole numbers ("1.1"): prov-2023 of the editions fixture rewritten
// with its questions numbered 1.1, 1.2, 2.1, 2.2 in that declared order, each corresponding
// to a question of prov-2022. Files say `fråga: "1.1"`, pages live at fraga-1-1/, and every
// text a reader sees names the part by its label.
#include <catch2/catch.hpp>

#include "model/structure.h"
#include "scaffold/files.h"
#include "support.h"
#include "validate/structure_file.h"

using namespace kvtest;
using Catch::Matchers::Contains;
using kv::Severity;

namespace {

const char* const kLabelled = R"(# The 2023 edition, its questions numbered by area.
id: prov-2023
bygger_på: prov-2022
år: 2023
områden:
  - titel: Mål och resultat
    frågor:
      - nr: "1.1"
        titel: Våra mål för 2023
        motsvarar: 1
        kräver: {mål: 1}
      - nr: "1.2"
        titel: Hur vi lär av klagomål
        motsvarar: 2
  - titel: Brukarna och omvärlden
    frågor:
      - nr: "2.1"
        titel: Hur vi arbetar med bemötande och delaktighet
        motsvarar: 3
      - nr: "2.2"
        titel: Styrkor, svagheter, möjligheter och hot
        motsvarar: 4
        kräver: {styrkor: 1, svagheter: 1, möjligheter: 1, hot: 1}
)";

struct Labelled : StructuresFixture {
  Labelled() : StructuresFixture("editions") {
    write(structure("prov-2023"), kLabelled);
    const fs::path doc = content / "provenhet/2023/prov";
    const std::pair<const char*, const char*> labels[] = {{"1", "1.1"}, {"2", "1.2"}, {"3", "2.1"}, {"4", "2.2"}};
    for (const auto& [number, label] : labels)
      replace(doc / ("fraga-0" + std::string(number) + ".md"), "fråga: " + std::string(number) + "\n",
              "fråga: \"" + std::string(label) + "\"\n");
  }
  const kv::model::Structure& y23(kv::StructureSet& set) {
    kv::Diagnostics diagnostics;
    set = kv::read_structures(templates / "structures", diagnostics);
    INFO(all_messages(diagnostics));
    REQUIRE(diagnostics.list.items().empty());
    return *set.at("prov-2023");
  }
};

}  // namespace

TEST_CASE("labels that are not whole numbers keep the declared order and correspond as declared", "[labels]") {
  Labelled f;
  kv::StructureSet set;
  const auto& s = f.y23(set);
  const auto parts = s.questions();
  REQUIRE(parts.size() == 4);
  CHECK(parts[0]->label == "1.1");
  CHECK(parts[3]->label == "2.2");
  CHECK(parts[0]->number == 1);  // the place in the declared order
  CHECK(parts[3]->number == 4);
  CHECK(s.find_label("2.1") == parts[2]);
  CHECK(s.find_label("2") == nullptr);
  CHECK(s.part_slug(2) == "fraga-1-2");
  CHECK(s.label(3) == "2.1");
  CHECK(kv::model::corresponding_part(s, 2, *set.at("prov-2022")) == 2);   // 1.2 → 2022's question 2
  CHECK(kv::model::corresponding_part(s, 1, *set.at("prov-2020")) == 2);   // 1.1 → 2020's "Våra mål"
  // kvalitet ny writes the label as text, so YAML keeps "1.1" (not the number 1.1).
  const std::string file = kv::scaffold::part_file(s, *parts[1], kv::Lang::kSv);
  CHECK(file.rfind("---\nfråga: \"1.2\"\n", 0) == 0);
}

TEST_CASE("a document of a labelled structure builds with its parts named by label", "[labels]") {
  Labelled f;
  std::string errors;
  const int status = f.build(&errors);
  INFO(errors);
  REQUIRE(status == 0);
  const std::string page = read(f.out / "2023/provenhet/prov/fraga-1-2/index.html");
  CHECK_THAT(page, Contains("1.2."));
  CHECK_THAT(page, Contains("Hur vi lär av klagomål"));
  // Its counterpart a year earlier, and from there forward again by label.
  CHECK_THAT(page, Contains("2022/provenhet/prov/fraga-02/index.html"));
  CHECK_THAT(read(f.out / "2022/provenhet/prov/fraga-02/index.html"), Contains("Fråga 1.2"));
  CHECK_THAT(read(f.out / "jamforelse/2023/prov/fraga-2-1/index.html"), Contains("2.1"));
  CHECK(!fs::exists(f.out / "2023/provenhet/prov/fraga-02"));
}

TEST_CASE("a part file naming a label the structure lacks is reported with the labels it has", "[labels]") {
  Labelled f;
  replace(f.content / "provenhet/2023/prov/fraga-02.md", "fråga: \"1.2\"", "fråga: \"3.1\"");
  auto v = f.run();
  INFO(all_messages(v));
  const auto* unknown = find(v, "fråga 3.1 finns inte i Provutmärkelsen 2023");
  REQUIRE(unknown);
  CHECK_THAT(unknown->hint, Contains("1.1 till 2.2"));
  // … and the part it should have answered is missing, by label, with the front matter to write.
  const auto* missing = find(v, "1.2");
  REQUIRE(missing);
  CHECK_THAT(missing->hint, Contains("fraga-1-2.md"));
  CHECK_THAT(missing->hint, Contains("fråga: \"1.2\""));
}

TEST_CASE("a part file named by one label whose front matter says another gets one error, at the label (issue 31)", "[labels]") {
  Labelled f;
  const fs::path doc = f.content / "provenhet/2023/prov";
  // Named as kvalitet ny names them: fraga-1-1.md, fraga-1-2.md.
  fs::rename(doc / "fraga-01.md", doc / "fraga-1-1.md");
  fs::rename(doc / "fraga-02.md", doc / "fraga-1-2.md");
  replace(doc / "fraga-1-1.md", "fråga: \"1.1\"", "fråga: \"1.2\"");
  auto v = f.run();
  INFO(all_messages(v));
  REQUIRE(v.diagnostics.list.items().size() == 1);
  const auto& d = v.diagnostics.list.items().front();
  CHECK_THAT(d.pos.path, Contains("fraga-1-1.md"));
  CHECK(d.pos.line == 2);
  CHECK(d.message == "numret i front matter (fråga: \"1.2\") stämmer inte med filnamnet fraga-1-1.md (fråga 1.1)");
  CHECK(d.hint == "ändra det ena: skriv fråga: \"1.1\" eller byt namn på filen till fraga-1-2.md");
}

TEST_CASE("labels that cannot be used are reported where they are written", "[labels]") {
  Labelled f;
  replace(f.structure("prov-2023"), "nr: \"2.1\"", "nr: \"2 1\"");
  replace(f.structure("prov-2023"), "nr: \"2.2\"", "nr: \"1.1\"");
  replace(f.structure("prov-2023"), "motsvarar: 2\n", "motsvarar: 9\n");
  kv::Diagnostics diagnostics;
  kv::read_structures(f.templates / "structures", diagnostics);
  INFO(all_messages(diagnostics));
  CHECK(count(diagnostics, Severity::kError, "prov-2023.yaml", "nr: ”2 1” kan inte vara numret på en del") == 1);
  CHECK(count(diagnostics, Severity::kError, "prov-2023.yaml", "fråga 1.1 finns redan i prov-2023") == 1);
  CHECK(count(diagnostics, Severity::kError, "prov-2023.yaml", "Fråga 9 finns inte i prov-2022") == 1);
}
