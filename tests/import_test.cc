// Splitting a converted Word document at the structure's part headings (import/split_parts.h):
// labels and titles, parts out of order, a part met twice, the introduction, Exempel paragraphs.
// tests/import_roundtrip.py converts real .docx files with pandoc.
#include <catch2/catch.hpp>

#include "import/containers.h"
#include "import/docx_filter.h"
#include "import/paragraphs.h"
#include "import/run_in_blocks.h"
#include "import/split_parts.h"
#include "import/table_blocks.h"
#include "support.h"
#include "util/subprocess.h"
#include "validate/structure_file.h"

using namespace kvtest;
using Catch::Matchers::Contains;

namespace {

const kv::model::Structure& award_2018() {
  static const kv::StructureSet set = [] {
    kv::Diagnostics diagnostics;
    return kv::read_structures(source_dir() / "templates" / "structures", diagnostics);
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
  // A plain paragraph with the label and the title is a heading Word did not style; a contents
  // entry (a page number last) or a sentence starting with a number is not.
  const std::string plain = "13. " + s.find_question(13)->title;
  CHECK(kv::import::split_parts("Inledning.\n\n" + plain + "\n\nSvaret.\n", s).parts.at(13) == "Svaret.\n");
  CHECK(kv::import::split_parts(plain + "\t26\n\nText.\n", s).parts.empty());
  CHECK(kv::import::split_parts("13. Vi har arbetat med det.\n\nText.\n", s).parts.empty());
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
  // An area's heading between its questions is the structure's, not the answer's.
  const auto areas = kv::import::split_parts("# Fråga 3\n\nText tre.\n\n# Chef- och ledarskap\n\n# Fråga 4\n\nText fyra.\n", s);
  CHECK(areas.parts.at(3) == "Text tre.\n");
  CHECK(areas.unplaced.empty());
  CHECK(kv::import::split_parts("# Fråga 3\n\n## Chefen och hon\n", s).parts.at(3) == "## Chefen och hon\n");
}

TEST_CASE("the importer finds fenced blocks as the loader does – ~~~, indented up to three spaces, a longer closing fence",
          "[import]") {
  const auto chunks = kv::import::split_chunks(
      "Före.\n~~~\nkod\n\nmer kod\n~~~\nEfter.\n\n   ````bild\nbildtext: \"a\"\n```\n\nfil: \"b\"\n   `````\n\n"
      "    ```\n\nSlut.\n");
  REQUIRE(chunks.size() == 6);
  CHECK((chunks[0].text == "Före.\n" && !chunks[0].fenced));
  CHECK((chunks[1].text == "~~~\nkod\n\nmer kod\n~~~\n" && chunks[1].fenced));
  CHECK((chunks[2].text == "Efter.\n" && !chunks[2].fenced));
  CHECK((chunks[3].text == "   ````bild\nbildtext: \"a\"\n```\n\nfil: \"b\"\n   `````\n" && chunks[3].fenced));
  CHECK((chunks[4].text == "    ```\n" && !chunks[4].fenced));  // four spaces: indented code, no fence
  CHECK(chunks[5].text == "Slut.\n");
  // Lines inside such a block are no container heading, part heading, example lead or table.
  const char* code = "~~~\n\nStyrkor\n\n~~~\n";
  CHECK(kv::import::mark_containers(code, award_2018()) == code);
  const auto doc = kv::import::split_parts("# Fråga 3\n\n  ```\n# Fråga 4\n  ````\n", award_2018());
  CHECK(doc.parts.size() == 1);
  CHECK_THAT(doc.parts.at(3), Contains("# Fråga 4"));
  const char* example = "~~~\n**Exempel**\n\nText.\n~~~\n";
  CHECK(kv::import::mark_examples(example) == example);
  const char* table = "~~~\n| År | Budget (mnkr) | Utfall | Resultat |\n|---|---|---|---|\n| 2016 | 1 | 2 | 3 |\n~~~\n";
  CHECK(kv::import::recognise_tables(table) == table);
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

TEST_CASE("run-in paragraphs as the award prints them become goal and follow-up blocks", "[import]") {
  using kv::import::recognise_run_in_blocks;
  // A goal, one label a letter off and bold, a field over two paragraphs; the prose after the
  // last field stays prose.
  CHECK(recognise_run_in_blocks("Före.\n\nMål: Budgeten är i balans\n\nFörväntat resultat: att budgeten är i balans.\n\n"
                                "**Arbetsätt:** följa kostnaderna.\n\nMånatligen.\n\nUppföljning: med controller.\n\nEfter.\n") ==
        "Före.\n\n```mål\nmål: \"Budgeten är i balans\"\nförväntat_resultat: >\n  att budgeten är i balans.\n"
        "arbetssätt: |\n  följa kostnaderna.\n\n  Månatligen.\nuppföljning: >\n  med controller.\n```\n\nEfter.\n");
  // A follow-up: its labels say which block it is; a field left out is left for check to name.
  CHECK(recognise_run_in_blocks("Mål: Kvinnor och män är trygga\n\nResultat: 59 %.\n\nAnalys: Tydligare.\n") ==
        "```uppföljning\nmål: \"Kvinnor och män är trygga\"\nresultat: >\n  59 %.\nanalys: >\n  Tydligare.\n```\n");
  // English labels, as the English site prints them.
  CHECK_THAT(recognise_run_in_blocks("Goal: Safe\n\nResult: 59 %.\n"), Contains("```uppföljning\n"));
  // "Mål:" without a field label after it, or a goal cut off by a heading, is prose.
  for (const char* prose : {"Mål: att alla ska trivas.\n\nVi arbetar vidare.\n", "Mål: Trygghet\n\n## Rubrik\n\nResultat: 59 %.\n",
                            "Mål:\n\nResultat: 59 %.\n"})
    CHECK(recognise_run_in_blocks(prose) == prose);
}

TEST_CASE("month paragraphs in a row become an annual cycle", "[import]") {
  using kv::import::recognise_run_in_blocks;
  CHECK(recognise_run_in_blocks("Årshjulet:\n\nJanuari: verksamhetsplan\n\nFebruari: medarbetarenkät, hot\n\nSedan.\n") ==
        "Årshjulet:\n\n```årshjul\njanuari: >\n  verksamhetsplan\nfebruari: >\n  medarbetarenkät, hot\n```\n\nSedan.\n");
  const char* one = "Januari: vi planerar.\n";  // one month is a sentence
  CHECK(recognise_run_in_blocks(one) == one);
}

TEST_CASE("an economy table with years in columns – a starred forecast and its footnote", "[import]") {
  using kv::import::recognise_tables;
  CHECK(recognise_tables("| Verksamhetsår | 2017 | 2018 |\n|---|---|---|\n| Budget (mnkr) | 306,1 | 306,7 |\n"
                         "| Utfall/prognos (mnkr) | 287,7 | 303,2 |\n| Resultat (mnkr) | +18,4 | −3,5\\* |\n\n"
                         "\\* Prognos per sista mars 2018\n\nEfter.\n") ==
        "```ekonomi\nenhet: \"mnkr\"\nvärden:\n  - år: 2017\n    budget: \"306,1\"\n    utfall: \"287,7\"\n    resultat: \"18,4\"\n"
        "  - år: 2018\n    budget: \"306,7\"\n    utfall: \"303,2\"\n    resultat: \"-3,5\"\n    prognos: true\n"
        "fotnot: \"Prognos per sista mars 2018\"\n```\n\nEfter.\n");
  // Without a star the line after is no footnote of the table's.
  CHECK_THAT(recognise_tables("| År | Budget (mnkr) | Utfall | Resultat |\n|---|---|---|---|\n| 2016 | 1 | 2 | 3 |\n\n\\* Not.\n"),
             !Contains("fotnot") && Contains("\\* Not."));
}

TEST_CASE("an index table's caption and a survey's printed caption are read from the paragraph before", "[import]") {
  using kv::import::recognise_tables;
  CHECK(recognise_tables("AMI – Aktivt medarbetarskapsindex\n\n| År | AMI |\n|---|---|\n| 2018 | 76 |\n") ==
        "\n```index\nnamn: \"AMI\"\nbeskrivning: \"Aktivt medarbetarskapsindex\"\nvärden:\n  - år: 2018\n    värde: 76\n```\n");
  CHECK_THAT(recognise_tables("| År | AMI (Aktivt medarbetarskapsindex) |\n|---|---|\n| 2018 | 76 |\n"),
             Contains("namn: \"AMI\"\nbeskrivning: \"Aktivt medarbetarskapsindex\""));
  CHECK_THAT(recognise_tables("Enkätresultat: Blev du väl bemött\n\n| Svar | Totalt |\n|---|---|\n| Ja | 76 % |\n"),
             Contains("fråga: \"Blev du väl bemött\""));
  CHECK(recognise_tables("| Månad | Aktiviteter |\n|---|---|\n| Januari | plan; \"rapport\" |\n| Mars | enkät |\n") ==
        "```årshjul\njanuari:\n  - \"plan\"\n  - \"\\\"rapport\\\"\"\nmars: >\n  enkät\n```\n");  // one activity: as a month paragraph is written
}

TEST_CASE("SWOT headings become containers – already marked examples are left alone", "[import]") {
  const auto& s = kv::import::mark_containers;
  CHECK(s("## Styrkor\n\nMedarbetarna.\n\n**Svagheter**\n\nSvarsfrekvensen.\n\nHot\n\nFler ansökningar.\n\n## Nästa\n\nText.\n",
          award_2018()) ==
        "::: styrkor\n\nMedarbetarna.\n\n:::\n\n::: svagheter\n\nSvarsfrekvensen.\n\n:::\n\n::: hot\n\nFler ansökningar.\n\n:::\n\n"
        "## Nästa\n\nText.\n");
  const char* inside = "Vi ser ett hot.\n\n::: exempel\n\nHot\n\n:::\n";  // a word in a sentence, a line in an example
  CHECK(s(inside, award_2018()) == inside);
  CHECK(kv::import::mark_examples("::: exempel\n\nExempel: ett.\n\n:::\n") == "::: exempel\n\nExempel: ett.\n\n:::\n");
}

TEST_CASE("the Word filter marks examples by style or box – figures with captions – table captions", "[import]") {
  const auto pandoc = kv::find_program("pandoc");  // scripts/setup.sh installs it
  REQUIRE(pandoc);
  TempDir dir;
  // A 1×1 PNG, for pandoc to embed.
  const unsigned char png[] = {0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
                               0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
                               0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
                               0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
                               0x42, 0x60, 0x82};
  write(dir.path() / "bild.png", std::string(reinterpret_cast<const char*>(png), sizeof png));
  write(dir.path() / "in.md",
        "Före.\n\n::: {custom-style=\"Exempel\"}\nExempel\n\nI stil.\n:::\n\n- en punkt\n\nEfter stilen.\n\n"
        "+-----------------+\n| Exempel         |\n|                 |\n| I en ruta.      |\n+-----------------+\n\n"
        "![Organisationsskiss](" + (dir.path() / "bild.png").string() + ")\n\n" +
        "Utan text:\n\n![](" + (dir.path() / "bild.png").string() + ")\n\n"
        "| År | AMI |\n|---|---|\n| 2018 | 76 |\n\n: AMI – Aktivt medarbetarskapsindex\n\n"
        "::: {custom-style=\"toc 1\"}\nBrukare 3\n:::\n");
  REQUIRE(kv::run_process({pandoc->string(), "-f", "markdown", "-t", "docx", "-o", (dir.path() / "in.docx").string(),
                           (dir.path() / "in.md").string()}, {}, std::chrono::seconds(60), {})
              .exit_status == 0);
  write(dir.path() / "f.lua", std::string(kv::import::docx_lua_filter()));
  REQUIRE(kv::run_process({pandoc->string(), "-f", "docx+styles", "-t", "gfm-raw_html", "--wrap=none", "--lua-filter",
                           (dir.path() / "f.lua").string(), "-o", (dir.path() / "out.md").string(),
                           (dir.path() / "in.docx").string()}, {}, std::chrono::seconds(60), {})
              .exit_status == 0);
  // The filter marks each figure; the importer writes its block (the file as the .docx names it).
  const std::string md = kv::import::write_figures(read(dir.path() / "out.md"), [](const kv::model::Figure& f) { return f.file; });
  INFO(md);
  // A list right after an example's paragraphs is the example's (Word gives it a list style).
  CHECK_THAT(md, Contains("Före.\n\n::: exempel\n\nI stil.\n\n-   en punkt\n\n:::\n\nEfter stilen.\n\n::: exempel\n\nI en ruta.\n\n:::\n\n```bild"));
  CHECK_THAT(md, Contains("```bild\nbildtext: \"Organisationsskiss\"\nfil: \"media/"));
  // Neither alt text nor caption: an empty bildtext, which check reports as missing alt text.
  CHECK_THAT(md, Contains("Utan text:\n\n```bild\nbildtext: \"\"\nfil: \"media/"));
  CHECK_THAT(md, Contains("AMI – Aktivt medarbetarskapsindex\n\n| År"));
  CHECK(md.find("Aktivt medarbetarskapsindex") == md.rfind("Aktivt medarbetarskapsindex"));  // once
  CHECK(md.find("Exempel") == std::string::npos);  // the lead word is the container's label
  CHECK(md.find("Brukare 3") == std::string::npos);  // Word's table of contents
  CHECK(md.find("kvalitet-bild") == std::string::npos);
}

TEST_CASE("the figures the Word filter marks are written as bild blocks by the block writer, whatever fence pandoc chose",
          "[import]") {
  const std::string md =
      "Före.\n\n```` kvalitet-bild\nmedia/a.png\nEn `kod` \"citat\" \\ snett\n````\n\n"
      "  ~~~ kvalitet-bild\n  media/b.png\n  ~~~~\n\n```python\nmedia/c.png\n```\n";
  const auto figures = kv::import::marked_figures(md);
  REQUIRE(figures.size() == 2);
  CHECK(figures[0].file == "media/a.png");
  CHECK(figures[0].caption == "En `kod` \"citat\" \\ snett");
  CHECK((figures[1].file == "media/b.png" && figures[1].caption.empty()));
  CHECK(kv::import::write_figures(md, [](const kv::model::Figure& f) { return "bilder/" + f.file.substr(6); }) ==
        "Före.\n\n```bild\nbildtext: \"En `kod` \\\"citat\\\" \\\\ snett\"\nfil: \"bilder/a.png\"\n```\n\n"
        "```bild\nbildtext: \"\"\nfil: \"bilder/b.png\"\n```\n\n```python\nmedia/c.png\n```\n");
}

TEST_CASE("Word tables Markdown cannot hold as they are – lists in cells, merged cells – keep their text", "[import]") {
  const auto pandoc = kv::find_program("pandoc");
  REQUIRE(pandoc);
  TempDir dir;
  write(dir.path() / "in.html",
        "<p>Före.</p><table><tr><th>Område</th><th>Insats</th><th>Ansvar</th></tr>"
        "<tr><td rowspan=\"2\">Hemtjänst</td><td><ul><li>en</li><li>två</li></ul></td><td>Anna</td></tr>"
        "<tr><td colspan=\"2\">Stycke ett.<p>Stycke två.</p></td></tr></table>"
        "<table><tr><td>Ruta utan exempel.</td></tr></table><p>Efter.</p>");
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), pandoc->string());
    return kv::run_process(args, {}, std::chrono::seconds(60), {}).exit_status;
  };
  REQUIRE(run({"-f", "html", "-t", "docx", "-o", (dir.path() / "in.docx").string(), (dir.path() / "in.html").string()}) == 0);
  write(dir.path() / "f.lua", std::string(kv::import::docx_lua_filter()));
  REQUIRE(run({"-f", "docx+styles", "-t", "gfm-raw_html", "--wrap=none", "--lua-filter", (dir.path() / "f.lua").string(), "-o",
               (dir.path() / "out.md").string(), (dir.path() / "in.docx").string()}) == 0);
  const std::string md = read(dir.path() / "out.md");
  INFO(md);
  CHECK(md.find("[TABLE]") == std::string::npos);
  // Merged cells: the text in the first, the covered ones empty; a cell's list and paragraphs on one line.
  CHECK_THAT(md, Contains("| Hemtjänst | • en • två"));
  CHECK_THAT(md, Contains("Anna"));
  CHECK_THAT(md, Contains("Stycke ett. Stycke två."));
  CHECK(md.find("| Hemtjänst") < md.find("Stycke ett."));
  // A one-cell box that is no example: its text as text.
  CHECK_THAT(md, Contains("\nRuta utan exempel.\n"));
  CHECK(md.find("| Ruta") == std::string::npos);
}
