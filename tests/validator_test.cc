// The validate stage: one test per rule, each on a copy of the valid fixture broken in
// exactly one way.
#include <catch2/catch.hpp>

#include "support.h"
#include "validate/submission.h"

using namespace kvtest;
using kv::Severity;

namespace {

struct Broken {
  TempDir dir;
  fs::path content = dir.path() / "content";
  fs::path sub = submission_dir(content);
  Broken() { copy_fixture("valid", content); }
  kv::Validated run() { return check(content); }
};

}  // namespace

TEST_CASE("the valid fixture has no problems") {
  Broken f;
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.items().empty());
  REQUIRE(v.site.submissions.size() == 1);
  CHECK(v.site.submissions[0].answers.size() == 3);
}

TEST_CASE("rule: a missing question names its number and title") {
  Broken f;
  fs::remove(f.sub / "fraga-02.md");
  auto v = f.run();
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(count(v, Severity::kError, "prov", "fråga 2 saknas: ”Våra mål”") == 1);
}

TEST_CASE("rule: a question answered twice") {
  Broken f;
  fs::copy_file(f.sub / "fraga-02.md", f.sub / "fraga-02-kopia.md");
  auto v = f.run();
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(count(v, Severity::kError, "fraga-02.md", "finns redan i") == 1);
}

TEST_CASE("rule: a question not in the structure") {
  Broken f;
  write(f.sub / "fraga-09.md", "---\nfråga: 9\n---\nText.\n");
  auto v = f.run();
  CHECK(v.diagnostics.list.error_count() == 1);
  const auto* d = find(v, "fråga 9 finns inte");
  REQUIRE(d);
  CHECK(d->hint.find("från 1 till 3") != std::string::npos);
}

TEST_CASE("rule: a required part is missing") {
  Broken f;
  replace(f.sub / "fraga-02.md", "```mål", "```index");
  replace(f.sub / "fraga-02.md", "mål: Budgeten är i balans\nförväntat_resultat: >\n  att budgeten är i balans.\narbetssätt: >\n  följa kostnaderna varje månad.\nuppföljning: >\n  månatligen med controller.\n",
          "namn: AMI\nvärden:\n  - år: 2020\n    värde: 76\n");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(count(v, Severity::kError, "fraga-02.md", "saknar ”mål”") == 1);
}

TEST_CASE("rule: a missing SWOT part is an error naming the part") {
  Broken f;
  replace(f.sub / "fraga-03.md", "::: hot\nHög personalomsättning.\n:::\n", "");
  auto v = f.run();
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(count(v, Severity::kError, "fraga-03.md", "saknar ”hot”") == 1);
}

namespace {

// fraga-01 without its Exempel: the recommendation it waives (undantag:, validate/waivers.h).
struct WithoutExample : Broken {
  WithoutExample() { drop_example(sub / "fraga-01.md"); }
  void front_matter(const std::string& lines) { replace(sub / "fraga-01.md", "fråga: 1\n", "fråga: 1\n" + lines); }
};

}  // namespace

TEST_CASE("rule: a missing recommended Exempel is a warning – not an error") {
  WithoutExample f;
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 0);
  CHECK(count(v, Severity::kWarning, "fraga-01.md", "saknar ”exempel”") == 1);
}

TEST_CASE("rule: a recommended part waived with a reason is not warned about") {
  WithoutExample f;
  f.front_matter("undantag:\n  exempel: Frågan besvaras med en beskrivning av arbetssättet.\n");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.items().empty());
}

TEST_CASE("rule: a waiver needs a reason, names a known part, and cannot waive a requirement") {
  WithoutExample f;
  f.front_matter("undantag:\n  exempel: \"\"\n");
  replace(f.sub / "fraga-02.md", "fråga: 2\n", "fråga: 2\nundantag:\n  mål: Inga mål i år.\n  exmpel: Skäl.\n");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(count(v, Severity::kError, "fraga-01.md", "”exempel” är tom") == 1);
  CHECK(count(v, Severity::kWarning, "fraga-01.md", "saknar ”exempel”") == 1);  // an empty reason waives nothing
  const auto* required = find(v, "”mål” krävs i den här delen och kan inte undantas");
  REQUIRE(required);
  CHECK(required->pos.line == 4);
  CHECK(required->severity == Severity::kError);
  const auto* unknown = find(v, "okänd nyckel ”exmpel”");
  REQUIRE(unknown);
  CHECK(unknown->hint.find("exempel") != std::string::npos);
}

