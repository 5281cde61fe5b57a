// The jury's decision (content/_beslut/<år>/<slag>.yaml): validated against the edition's
// submitted documents, published as a page and a print page, linked from the start page and
// the edition's comparison page.
#include <catch2/catch.hpp>

#include "pipeline/pipeline.h"
#include "scaffold/scaffold.h"
#include "support.h"

using namespace kvtest;
using Catch::Matchers::Contains;
using kv::Severity;

namespace {

struct WithDecision {
  TempDir dir;
  fs::path content = dir.path() / "content";
  fs::path templates = source_dir() / "templates";
  fs::path out = dir.path() / "output";
  fs::path decision = content / "_beslut/2018/kvalitetsutmarkelsen.yaml";
  WithDecision() { fs::copy(source_dir() / "content", content, fs::copy_options::recursive); }
  kv::Validated check() const { return kv::validate_content(options_for(content, templates)); }
  int build(std::string* errors = nullptr) const { return build_site(content, templates, out, errors); }
};

const char* kDecision =
    "datum: 2018-12-05\n"
    "vinnare:\n"
    "  - enhet: skarholmen-omsorg-om-aldre\n"
    "    motivering: |\n"
    "      Enheten följer upp <alla> mål & visar hur.\n"
    "\n"
    "      Ett andra stycke.\n";

}  // namespace

TEST_CASE("the jury's decision is a public page with the motivations, linked to the submission", "[decisions]") {
  WithDecision f;
  write(f.decision, kDecision);
  std::string errors;
  REQUIRE(f.build(&errors) == 0);
  INFO(errors);
  const fs::path page = f.out / "vinnare/2018/kvalitetsutmarkelsen/index.html";
  REQUIRE(fs::exists(page));
  const std::string html = read(page);
  CHECK_THAT(html, Contains("<h1>Vinnare i Kvalitetsutmärkelsen 2018</h1>"));
  CHECK_THAT(html, Contains("Beställarenheten omsorg om äldre"));
  // Plain text, escaped, in its paragraphs.
  CHECK_THAT(html, Contains("<p>Enheten följer upp &lt;alla&gt; mål &amp; visar hur.</p>") && Contains("<p>Ett andra stycke.</p>"));
  CHECK_THAT(html, Contains("Beslutat 5 december 2018."));
  const std::string href = "../../../2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen/index.html";
  CHECK_THAT(html, Contains("href=\"" + href + "\""));
  CHECK(fs::exists((page.parent_path() / href).lexically_normal()));
  CHECK_THAT(html, !Contains("Hedersomnämnanden"));  // none named: no empty section
  // Its print page, and the links to it from the start page and the edition's comparison page.
  CHECK_THAT(read(f.out / "vinnare/2018/kvalitetsutmarkelsen/utskrift.html"), Contains("Enheten följer upp &lt;alla&gt;"));
  CHECK_THAT(read(f.out / "index.html"), Contains("href=\"vinnare/2018/kvalitetsutmarkelsen/index.html\""));
  CHECK_THAT(read(f.out / "jamforelse/2018/kvalitetsutmarkelsen/index.html"),
             Contains("href=\"../../../vinnare/2018/kvalitetsutmarkelsen/index.html\""));
}

TEST_CASE("a site without a decision has no winners page and no link to one", "[decisions]") {
  WithDecision f;
  REQUIRE(f.build() == 0);
  CHECK(!fs::exists(f.out / "vinnare"));
  CHECK_THAT(read(f.out / "index.html"), !Contains("vinnare/"));
}

TEST_CASE("every problem of a decision is reported at its line, and the build keeps the old output", "[decisions]") {
  WithDecision f;
  REQUIRE(f.build() == 0);
  const std::string before = read(f.out / "index.html");
  write(f.decision,
        "vinnare:\n"
        "  - enhet: skarholmen-omsorg-om-aldr\n"      // line 2: a typo
        "    motivering: Bra.\n"
        "  - enhet: hagersten-alvsjo-hemtjanst\n"     // line 4: no document of this edition
        "    motivering: Bra.\n"
        "hedersomnämnanden:\n"
        "  - enhet: skarholmen-omsorg-om-aldre\n"
        "    motivering: \"  \"\n"                     // line 8: empty
        "  - enhet: skarholmen-omsorg-om-aldre\n"     // line 9: twice
        "    motivering: Igen.\n");
  write(f.content / "_beslut/2019/kvalitetsutmarkelsen.yaml", "vinnare: []\n");  // no such edition
  write(f.content / "_beslut/anteckningar.txt", "x\n");                          // not a decision
  const auto v = f.check();
  INFO(all_messages(v));
  const auto* typo = find(v, "det finns ingen enhet ”skarholmen-omsorg-om-aldr”");
  REQUIRE(typo);
  CHECK(typo->pos.line == 2);
  CHECK(typo->pos.col == 12);
  CHECK_THAT(typo->hint, Contains("skarholmen-omsorg-om-aldre"));
  const auto* other = find(v, "”hagersten-alvsjo-hemtjanst” har inget inlämnat dokument i 2018/kvalitetsutmarkelsen");
  REQUIRE(other);
  CHECK(other->pos.line == 4);
  const auto* empty = find(v, "”motivering” är tom");
  REQUIRE(empty);
  CHECK(empty->pos.line == 8);
  const auto* twice = find(v, "står redan i beslutet");
  REQUIRE(twice);
  CHECK(twice->pos.line == 9);
  CHECK(count(v, Severity::kError, "_beslut/2019/kvalitetsutmarkelsen.yaml", "inga inlämnade dokument i 2019/kvalitetsutmarkelsen") == 1);
  CHECK(count(v, Severity::kWarning, "_beslut/anteckningar.txt", "används inte") == 1);

  std::string errors;
  CHECK(f.build(&errors) == 1);
  CHECK(read(f.out / "index.html") == before);
  CHECK(!fs::exists(f.out / "vinnare"));
}

TEST_CASE("a draft cannot win", "[decisions][drafts]") {
  WithDecision f;
  kv::ScaffoldOptions o;
  o.unit = "ny-enhet";
  o.structure = "kvalitetsutmarkelsen-2018";
  o.name = "Nya enheten";
  o.administration = "Provstadens förvaltning";
  std::ostringstream out, err;
  REQUIRE(kv::run_scaffold(context_for(f.content, f.templates), o, out, err) == 0);
  write(f.decision, "vinnare:\n  - enhet: ny-enhet\n    motivering: Snart klar.\n");
  const auto v = f.check();
  INFO(all_messages(v));
  const auto* draft = find(v, "”ny-enhet” har bara ett utkast i 2018/kvalitetsutmarkelsen");
  REQUIRE(draft);
  CHECK(draft->severity == Severity::kError);
  CHECK_THAT(draft->hint, Contains("status: inlämnad"));
}
