// The reviewers' loop below the command: the .xlsx reader (load/xlsx_reader.h) reading what
// our own writer wrote and what it must refuse, the review form's schema, and the numbers of
// model/review_scores.h. End to end, with openpyxl's workbooks: tests/review_forms_test.py.
#include <catch2/catch.hpp>

#include <fstream>

#include "load/xlsx_reader.h"
#include "model/review_form.h"
#include "model/review_scores.h"
#include "render/xlsx/workbook.h"
#include "support.h"

namespace {

using namespace kv;
using kvtest::TempDir;

}  // namespace

TEST_CASE("cell names go both ways, past Z as Excel counts", "[review]") {
  CHECK(xlsx::cell_name(5, 7) == "G5");
  CHECK(xlsx::cell_name(1, 26) == "Z1");
  CHECK(xlsx::cell_name(1, 27) == "AA1");
  CHECK(xlsx::cell_name(12, 28) == "AB12");
  CHECK(xlsx::cell_name(1048576, 16384) == "XFD1048576");
  for (int col : {1, 26, 27, 52, 53, 702, 703, 16384}) CHECK(xlsx::parse_cell_name(xlsx::cell_name(3, col)) == std::pair{3, col});
  CHECK(xlsx::parse_cell_name("G") == std::pair{0, 0});
  CHECK(xlsx::parse_cell_name("5") == std::pair{0, 0});
  CHECK(xlsx::parse_cell_name("g5") == std::pair{0, 0});
  CHECK(xlsx::parse_cell_name("XFE1") == std::pair{0, 0});
  CHECK(xlsx::parse_cell_name("A1048577") == std::pair{0, 0});
  CHECK(xlsx::parse_cell_name("A0") == std::pair{0, 0});
}

TEST_CASE("the reader gets back every cell the writer wrote, in the sheets' order", "[review]") {
  TempDir dir;
  Diagnostics diagnostics;
  const auto file = dir.path() / "bok.xlsx";
  {
    xlsx::Workbook book({file, "bok.xlsx", diagnostics}, Lang::kSv, std::time_t(1700000000), "Prov");
    using K = xlsx::Column::Kind;
    std::vector<xlsx::Column> columns = {{"Namn", 20, K::kText, {}}, {"Tal", 10, K::kDecimal, {}}};
    book.add_sheet("Första", columns, {{xlsx::Cell::of("Åsa & <Örjan>"), xlsx::Cell::of(2.5)},
                                       {xlsx::Cell::empty(), xlsx::Cell::of(3.0)},
                                       {xlsx::Cell::of("rad ett\nrad två"), xlsx::Cell::empty()}});
    book.add_sheet("Andra", columns, {{xlsx::Cell::of("Åsa & <Örjan>"), xlsx::Cell::of(-1.0)}});
    book.close();
  }
  auto read = xlsx::read_workbook(file);
  REQUIRE(std::holds_alternative<std::vector<xlsx::ReadSheet>>(read));
  const auto& sheets = std::get<std::vector<xlsx::ReadSheet>>(read);
  REQUIRE(sheets.size() == 2);
  CHECK(sheets[0].name == "Första");
  CHECK(sheets[1].name == "Andra");
  const auto& s = sheets[0];
  CHECK(s.max_row == 4);
  REQUIRE(s.at(1, 1));
  CHECK(s.at(1, 1)->text == "Namn");
  CHECK(s.at(2, 1)->text == "Åsa & <Örjan>");
  CHECK(s.at(2, 1)->type == xlsx::ReadCell::Type::kText);
  CHECK(s.at(2, 2)->type == xlsx::ReadCell::Type::kNumber);
  CHECK(s.at(2, 2)->text == "2.5");
  CHECK(s.at(3, 1) == nullptr);  // written empty
  CHECK(s.at(3, 2)->text == "3");
  CHECK(s.at(4, 1)->text == "rad ett\nrad två");
  CHECK(sheets[1].at(2, 2)->text == "-1");
}