TEST_CASE("rule: a waiver with nothing to waive is a warning") {
  Broken f;  // fraga-01 has its Exempel; fraga-03 recommends none
  replace(f.sub / "fraga-01.md", "fråga: 1\n", "fråga: 1\nundantag:\n  exempel: Skäl.\n");
  replace(f.sub / "fraga-03.md", "fråga: 3\n", "fråga: 3\nundantag:\n  årshjul: Skäl.\n");
  auto v = f.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 0);
  CHECK(count(v, Severity::kWarning, "fraga-01.md", "undantaget för ”exempel” behövs inte: svaret har den redan") == 1);
  CHECK(count(v, Severity::kWarning, "fraga-03.md", "undantaget för ”årshjul” behövs inte: delen rekommenderar ingen sådan") == 1);
}

TEST_CASE("rule: an unknown key gets one error with a did-you-mean") {
  Broken f;
  replace(f.sub / "fraga-02.md", "förväntat_resultat:", "förväntat_reslutat:");
  auto v = f.run();
  CHECK(v.diagnostics.list.error_count() == 1);
  const auto* d = find(v, "okänd nyckel ”förväntat_reslutat”");
  REQUIRE(d);
  CHECK(d->pos.line == 9);
  CHECK(d->pos.col == 1);
  CHECK(d->message.find("fråga 2 (”Våra mål”)") != std::string::npos);
  CHECK(d->hint.find("förväntat_resultat") != std::string::npos);
}

TEST_CASE("rule: a missing required key") {
  Broken f;
  replace(f.sub / "fraga-02.md", "uppföljning: >\n  månatligen med controller.\n", "");
  auto v = f.run();
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(count(v, Severity::kError, "fraga-02.md", "”uppföljning” saknas") == 1);
}

TEST_CASE("rule: a duplicated key") {
  Broken f;
  replace(f.sub / "fraga-02.md", "mål: Budgeten är i balans\n", "mål: Budgeten är i balans\nmål: Igen\n");
  auto v = f.run();
  CHECK(count(v, Severity::kError, "fraga-02.md", "förekommer mer än en gång") == 1);
}

TEST_CASE("rule: wrong YAML type (a list where a text belongs)") {
  Broken f;
  replace(f.sub / "fraga-02.md", "förväntat_resultat: >\n  att budgeten är i balans.\n", "förväntat_resultat:\n  - a\n  - b\n");
  auto v = f.run();
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(count(v, Severity::kError, "fraga-02.md", "ska vara en text") == 1);
}

TEST_CASE("rule: a list expected but a text given") {
  Broken f;
  replace(f.sub / "fraga-02.md", "värden:\n  - år: 2019", "värden: 2019\nx:\n  - år: 2019");
  auto v = f.run();
  CHECK(count(v, Severity::kError, "fraga-02.md", "”värden” ska vara en lista") == 1);
}

TEST_CASE("rule: an empty answer") {
  Broken f;
  write(f.sub / "fraga-03.md", "---\nfråga: 3\n---\n\n   \n");
  auto v = f.run();
  CHECK(count(v, Severity::kError, "fraga-03.md", "fråga 3 (”Styrkor, svagheter, möjligheter och hot”) är inte besvarad än") == 1);
  CHECK(v.diagnostics.list.error_count() == 1);  // not also "saknar ”styrkor”" and so on
}

TEST_CASE("rule: a malformed e-mail address") {
  Broken f;
  replace(f.sub / "inlamning.yaml", "anna.andersson@stockholm.se", "anna.andersson(at)stockholm");
  auto v = f.run();
  CHECK(v.diagnostics.list.error_count() == 1);
  const auto* d = find(v, "ingen giltig e-postadress");
  REQUIRE(d);
  CHECK(d->pos.line == 3);
  CHECK(d->pos.col == 9);
}

