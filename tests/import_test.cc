// Splitting a converted Word document at the structure's part headings (import/split_parts.h):
// labels and titles, parts out of order, a part met twice, the introduction, Exempel paragraphs.
// tests/import_roundtrip.py converts real .docx files with pandoc.
#include <catch2/catch.hpp>

#include "import/split_parts.h"
#include "import/table_blocks.h"
#include "support.h"
#include "validate/structure_file.h"

using namespace kvtest;
using Catch::Matchers::Contains;

namespace {

const kv::model::Structure& award_2018() {
  static const kv::StructureSet set = [] {
    kv::Diagnostics report;
    return kv::read_structures(source_dir() / "templates" / "structures", report);
  }();
  return *set.at("kvalitetsutmarkelsen-2018");
}

}  // namespace

TEST_CASE("a heading names its part by label, with or without the part word, or by its title", "[import]") {
  const auto& s = award_2018();
  CHECK(kv::import::part_of_heading("# Fråga 7. " + s.find_question(7)->title, s) == 7);
  CHECK(kv::import::part_of_heading("## 12 Något annat", s) == 12);
  CHECK(kv::import::part_of_heading("**Fråga 3:**", s) == 3);
  CHECK(kv::import::part_of_heading("# " + s.find_question(9)->title, s) == 9);  // no number: the title
  std::string typo = s.find_question(15)->title;
  typo[3] = 'x';
  CHECK(kv::import::part_of_heading("# " + typo, s) == 15);  // a letter off
  CHECK(kv::import::part_of_heading("## Bemötande är grunden", s) == 0);
  CHECK(kv::import::part_of_heading("# Fråga 99", s) == 0);
}

TEST_CASE("a document splits into its introduction and parts – out of order and twice named kept apart", "[import]") {
  const auto& s = award_2018();
  const std::string md =
      "Inledande text.\n\n# Fråga 2. Delaktighet\n\nText två.\n\n## Underrubrik\n\nMer två.\n\n"
      "# Fråga 1\n\nText ett.\n\n# Fråga 2 igen\n\nDubblett.\n";
  const auto doc = kv::import::split_parts(md, s);
  CHECK(doc.intro == "Inledande text.\n");
  REQUIRE(doc.parts.size() == 2);
  CHECK(doc.parts.at(2) == "Text två.\n\n## Underrubrik\n\nMer två.\n");
  CHECK(doc.parts.at(1) == "Text ett.\n");
  CHECK(doc.reordered == std::vector<int>{1});
  CHECK_THAT(doc.unplaced, Contains("Fråga 2 igen"));
  CHECK_THAT(doc.unplaced, Contains("Dubblett."));
}

TEST_CASE("a paragraph or section led by Exempel becomes an exempel container", "[import]") {
  // A bold lead: the paragraph after it.
  CHECK(kv::import::mark_examples("Före.\n\n**Exempel**\n\nEtt exempel\npå två rader.\n\nEfter.\n") ==
        "Före.\n\n::: exempel\n\nEtt exempel\npå två rader.\n:::\n\nEfter.\n");
  // A heading: up to the next heading.
  CHECK(kv::import::mark_examples("### Exempel\n\nEtt.\n\nTvå.\n\n## Nästa\n\nEfter.\n") ==
        "::: exempel\n\nEtt.\n\nTvå.\n\n:::\n\n## Nästa\n\nEfter.\n");
  // "Exempel:" and its paragraph.
  CHECK(kv::import::mark_examples("Exempel: Vi ringer alla.\n\nSedan.\n") == "::: exempel\nVi ringer alla.\n:::\n\nSedan.\n");
  CHECK(kv::import::mark_examples("Exempel: Vi ringer alla.\n") == "::: exempel\nVi ringer alla.\n:::\n");
  // The label run into its paragraph, as Word keeps a bold word: the text is kept.
  CHECK(kv::import::mark_examples("**Exempel** Vi ringer\nalla.\n\nSedan.\n") == "::: exempel\nVi ringer\nalla.\n:::\n\nSedan.\n");
  CHECK(kv::import::mark_examples("Exempelvis ringer vi.\n") == "Exempelvis ringer vi.\n");
  CHECK(kv::import::mark_examples("Exemplen visar.\n") == "Exemplen visar.\n");
}

TEST_CASE("tables shaped like economy – index and survey tables become those blocks", "[import]") {
  using kv::import::recognise_tables;
  CHECK(recognise_tables("| År | Budget (mnkr) | Utfall | Resultat |\n|---|---|---|---|\n| 2016 | 306,7 | 303,2 | 3,5 |\n") ==
        "```ekonomi\nenhet: \"mnkr\"\nvärden:\n  - år: 2016\n    budget: \"306,7\"\n    utfall: \"303,2\"\n    resultat: \"3,5\"\n```\n");
  CHECK(recognise_tables("| År | AMI | Motivation |\n|:--|--:|--:|\n| 2018 | 76 | 80 |\n| 2017 | 68 |  |\n") ==
        "```index\nnamn: \"AMI\"\nvärden:\n  - år: 2018\n    värde: 76\n    delindex: {\"Motivation\": 80}\n  - år: 2017\n    värde: 68\n```\n");
  CHECK(recognise_tables("Text.\n\nBlev du väl bemött?\n\n| Svar | Totalt | Kvinna | Man |\n|---|---|---|---|\n| Ja | 76 % | 79 % | 74 % |\n") ==
        "Text.\n\n\n```enkät\nfråga: \"Blev du väl bemött?\"\nrader:\n  - svar: \"Ja\"\n    totalt: 76\n    kvinna: 79\n    man: 74\n```\n");
}

TEST_CASE("tables of another shape – or whose cells are no figures – stay Markdown tables", "[import]") {
  using kv::import::recognise_tables;
  for (const char* table : {"| År | Antal klagomål |\n|---|---|\n| 2018 | 4 |\n",                       // no index
                            "| År | Budget | Utfall | Resultat |\n|---|---|---|---|\n| 2016 | 1 | 2 | 3 |\n",  // no unit
                            "| År | AMI |\n|---|---|\n| 2018 | hög |\n",                                 // no figure
                            "| Svar | Totalt |\n|---|---|\n| Ja | 76 |\n"})                              // no question
    CHECK(recognise_tables(table) == table);
}