TEST_CASE("what is not a workbook is refused with a reason, never a crash", "[review]") {
  TempDir dir;
  auto write = [&](const std::string& name, const std::string& bytes) {
    std::ofstream(dir.path() / name, std::ios::binary) << bytes;
    return dir.path() / name;
  };
  auto kind = [](const auto& result) {
    REQUIRE(std::holds_alternative<xlsx::ReadFailure>(result));
    return std::get<xlsx::ReadFailure>(result).kind;
  };
  CHECK(kind(xlsx::read_workbook(write("text.xlsx", "Enhet;Poäng\n"))) == xlsx::ReadFailure::Kind::kNotWorkbook);
  CHECK(kind(xlsx::read_workbook(write("empty.xlsx", ""))) == xlsx::ReadFailure::Kind::kNotWorkbook);
  CHECK(kind(xlsx::read_workbook(dir.path() / "missing.xlsx")) == xlsx::ReadFailure::Kind::kNotWorkbook);
  // A real workbook read with a part limit below its size: refused as too large.
  Diagnostics diagnostics;
  const auto file = dir.path() / "bok.xlsx";
  {
    xlsx::Workbook book({file, "bok.xlsx", diagnostics}, Lang::kSv, std::time_t(1700000000), "Prov");
    book.add_sheet("Blad", {{"A", 10, xlsx::Column::Kind::kText, {}}}, {{xlsx::Cell::of("x")}});
    book.close();
  }
  CHECK(kind(xlsx::read_workbook(file, 100)) == xlsx::ReadFailure::Kind::kTooLarge);
}

TEST_CASE("the review form's headers name their columns in either language", "[review]") {
  using C = model::ReviewColumn;
  for (C c : model::review_columns(true))
    for (Lang lang : {Lang::kSv, Lang::kEn}) CHECK(model::review_column_named(model::review_header(c, lang)) == c);
  CHECK(model::review_column_named("  poäng ") == C::kScore);
  CHECK(model::review_column_named("ENHETENS ID") == C::kUnitKey);
  CHECK_FALSE(model::review_column_named("Betyg"));
  CHECK(model::review_columns(false).size() + 1 == model::review_columns(true).size());
}

namespace {

model::Structure two_areas() {
  model::Structure st;
  model::AreaSpec a{"A", {}, 2};
  a.questions.push_back({});
  a.questions.back().number = 1;
  a.questions.back().weight = 3;
  a.questions.push_back({});
  a.questions.back().number = 2;
  model::AreaSpec b{"B", {}, 1};
  b.questions.push_back({});
  b.questions.back().number = 3;
  st.areas = {a, b};
  st.scoring.defined = true;
  st.scoring.max = 5;
  st.scoring.disagreement = 1;
  return st;
}

}  // namespace

TEST_CASE("scores: means weighted by question and area, unscored questions left out", "[review]") {
  const model::Structure st = two_areas();
  std::map<int, std::vector<model::ReviewEntry>> entries;
  entries[1] = {{"a", 4, "", ""}, {"b", 2, "", ""}};  // mean 3, spread 2: disagreement
  entries[2] = {{"a", 5, "", ""}};                    // mean 5
  auto r = model::unit_result(st, "enhet", &entries);
  REQUIRE(r.areas.size() == 2);
  CHECK(r.areas[0].score == Approx((3 * 3 + 5 * 1) / 4.0));
  CHECK(r.areas[0].questions[0].spread == 2);
  CHECK(r.areas[0].questions[0].disagreement);
  CHECK_FALSE(r.areas[0].questions[1].disagreement);
  CHECK_FALSE(r.areas[1].score);  // question 3 unscored
  CHECK(r.total == Approx(*r.areas[0].score));
  CHECK(r.scored == 2);
  CHECK(r.questions == 3);
  CHECK_FALSE(r.complete());
  entries[3] = {{"a", 1, "", ""}};
  r = model::unit_result(st, "enhet", &entries);
  CHECK(r.total == Approx((2 * 3.5 + 1 * 1) / 3.0));
  CHECK(r.complete());
  CHECK_FALSE(model::unit_result(st, "ingen", nullptr).total);
}

TEST_CASE("places: equal totals share a place and the next skips, no total no place", "[review]") {
  auto unit = [](std::string slug, std::optional<double> total) {
    model::UnitResult r;
    r.unit_slug = std::move(slug);
    r.total = total;
    return r;
  };
  std::vector<model::UnitResult> results = {unit("a", 2), unit("b", std::nullopt), unit("c", 4), unit("d", 2), unit("e", 1)};
  model::sort_by_total(results);
  std::vector<std::string> order;
  for (const auto& r : results) order.push_back(r.unit_slug);
  CHECK(order == std::vector<std::string>{"c", "a", "d", "e", "b"});
  CHECK(model::result_places(results) == std::vector<int>{1, 2, 2, 4, 0});
}