TEST_CASE("rule: a malformed phone number") {
  Broken f;
  replace(f.sub / "inlamning.yaml", "08-508 00 000", "ring växeln");
  auto v = f.run();
  CHECK(v.diagnostics.list.error_count() == 1);
  CHECK(count(v, Severity::kError, "inlamning.yaml", "inget giltigt telefonnummer") == 1);
}

TEST_CASE("rule: a number that is not a number") {
  Broken f;
  replace(f.sub / "fraga-02.md", "budget: 277,76", "budget: ca 277");
  auto v = f.run();
  CHECK(v.diagnostics.list.error_count() == 1);
  const auto* d = find(v, "”budget” är inte ett tal");
  REQUIRE(d);
  CHECK(d->pos.line == 21);  // the budget line of the ekonomi block
}

TEST_CASE("rule: a whole number that is not whole") {
  Broken f;
  replace(f.sub / "inlamning.yaml", "antal_anställda: 12", "antal_anställda: cirka 12");
  auto v = f.run();
  CHECK(count(v, Severity::kError, "inlamning.yaml", "är inte ett heltal") == 1);
}

TEST_CASE("rule: a percentage outside 0–100") {
  Broken f;
  replace(f.sub / "fraga-01.md", "totalt: 76", "totalt: 176");
  auto v = f.run();
  CHECK(count(v, Severity::kError, "fraga-01.md", "mellan 0 och 100") == 1);
}

TEST_CASE("rule: a missing administrative field") {
  Broken f;
  replace(f.sub / "inlamning.yaml", "kontaktperson: Anna Andersson\n", "");
  auto v = f.run();
  CHECK(count(v, Severity::kError, "inlamning.yaml", "”kontaktperson” saknas") == 1);
}

TEST_CASE("rule: a question file without front matter") {
  Broken f;
  write(f.sub / "fraga-03.md", "Bara text.\n");
  auto v = f.run();
  CHECK(count(v, Severity::kError, "fraga-03.md", "saknar front matter") == 1);
}

TEST_CASE("rule: a YAML syntax error is reported at its line") {
  Broken f;
  replace(f.sub / "fraga-02.md", "mål: Budgeten är i balans", "mål: [Budgeten");
  auto v = f.run();
  const auto* d = find(v, "YAML-syntaxfel");
  REQUIRE(d);
  CHECK(d->pos.path.find("fraga-02.md") != std::string::npos);
  CHECK(d->pos.line >= 8);
}

TEST_CASE("rule: raw HTML in Markdown is a warning") {
  Broken f;
  replace(f.sub / "fraga-01.md", "Vi lyssnar på brukarna.", "Vi lyssnar <script>alert(1)</script> på brukarna.");
  auto v = f.run();
  CHECK(v.diagnostics.list.error_count() == 0);
  const auto* d = find(v, "HTML i texten");
  REQUIRE(d);
  CHECK(d->pos.line == 5);
}

TEST_CASE("rule: months of the årshjul must be known and in order") {
  Broken f;
  replace(f.sub / "fraga-03.md", "::: styrkor\n", "::: styrkor\n```årshjul\nmars: a\njanuari: b\nfebruary: c\n```\n");
  auto v = f.run();
  CHECK(count(v, Severity::kError, "fraga-03.md", "står efter en senare månad") == 1);
  const auto* d = find(v, "okänd nyckel ”february”");
  REQUIRE(d);
  CHECK(d->hint.find("februari") != std::string::npos);
}

TEST_CASE("rule: an economy result that does not add up is a warning") {
  Broken f;
  replace(f.sub / "fraga-02.md", "resultat: 1,3", "resultat: 13");
  auto v = f.run();
  CHECK(v.diagnostics.list.error_count() == 0);
  // The difference as the figures are written: two decimals, a decimal comma (not "1.260000").
  CHECK(count(v, Severity::kWarning, "fraga-02.md", "resultatet 13 stämmer inte med budget minus utfall (1,26)") == 1);
}

