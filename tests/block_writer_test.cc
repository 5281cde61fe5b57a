// The one writer of data blocks (scaffold/block_writer.h): what `kvalitet importera` writes for a
// Word table is the writer's text for the same values, and what the writer writes, the loader
// reads back as the same values.
#include <catch2/catch.hpp>

#include "import/run_in_blocks.h"
#include "import/table_blocks.h"
#include "load/markdown_file.h"
#include "model/vocabulary.h"
#include "scaffold/block_writer.h"
#include "support.h"
#include "validate/blocks.h"
#include "validate/structure_file.h"

using namespace kvtest;
namespace model = kv::model;
namespace scaffold = kv::scaffold;

namespace {

// The blocks of a Markdown body, as `check` reads them (split, then validated into the model).
struct Loaded {
  TempDir dir;
  kv::ContentRoot root{dir.path()};
  kv::Diagnostics diagnostics;
  std::vector<model::Block> blocks;

  explicit Loaded(const std::string& body) {
    static const kv::StructureSet set = [] {
      kv::Diagnostics r;
      return kv::read_structures(source_dir() / "templates" / "structures", r);
    }();
    const model::Structure& s = *set.at("kvalitetsutmarkelsen-2018");
    write(dir.path() / "bild.png", "not read");
    const kv::MarkdownFile file = kv::split_front_matter({"prov.md", body}, diagnostics);
    const auto raw = kv::split_blocks(file, {model::container_names(), model::data_block_names()}, diagnostics);
    kv::BlockContext context{"prov.md", dir.path(), &root, &s, s.find_question(7), 2018, {}};
    blocks = kv::to_model_blocks(raw, context, diagnostics);
  }
  template <typename T>
  const T& only() const {
    REQUIRE(blocks.size() == 1);
    REQUIRE(std::holds_alternative<T>(blocks[0].value));
    return std::get<T>(blocks[0].value);
  }
};

}  // namespace

TEST_CASE("block writer: numbers as Swedish authors write them, keys in the field spec's order", "[blockwriter]") {
  CHECK(scaffold::yaml_number(76) == "76");
  CHECK(scaffold::yaml_number(306.7) == "\"306,7\"");
  CHECK(scaffold::yaml_number(-3.5) == "\"-3,5\"");
  CHECK(scaffold::yaml_number(277.76) == "\"277,76\"");
  CHECK(scaffold::yaml_number(3200000) == "3200000");
  // A figure as its author wrote it keeps its decimals: 22,0 is not 22.
  CHECK(scaffold::yaml_number(kv::Number{22, 1}) == "\"22,0\"");
  CHECK(scaffold::yaml_number(kv::Number{12.5, 2}) == "\"12,50\"");
  CHECK(scaffold::yaml_number(kv::Number{76, 0}) == "76");
  CHECK(scaffold::yaml_number(kv::Number{-0.01, 1}) == "\"0,0\"");
  // Entries in any order come out in the spec's; an unknown key is a programming error.
  CHECK(scaffold::data_block("bild", {{"fil", scaffold::Text{"a.png"}}, {"bildtext", scaffold::Text{"A \"b\""}}}) ==
        "```bild\nbildtext: \"A \\\"b\\\"\"\nfil: \"a.png\"\n```\n");
  CHECK_THROWS(scaffold::data_block("bild", {{"bildnamn", scaffold::Text{"x"}}}));
  CHECK_THROWS(scaffold::data_block("ekonomi", {{"enhet", 3.0}}));
}

TEST_CASE("block writer: importera's economy block is the writer's text for the same values", "[blockwriter][import]") {
  const model::EconomyTable table{"mnkr", {{2017, 306.1, 287.7, 18.4, false}, {2018, 306.7, 303.2, -3.5, true}},
                                  "Prognos per sista mars 2018"};
  const std::string imported = kv::import::recognise_tables(
      "| Verksamhetsår | 2017 | 2018 |\n|---|---|---|\n| Budget (mnkr) | 306,1 | 306,7 |\n"
      "| Utfall/prognos (mnkr) | 287,7 | 303,2 |\n| Resultat (mnkr) | +18,4 | −3,5\\* |\n\n"
      "\\* Prognos per sista mars 2018\n");
  CHECK(imported == scaffold::block_text(table));
  // Years in rows, a figure with a decimal point: the same numbers, the same text.
  CHECK(kv::import::recognise_tables("| År | Budget (mnkr) | Utfall | Resultat |\n|---|---|---|---|\n"
                                     "| 2017 | 306.1 | 287,7 | 18,4 |\n| 2018 | 306,7 | 303,2 | -3,5* |\n\n\\* Prognos per sista mars 2018\n") ==
        scaffold::block_text(table));
  // A figure with a trailing zero in Word is imported as written.
  CHECK_THAT(kv::import::recognise_tables("AMI – Aktivt medarbetarskapsindex\n\n| År | AMI |\n|---|---|\n| 2018 | 76,0 |\n"),
             Catch::Matchers::Contains("värde: \"76,0\""));
  // A cell left empty does not vanish: its key stays, without a value, for check to name.
  CHECK(kv::import::recognise_tables("| År | Budget (mnkr) | Utfall | Resultat |\n|---|---|---|---|\n| 2016 | 306,7 |  | 3,5 |\n") ==
        "```ekonomi\nenhet: \"mnkr\"\nvärden:\n  - år: 2016\n    budget: \"306,7\"\n    utfall:\n    resultat: \"3,5\"\n```\n");
  // The index, survey and goal blocks alike.
  CHECK(kv::import::recognise_tables("AMI – Aktivt medarbetarskapsindex\n\n| År | AMI | Motivation |\n|---|---|---|\n| 2018 | 76 | 80,5 |\n") ==
        "\n" + scaffold::block_text(model::IndexSeries{"AMI", "Aktivt medarbetarskapsindex", {{2018, 76, {{"Motivation", 80.5}}}}}));
  CHECK(kv::import::recognise_run_in_blocks("Mål: Budget i balans\n\nFörväntat resultat: att den är i balans.\n\n"
                                            "Arbetssätt: följa.\n\nVarje månad.\n\nUppföljning: med controller.\n") ==
        scaffold::block_text(model::Goal{"Budget i balans", "att den är i balans.", "följa.\n\nVarje månad.", "med controller."}));
}

