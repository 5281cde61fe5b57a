// Editions of one award that change shape (tests/fixtures/editions): prov-2020 with three
// questions, prov-2022 with four in another order (föregående: prov-2020, motsvarar: per
// question), prov-2023 made from prov-2022 (bygger_på:, only the year stated). Questions
// correspond only as declared; other years' links and comparisons follow that and name the
// other question's title.
#include <catch2/catch.hpp>

#include "model/structure.h"
#include "support.h"
#include "validate/structure_file.h"

using namespace kvtest;
using Catch::Matchers::Contains;
using kv::Severity;
using kv::model::corresponding_part;

namespace {

struct Editions : StructuresFixture {
  Editions() : StructuresFixture("editions") {}
  kv::StructureSet structures(kv::Report& report) const { return kv::read_structures(templates / "structures", report); }
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
  kv::Report report;
  auto set = f.structures(report);
  INFO(all_messages(report));
  REQUIRE(report.diags.items().empty());
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
  kv::Report report;
  auto set = f.structures(report);
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
  kv::Report again;
  auto changed = f.structures(again);
  CHECK(get(changed, "prov-2023").name == "Nya utmärkelsen");
  CHECK(get(changed, "prov-2023").max_pages == 12);
  CHECK(get(changed, "prov-2023").questions().size() == 4);
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
  std::string y22 = read(f.structure("prov-2022"));
  replace(f.structure("prov-2022"), "        motsvarar: 1\n", "        motsvarar: 9\n");
  replace(f.structure("prov-2022"), "        motsvarar: ny\n", "");
  kv::Report report;
  f.structures(report);
  INFO(all_messages(report));
  CHECK(count(report, Severity::kError, "prov-2022.yaml", "Fråga 9 finns inte i prov-2020") == 1);
  CHECK(count(report, Severity::kWarning, "prov-2022.yaml", "Fråga 2 (”Hur vi lär av klagomål”) säger inte vilken fråga i prov-2020 den motsvarar") == 1);
  const auto* unknown = find(report, "Fråga 9 finns inte");
  REQUIRE(unknown);
  CHECK(unknown->hint.find("1\xE2\x80\x93" "3") != std::string::npos);
}

TEST_CASE("motsvarar needs a previous edition, and a named one must exist", "[editions]") {
  Editions f;
  replace(f.structure("prov-2022"), "föregående: prov-2020\n", "");
  replace(f.structure("prov-2023"), "bygger_på: prov-2022\n", "bygger_på: prov-2O22\n");
  kv::Report report;
  f.structures(report);
  INFO(all_messages(report));
  CHECK(count(report, Severity::kError, "prov-2022.yaml", "motsvarar: säger inte vilken struktur numret gäller") == 3);
  const auto* unknown = find(report, "det finns ingen struktur ”prov-2O22”");
  REQUIRE(unknown);
  CHECK(unknown->pos.path.find("prov-2023.yaml") != std::string::npos);
  CHECK(unknown->hint.find("prov-2022") != std::string::npos);  // did you mean
}

TEST_CASE("structures that build on each other in a ring are reported, not followed", "[editions]") {
  Editions f;
  replace(f.structure("prov-2022"), "föregående: prov-2020\n", "bygger_på: prov-2023\n");
  kv::Report report;
  kv::BrokenStructures broken;
  auto set = kv::read_structures(f.templates / "structures", report, &broken);
  INFO(all_messages(report));
  CHECK(count(report, Severity::kError, "prov-2022.yaml", "i en ring") == 1);
  CHECK(count(report, Severity::kError, "prov-2023.yaml", "i en ring") == 1);
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
  CHECK(v.report.diags.error_count() == 1);
  const auto* d = find(v, "Provutmärkelsen 2022 följer här strukturen prov-2022b, men Provenheten följer prov-2022");
  REQUIRE(d);
  CHECK(d->pos.path.find("annanenhet/2022/prov/inlamning.yaml") != std::string::npos);
  CHECK(d->hint.find("struktur: prov-2022") != std::string::npos);
}