TEST_CASE("rule: a missing introduction when the structure requires one") {
  Broken f;
  fs::remove(f.sub / "inledning.md");
  auto v = f.run();
  CHECK(count(v, Severity::kError, "inledning.md", "inledningen saknas") == 1);
}

TEST_CASE("rule: a figure whose image file does not exist") {
  Broken f;
  replace(f.sub / "fraga-03.md", "::: styrkor\n", "```bild\nbildtext: Skiss\nfil: skiss.png\n```\n\n::: styrkor\n");
  auto v = f.run();
  CHECK(count(v, Severity::kError, "fraga-03.md", "bildfilen ”skiss.png” finns inte") == 1);
  write(f.sub / "skiss.png", "png");
  CHECK(check(f.content).diagnostics.list.error_count() == 0);
}

TEST_CASE("rule: a figure with an empty caption has no alt text") {
  Broken f;
  write(f.sub / "skiss.png", "png");
  replace(f.sub / "fraga-03.md", "::: styrkor\n", "```bild\nbildtext: \"\"\nfil: skiss.png\n```\n\n::: styrkor\n");
  auto v = f.run();
  CHECK(count(v, Severity::kError, "fraga-03.md", "bilden saknar alt-text") == 1);
  const auto* d = find(v, "bilden saknar alt-text");
  REQUIRE(d);
  CHECK(d->pos.line > 0);
  CHECK_THAT(d->hint, Catch::Matchers::Contains("vad bilden visar"));
}

TEST_CASE("rule: folder names must work as web addresses") {
  Broken f;
  fs::rename(f.content / "provenhet", f.content / "Prov Enhet");
  auto v = f.run();
  const auto* d = find(v, "kan inte bli en webbadress");
  REQUIRE(d);
  CHECK(d->hint.find("prov-enhet") != std::string::npos);
}

TEST_CASE("rule: an unknown structure suggests the closest") {
  Broken f;
  write(f.sub / "inlamning.yaml", read(f.sub / "inlamning.yaml") + "struktur: prov-2002\n");
  auto v = f.run();
  const auto* d = find(v, "det finns ingen struktur ”prov-2002”");
  REQUIRE(d);
  CHECK(d->hint.find("prov-2020") != std::string::npos);
}

TEST_CASE("rule: a missing enhet.yaml") {
  Broken f;
  fs::remove(f.content / "provenhet" / "enhet.yaml");
  auto v = f.run();
  CHECK(count(v, Severity::kError, "enhet.yaml", "saknar enhet.yaml") == 1);
}

TEST_CASE("every problem is reported in one run – in file order") {
  TempDir dir;
  auto v = check(fixtures() / "broken");
  CHECK(v.diagnostics.list.error_count() == 4);
  const auto& items = v.diagnostics.list.items();
  REQUIRE(items.size() == 4);
  CHECK(items[0].pos.path.find("fraga-01.md") != std::string::npos);
  CHECK(items[3].pos.path.find("inlamning.yaml") != std::string::npos);
}

TEST_CASE("diagnostics are in English when asked") {
  Broken f;
  fs::remove(f.sub / "fraga-02.md");
  auto options = options_for(f.content);
  options.lang = kv::Lang::kEn;
  auto v = kv::validate_content(options);
  CHECK(find(v, "question 2 is missing: ‘Våra mål’"));
}

TEST_CASE("admin value types") {
  CHECK(kv::valid_admin_value("e-post", "frida.e.petersson@stockholm.se"));
  CHECK_FALSE(kv::valid_admin_value("e-post", "frida@stockholm"));
  CHECK_FALSE(kv::valid_admin_value("e-post", "frida @stockholm.se"));
  CHECK(kv::valid_admin_value("telefon", "08-508 24 512"));
  CHECK(kv::valid_admin_value("telefon", "+46 8 508 24 512"));
  CHECK_FALSE(kv::valid_admin_value("telefon", "08-508"));
  CHECK_FALSE(kv::valid_admin_value("telefon", "08 508 24 512 ank. 3"));
}