TEST_CASE("block writer: what it writes the loader reads back as the same values", "[blockwriter]") {
  SECTION("ekonomi") {
    const model::EconomyTable table{"mnkr", {{2017, 306.1, 287.7, 18.4, false}, {2018, 306.7, 303.2, 3.5, true}}, "Prognos \"mars\""};
    Loaded l(scaffold::block_text(table));
    INFO(scaffold::block_text(table));
    const auto& back = l.only<model::EconomyTable>();
    CHECK(back.unit == table.unit);
    CHECK(back.footnote == table.footnote);
    REQUIRE(back.years.size() == 2);
    for (size_t i = 0; i < 2; ++i) {
      CHECK(back.years[i].year == table.years[i].year);
      CHECK(back.years[i].budget == table.years[i].budget);
      CHECK(back.years[i].outcome == table.years[i].outcome);
      CHECK(back.years[i].result == table.years[i].result);
      CHECK(back.years[i].forecast == table.years[i].forecast);
    }
  }
  SECTION("index") {
    const model::IndexSeries series{"AMI", "Aktivt: medarbetarskapsindex", {{2018, 76.5, {{"ledar: skap", 80}, {"motivation", 70.25}}}, {2017, 68, {}}}};
    Loaded l(scaffold::block_text(series));
    const auto& back = l.only<model::IndexSeries>();
    CHECK(back.name == series.name);
    CHECK(back.description == series.description);
    REQUIRE(back.values.size() == 2);
    CHECK(back.values[0].value.value == 76.5);
    CHECK(back.values[0].sub_indices == series.values[0].sub_indices);
    CHECK(back.values[1].year == 2017);
  }
  SECTION("enkät") {
    const model::SurveyTable survey{"Blev du # väl bemött?", {{"Ja", 76, 79.5, std::nullopt, 59}, {"Nej", 24, std::nullopt, 26, std::nullopt}}};
    Loaded l(scaffold::block_text(survey));
    const auto& back = l.only<model::SurveyTable>();
    CHECK(back.question == survey.question);
    REQUIRE(back.rows.size() == 2);
    for (size_t i = 0; i < 2; ++i) {
      CHECK(back.rows[i].answer == survey.rows[i].answer);
      CHECK(back.rows[i].total == survey.rows[i].total);
      CHECK(back.rows[i].women == survey.rows[i].women);
      CHECK(back.rows[i].men == survey.rows[i].men);
      CHECK(back.rows[i].other == survey.rows[i].other);
    }
  }
  SECTION("mål and uppföljning, one paragraph and several") {
    const model::Goal goal{"Budget: i balans", "att budgeten är i balans.", "följa kostnaderna.\n\nMånatligen: med controller.", "- varje månad"};
    Loaded l(scaffold::block_text(goal));
    const auto& back = l.only<model::Goal>();
    CHECK(back.goal == goal.goal);
    CHECK(back.expected_result == goal.expected_result);
    CHECK(back.method == goal.method);
    CHECK(back.follow_up == goal.follow_up);
    const model::GoalFollowUp follow{"Trygga", "59 %.", "Tydligare.", "Fortsätt."};
    Loaded f(scaffold::block_text(follow));
    const auto& fb = f.only<model::GoalFollowUp>();
    CHECK((fb.goal == follow.goal && fb.result == follow.result && fb.analysis == follow.analysis && fb.take_forward == follow.take_forward));
  }
  SECTION("årshjul and bild") {
    const model::AnnualCycle cycle{{{1, {"verksamhetsplan: klar"}}, {3, {"enkät", "\"rapport\""}}}};
    Loaded l(scaffold::block_text(cycle));
    CHECK(l.only<model::AnnualCycle>().months == cycle.months);
    Loaded b(scaffold::block_text(model::Figure{"Organisationsskiss: \\ \"ny\"", "bild.png"}));
    INFO(b.diagnostics.list.items().size());
    const auto& figure = b.only<model::Figure>();
    CHECK(figure.caption == "Organisationsskiss: \\ \"ny\"");
    CHECK_THAT(figure.file, Catch::Matchers::EndsWith("bild.png"));
  }
}
