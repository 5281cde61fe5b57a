// An activity report's goal hierarchy as the city's Word template prints it, recognised by the
// importer (import/report_blocks.h). tests/import_word_test.py imports a whole report made with
// python-docx and checks it with `kvalitet check`.
#include <catch2/catch.hpp>

#include "import/report_blocks.h"
#include "import/split_parts.h"
#include "support.h"
#include "validate/structure_file.h"

using namespace kvtest;
using Catch::Matchers::Contains;
using kv::import::recognise_report_blocks;

namespace {

const kv::StructureSet& structures() {
  static const kv::StructureSet set = [] {
    kv::Diagnostics diagnostics;
    return kv::read_structures(source_dir() / "templates" / "structures", diagnostics);
  }();
  return set;
}
const kv::model::Structure& report_2024() { return *structures().at("verksamhetsberattelse-2024"); }

// Pandoc's pipe table for the template's indicator table, an analysis in a merged row under
// each indicator (as the importer's Word filter flattens merged cells).
const std::string kIndicators =
    "|  | Indikator | Periodens utfall | Utfall män/ pojkar | Utfall kvinnor/ flickor | Utfall VB 2023 | Årsmål | KF:s årsmål | Period |\n"
    "|---|---|---|---|---|---|---|---|---|\n"
    "|  | Andel nöjda omsorgstagare | 83 % | 80 % | 85 % | 84 % | 87 % | 87 % | 2024 |\n"
    "| **Analys** Vi har arbetat med planeringen. |  |  |  |  |  |  |  |  |\n"
    "|  | Antal personal en hemtjänsttagare möter | 13 |  |  | 12,02 | 10 | Max 10 personer | VB 2024 |\n"
    "| Analys: Kontinuiteten brast vid sjukfrånvaro. |  |  |  |  |  |  |  |  |\n";

}  // namespace

TEST_CASE("a KF goal line and its status become a kf-mål block — a goal the structure lacks stays prose", "[import][report]") {
  const std::string out = recognise_report_blocks(
      "**KF:s mål för verksamhetsområdet: 1.4 Stockholm ska vara en bra stad att åldras i**\n\nInga data\n\nText efter.\n",
      report_2024());
  CHECK_THAT(out, Contains("```kf-mål\n# KF:s mål för verksamhetsområdet: 1.4 Stockholm ska vara en bra stad att åldras i\n"
                           "nr: \"1.4\"\nstatus: \"inga data\"\n```"));
  CHECK_THAT(out, Contains("\nText efter.\n"));
  const std::string unknown = "**KF:s mål för verksamhetsområdet: 9.9 Ett mål som inte finns**\n";
  CHECK(recognise_report_blocks(unknown, report_2024()) == unknown);
}

TEST_CASE("an indicator table becomes one indikator block per row, each merged Analys row its analysis", "[import][report]") {
  const std::string out = recognise_report_blocks(kIndicators, report_2024());
  CHECK_THAT(out, !Contains("| Indikator"));
  CHECK_THAT(out, Contains("```indikator\nindikator: \"Andel nöjda omsorgstagare\"\nenhet: \"%\"\nutfall: 83\nmän: 80\n"
                           "kvinnor: 85\nvb: 84\nårsmål: 87\nkf_årsmål: 87\nperiod: \"2024\"\nanalys: >\n  Vi har arbetat med planeringen.\n```"));
  // No per cent sign: a count; "Max …" as KF:s årsmål: lower is better, the text kept.
  CHECK_THAT(out, Contains("indikator: \"Antal personal en hemtjänsttagare möter\"\nenhet: \"antal\"\nriktning: \"lägre\"\nutfall: 13\n"
                           "vb: \"12,02\"\nårsmål: 10\nkf_årsmål: \"Max 10 personer\"\nperiod: \"VB 2024\"\n"
                           "analys: >\n  Kontinuiteten brast vid sjukfrånvaro.\n"));
}

TEST_CASE("an indicator's Analys after its table is its analysis — a table with a figure that is none stays a table", "[import][report]") {
  const std::string table =
      "| Indikator | Periodens utfall | Årsmål | Period |\n|---|---|---|---|\n| Andel trygga | 81 % | 90 % |  |\n";
  const std::string out = recognise_report_blocks(table + "\n**Analys**\n\nFler känner sig trygga.\n\nAndra stycket.\n", report_2024());
  // An empty period is the report's year.
  CHECK_THAT(out, Contains("period: \"2024\"\nanalys: |\n  Fler känner sig trygga.\n\n  Andra stycket.\n```"));
  const std::string words = "| Indikator | Periodens utfall | Årsmål |\n|---|---|---|\n| Andel trygga | Inga data | 90 % |\n";
  CHECK(recognise_report_blocks(words, report_2024()) == words);
  const std::string empty = "| Indikator | Periodens utfall | Årsmål |\n|---|---|---|\n| Andel trygga |  | 90 % |\n";
  CHECK_THAT(recognise_report_blocks(empty, report_2024()), Contains("utfall:\n"));  // for check to ask
}

TEST_CASE("Nämndmål with its description and expected results, activities, and Enhetsmål become their blocks", "[import][report]") {
  const std::string text =
      "**Nämndmål: Äldre har ett tryggt liv**\n\n**Beskrivning**\n\nMålet nås genom förebyggande arbete.\n\nAndra stycket.\n\n"
      "**Förväntat resultat**\n\n-   Ökad trygghet.\n\n-   Ökat välbefinnande\n    hos seniorer.\n\n"
      "|  | Aktivitet | Startdatum | Slutdatum | Avvikelse |\n|---|---|---|---|---|\n"
      "|  | Utveckla välfärdstekniken. | 2024-01-01 | 2024-12-31 |  |\n| Analys Digitala nycklar är infört. |  |  |  |  |\n"
      "|  | Utveckla samverkan. | 2024-02-01 | 2024-12-31 | Avvikelse |\n\n"
      "**Enhetsmål: Kunden är delaktig**\n\nUppfylls delvis\n\n**Förväntat resultat**\n\nÖkad kontinuitet.\n\nFler nöjda.\n\n"
      "**Analys**\n\nVi har sett över planeringen.\n\n## Nästa rubrik\n\nText.\n";
  const std::string out = recognise_report_blocks(text, report_2024());
  CHECK_THAT(out, Contains("```nämndmål\nnämndmål: \"Äldre har ett tryggt liv\"\nbeskrivning: |\n  Målet nås genom förebyggande arbete.\n\n"
                           "  Andra stycket.\nförväntat_resultat:\n  - \"Ökad trygghet.\"\n  - \"Ökat välbefinnande hos seniorer.\"\n```"));
  CHECK_THAT(out, Contains("```aktivitet\naktivitet: \"Utveckla välfärdstekniken.\"\nstartdatum: \"2024-01-01\"\nslutdatum: \"2024-12-31\"\n"
                           "avvikelse: false\nanalys: >\n  Digitala nycklar är infört.\n```"));
  CHECK_THAT(out, Contains("aktivitet: \"Utveckla samverkan.\"\nstartdatum: \"2024-02-01\"\nslutdatum: \"2024-12-31\"\navvikelse: true\n```"));
  CHECK_THAT(out, Contains("```enhetsmål\nenhetsmål: \"Kunden är delaktig\"\nstatus: \"uppfylls delvis\"\nförväntat_resultat:\n"
                           "  - \"Ökad kontinuitet.\"\n  - \"Fler nöjda.\"\nanalys: >\n  Vi har sett över planeringen.\n```"));
  CHECK_THAT(out, Contains("```\n\n## Nästa rubrik\n\nText.\n"));  // the goal's texts end at the heading
  // A unit goal without its status line: the key is written empty, for check to ask.
  CHECK_THAT(recognise_report_blocks("Enhetsmål: Trygg hemma\n\nAnalys\n\nBättre.\n", report_2024()),
             Contains("enhetsmål: \"Trygg hemma\"\nstatus:\nanalys: >\n  Bättre.\n"));
}

TEST_CASE("report goals are not looked for in a document that is no report — an area heading is never a part's text", "[import][report]") {
  const auto& award = *structures().at("kvalitetsutmarkelsen-2018");
  CHECK(recognise_report_blocks(kIndicators, award) == kIndicators);
  const std::string nb = "Nämndmål: Äldre har ett tryggt liv\n";
  CHECK(recognise_report_blocks(nb, award) == nb);
  // The area's heading before the first section is the structure's, printed by the site.
  const auto doc = kv::import::split_parts(
      "# Uppföljning av Kommunfullmäktiges inriktningsmål\n\n## KF:s inriktningsmål: 1. Ett Stockholm som håller samman med en "
      "stark och jämlik välfärd i hela staden\n\nText.\n",
      report_2024());
  CHECK(doc.intro.empty());
  CHECK(doc.parts.at(4) == "Text.\n");
}
