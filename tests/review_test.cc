// The reviewers' loop below the command: the .xlsx reader (load/xlsx_reader.h) reading what
// our own writer wrote and what it must refuse, the review form's schema, and the numbers of
// model/review_scores.h, and the reader of filled forms and the consensus form
// (validate/review_forms.h) on workbooks our writer makes. End to end, with openpyxl's
// workbooks: tests/review_forms_test.py.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "load/content_names.h"
#include "load/xlsx_reader.h"
#include "model/review_form.h"
#include "model/review_scores.h"
#include "render/html/urls.h"
#include "render/xlsx/workbook.h"
#include "support.h"
#include "util/text.h"
#include "validate/review_forms.h"

namespace {

namespace fs = std::filesystem;
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

TEST_CASE("a reviewer's own form is named by the slug of their name", "[review]") {
  CHECK(ascii_slug("Åsa Öberg-Ström", "x") == "asa-oberg-strom");
  CHECK(ascii_slug("  Ärla  Ängel ", "x") == "arla-angel");
  CHECK(ascii_slug("Émile Zoë Müller", "x") == "emile-zoe-muller");
  CHECK(ascii_slug("Łukasz Żółć, Søren Æbelø, Straße", "x") == "lukasz-zolc-soren-aebelo-strasse");
  CHECK(ascii_slug("Anna (ordförande) #1", "x") == "anna-ordforande-1");
  CHECK(ascii_slug("李", "x") == "x");
  CHECK(ascii_slug("--", "x") == "x");
  CHECK(model::reviewer_slug("Anna Andersson") == "anna-andersson");
  CHECK(model::reviewer_slug("???") == "bedomare");
  const std::string long_name(40, 'a');
  CHECK(model::reviewer_slug(long_name + " " + long_name) == long_name);  // cut at a word, at most 60
  CHECK(model::reviewer_slug(std::string(80, 'b')).size() == 60);
  CHECK(reviewer_form_path("kvalitetsutmarkelsen", 2018, "Åsa Öberg") ==
        "jamforelse/2018/kvalitetsutmarkelsen/bedomning-asa-oberg.xlsx");
  CHECK(consensus_workbook_path("prov", 2022) == "jamforelse/2022/prov/konsensus.xlsx");
  CHECK(file_name(consensus_workbook_path("prov", 2022)) == kConsensusFile);
}

TEST_CASE("two reviewers whose names give one file name are an error in site.yaml", "[review]") {
  TempDir dir;
  const auto content = dir.path() / "content";
  kvtest::copy_fixture("valid", content);
  const std::string yaml = kvtest::read(content / "site.yaml");
  kvtest::write(content / "site.yaml", yaml + "bedömare:\n  - Åsa Öberg\n  - Bertil Berg\n  - Asa Oberg\n");
  const int line = static_cast<int>(std::count(yaml.begin(), yaml.end(), '\n')) + 4;
  auto v = kvtest::check(content);
  const Diagnostic* d = kvtest::find(v, "får samma namn");
  REQUIRE(d);
  CHECK(d->severity == Severity::kError);
  CHECK(d->pos.path.ends_with("site.yaml"));
  CHECK(d->pos.line == line);  // the second name's place
  CHECK(d->message == "bedömarna ”Åsa Öberg” och ”Asa Oberg” får samma namn, ”asa-oberg”, i filnamnet på sin egen bedömningsmall");
  // Names that differ in a letter are two reviewers
  kvtest::write(content / "site.yaml", yaml + "bedömare:\n  - Åsa Öberg\n  - Åsa Öberg 2\n");
  CHECK_FALSE(kvtest::find(kvtest::check(content), "får samma namn"));
}

TEST_CASE("review scores: an agreed score counts instead of the mean, which stays beside it", "[review]") {
  const model::Structure st = two_areas();
  std::map<int, std::vector<model::ReviewEntry>> entries;
  entries[1] = {{"a", 4, "", ""}, {"b", 2, "", ""}};  // mean 3
  entries[2] = {{"a", 5, "", ""}};                    // mean 5
  entries[3] = {{"a", 1, "", ""}, {"b", 2, "", ""}};  // mean 1.5
  std::map<int, model::AgreedEntry> agreed;
  agreed[1] = {4.0, "", ""};
  agreed[3] = {std::nullopt, "Gemensam text", ""};  // texts only: the mean still counts
  auto r = model::unit_result(st, "enhet", &entries, &agreed);
  CHECK(r.areas[0].questions[0].score == Approx(4));
  CHECK(r.areas[0].questions[0].mean == Approx(3));
  CHECK(r.areas[0].questions[0].agreed_score());
  CHECK_FALSE(r.areas[1].questions[0].agreed_score());
  CHECK(r.areas[1].questions[0].score == Approx(1.5));
  CHECK(r.areas[0].score == Approx((3 * 4 + 1 * 5) / 4.0));
  CHECK(r.areas[0].mean_score == Approx((3 * 3 + 1 * 5) / 4.0));
  CHECK(r.total == Approx((2 * (17 / 4.0) + 1 * 1.5) / 3.0));
  CHECK(r.mean_total == Approx((2 * (14 / 4.0) + 1 * 1.5) / 3.0));
  CHECK(r.scored == 3);
  CHECK(r.agreed == 1);
  CHECK(r.preliminary());
  agreed[2] = {5.0, "", ""};
  agreed[3].score = 2.0;
  r = model::unit_result(st, "enhet", &entries, &agreed);
  CHECK(r.agreed == 3);
  CHECK_FALSE(r.preliminary());
  // An agreed score where no reviewer scored counts too.
  std::map<int, model::AgreedEntry> only;
  only[2] = {3.0, "", ""};
  r = model::unit_result(st, "enhet", nullptr, &only);
  CHECK(r.scored == 1);
  CHECK(r.total == Approx(3));
  CHECK_FALSE(r.mean_total);
}

TEST_CASE("a reviewer's text is split into its points", "[review]") {
  CHECK(model::review_points("Mätbara mål\n- Tydlig uppföljning\r\n\n  * Bra\n\xE2\x80\xA2 Punkt ") ==
        std::vector<std::string>{"Mätbara mål", "Tydlig uppföljning", "Bra", "Punkt"});
  CHECK(model::review_points("").empty());
}

namespace {

// A site of two units' documents of one edition (prov 2022, the structure two_areas() with
// numbered questions 1–3), for the reader of filled forms.
model::Site reviewed_site() {
  auto st = std::make_shared<model::Structure>(two_areas());
  st->name = "Prov";
  int n = 0;
  for (auto& area : st->areas)
    for (auto& q : area.questions) q.label = std::to_string(++n);
  model::Site site;
  for (const char* unit : {"a-enhet", "b-enhet"}) {
    model::Submission s;
    s.unit = {unit, std::string("Enhet ") + unit, ""};
    s.year = 2022;
    s.kind_slug = "prov";
    s.structure = st;
    site.submissions.push_back(std::move(s));
  }
  return site;
}

// One sheet of a form: its name and, per (unit, question), the score cell and a strength.
struct FormSheet {
  std::string name;
  std::map<std::pair<std::string, int>, std::pair<xlsx::Cell, std::string>> filled;
};

// A form as the site writes it (every unit × question a row, the key columns), each sheet
// filled as given; the reader finds its columns by header, so these are enough.
void write_form(const fs::path& file, const std::vector<FormSheet>& sheets) {
  using C = model::ReviewColumn;
  using K = xlsx::Column::Kind;
  Diagnostics diagnostics;
  xlsx::Workbook book({file, file.filename().string(), diagnostics}, Lang::kSv, std::time_t(1700000000), "Prov");
  std::vector<xlsx::Column> columns;
  for (C c : {C::kUnitKey, C::kNumber, C::kScore, C::kStrengths, C::kImprovements})
    columns.push_back({model::review_header(c, Lang::kSv), 12, c == C::kScore ? K::kDecimal : K::kText, {}});
  for (const auto& sheet : sheets) {
    std::vector<std::vector<xlsx::Cell>> rows;
    for (const char* unit : {"a-enhet", "b-enhet"})
      for (int nr = 1; nr <= 3; ++nr) {
        auto it = sheet.filled.find({unit, nr});
        rows.push_back({xlsx::Cell::of(unit), xlsx::Cell::of(static_cast<double>(nr)),
                        it == sheet.filled.end() ? xlsx::Cell::empty() : it->second.first,
                        it == sheet.filled.end() || it->second.second.empty() ? xlsx::Cell::empty() : xlsx::Cell::of(it->second.second),
                        xlsx::Cell::empty()});
      }
    book.add_sheet(sheet.name, columns, rows);
  }
  book.close();
}

FormSheet scored(std::string name, double base) {  // every answer scored, base + question % 2
  FormSheet sheet{std::move(name), {}};
  for (const char* unit : {"a-enhet", "b-enhet"})
    for (int nr = 1; nr <= 3; ++nr) sheet.filled[{unit, nr}] = {xlsx::Cell::of(base + nr % 2), ""};
  return sheet;
}

}  // namespace

TEST_CASE("reviewers' forms come back however they went out: empty sheets are nobody's, copies are caught", "[review][bedomning]") {
  TempDir dir;
  const fs::path folder = dir.path() / kReviewFormsFolder / "2022" / "prov";
  fs::create_directories(folder);
  auto read = [&] {
    model::Site site = reviewed_site();
    Diagnostics diagnostics;
    read_review_forms(dir.path(), site, diagnostics);
    return std::pair{std::move(site), std::move(diagnostics)};
  };
  // The whole workbook went to both; each filled their own sheet and left the other empty.
  write_form(folder / "1-anna.xlsx", {scored("Anna", 2), {"Bertil", {}}});
  write_form(folder / "2-bertil.xlsx", {{"Anna", {}}, scored("Bertil", 4)});
  {
    auto [site, diagnostics] = read();
    CHECK_FALSE(diagnostics.list.has_errors());
    CHECK(diagnostics.list.items().size() == 2);  // one warning per file
    CHECK(kvtest::count(diagnostics, Severity::kWarning, "1-anna.xlsx", "bladet ”Bertil” har varken poäng eller text") == 1);
    CHECK(kvtest::count(diagnostics, Severity::kWarning, "2-bertil.xlsx", "bladet ”Anna” har varken poäng eller text") == 1);
    REQUIRE(site.reviews.size() == 1);
    CHECK(site.reviews[0].reviewers == std::vector<std::string>{"Anna", "Bertil"});
    // each answer once per reviewer: Anna 2 + nr % 2, Bertil 4 + nr % 2
    const auto& q1 = site.reviews[0].entries.at("a-enhet").at(1);
    REQUIRE(q1.size() == 2);
    CHECK(q1[0].score == 3);
    CHECK(q1[1].score == 5);
    CHECK(site.reviews[0].entries.at("b-enhet").at(2).size() == 2);
  }
  // Anna's sheet again in her own file, the same answers: a warning, counted once.
  write_form(folder / "3-anna-igen.xlsx", {scored("Anna", 2)});
  {
    auto [site, diagnostics] = read();
    CHECK_FALSE(diagnostics.list.has_errors());
    CHECK(kvtest::count(diagnostics, Severity::kWarning, "3-anna-igen.xlsx", "har samma svar i bladet ”Anna” i 1-anna.xlsx och bladet ”Anna” i 3-anna-igen.xlsx") == 1);
    REQUIRE(site.reviews.size() == 1);
    CHECK(site.reviews[0].entries.at("a-enhet").at(1).size() == 2);
  }
  // Different answers: an error naming both files. And every bad cell of every file is
  // reported: a 7 in one, a word for a score in another.
  FormSheet changed = scored("Anna", 1);
  changed.filled[{"b-enhet", 3}] = {xlsx::Cell::of(7.0), ""};
  write_form(folder / "3-anna-igen.xlsx", {changed});
  FormSheet bertil = scored("Bertil", 4);
  bertil.filled[{"a-enhet", 2}] = {xlsx::Cell::of("bra"), ""};
  write_form(folder / "2-bertil.xlsx", {{"Anna", {}}, bertil});
  auto [site, diagnostics] = read();
  CHECK(kvtest::count(diagnostics, Severity::kError, "3-anna-igen.xlsx",
                      "bedömaren ”Anna” har fyllt i både bladet ”Anna” i 1-anna.xlsx och bladet ”Anna” i 3-anna-igen.xlsx, med olika svar") == 1);
  const Diagnostic* seven = kvtest::find(diagnostics, "poängen 7 finns inte på skalan");
  REQUIRE(seven);
  CHECK(seven->pos.path.ends_with("3-anna-igen.xlsx"));
  CHECK(seven->pos.line == 7);  // b-enhet 3: the 6th row after the header
  CHECK(seven->pos.col == 3);
  const Diagnostic* word = kvtest::find(diagnostics, "”bra” är ingen poäng");
  REQUIRE(word);
  CHECK(word->pos.path.ends_with("2-bertil.xlsx"));
  CHECK(word->pos.line == 3);  // a-enhet 2
  CHECK(word->message.starts_with("bladet ”Bertil”, cell C3: "));
  CHECK(kvtest::count(diagnostics, Severity::kError, "", "") == 3);
}

TEST_CASE("review: an answer nobody scored is named once, one a reviewer left while another scored it per reviewer", "[review][bedomning]") {
  TempDir dir;
  const fs::path folder = dir.path() / kReviewFormsFolder / "2022" / "prov";
  fs::create_directories(folder);
  FormSheet anna = scored("Anna", 2), bertil = scored("Bertil", 3);
  anna.filled.erase({"a-enhet", 3});    // neither scored a-enhet 3
  bertil.filled.erase({"a-enhet", 3});
  bertil.filled.erase({"b-enhet", 2});  // Anna did score b-enhet 2
  write_form(folder / "anna.xlsx", {anna});
  write_form(folder / "bertil.xlsx", {bertil});
  model::Site site = reviewed_site();
  Diagnostics diagnostics;
  read_review_forms(dir.path(), site, diagnostics);
  INFO(kvtest::all_messages(diagnostics));
  CHECK_FALSE(diagnostics.list.has_errors());
  CHECK(diagnostics.list.items().size() == 2);
  CHECK(kvtest::count(diagnostics, Severity::kWarning, "anna.xlsx", "ingen bedömare har gett enheten ”a-enhet” poäng för fråga 3") == 1);
  CHECK(kvtest::count(diagnostics, Severity::kWarning, "", "har gett enheten ”a-enhet” poäng, men inte") == 0);
  CHECK(kvtest::count(diagnostics, Severity::kWarning, "bertil.xlsx", "bedömaren ”Bertil” har gett enheten ”b-enhet” poäng, men inte för fråga 2") == 1);
}

TEST_CASE("the reviewers' consensus form: agreed scores and texts are read back, its bad cells reported", "[review][bedomning]") {
  TempDir dir;
  const fs::path folder = dir.path() / kReviewFormsFolder / "2022" / "prov";
  fs::create_directories(folder);
  write_form(folder / "anna.xlsx", {scored("Anna", 2)});
  using C = model::ConsensusColumn;
  using K = xlsx::Column::Kind;
  std::vector<xlsx::Column> columns;
  for (C c : {C::kUnitKey, C::kNumber, C::kAgreedScore, C::kAgreedStrengths, C::kAgreedImprovements})
    columns.push_back({model::consensus_header(c, Lang::kSv), 12, c == C::kAgreedScore ? K::kDecimal : K::kText, {}});
  auto row = [](const char* unit, double nr, xlsx::Cell score, const char* strengths) {
    return std::vector<xlsx::Cell>{xlsx::Cell::of(unit), xlsx::Cell::of(nr), score,
                                   *strengths ? xlsx::Cell::of(strengths) : xlsx::Cell::empty(), xlsx::Cell::empty()};
  };
  auto write = [&](std::vector<std::vector<xlsx::Cell>> rows) {
    Diagnostics diagnostics;
    xlsx::Workbook book({folder / kConsensusFile, kConsensusFile, diagnostics}, Lang::kSv, std::time_t(1700000000), "Prov");
    book.add_sheet(model::consensus_sheet(Lang::kSv), columns, rows);
    book.close();
  };
  auto read = [&] {
    model::Site site = reviewed_site();
    Diagnostics diagnostics;
    read_review_forms(dir.path(), site, diagnostics);
    return std::pair{std::move(site), std::move(diagnostics)};
  };
  write({row("a-enhet", 1, xlsx::Cell::of(5.0), "Gemensam styrka"), row("a-enhet", 2, xlsx::Cell::empty(), ""),
         row("b-enhet", 3, xlsx::Cell::empty(), "Bara text")});
  {
    auto [site, diagnostics] = read();
    CHECK(diagnostics.list.items().empty());
    REQUIRE(site.reviews.size() == 1);
    const auto& agreed = site.reviews[0].agreed;
    CHECK(agreed.at("a-enhet").at(1).score == 5.0);
    CHECK(agreed.at("a-enhet").at(1).strengths == "Gemensam styrka");
    CHECK_FALSE(agreed.at("a-enhet").count(2));  // an empty row agrees nothing
    CHECK_FALSE(agreed.at("b-enhet").at(3).score);
    CHECK(site.reviews[0].reviewers == std::vector<std::string>{"Anna"});  // not a reviewer's form
    // Anna's a-enhet 1 is 2 + 1 % 2 = 3; agreed 5 counts, 3 stays as the mean
    const auto r = model::unit_result(*site.submissions[0].structure, site.reviews[0], "a-enhet");
    CHECK(r.areas[0].questions[0].score == Approx(5));
    CHECK(r.areas[0].questions[0].mean == Approx(3));
    CHECK(r.agreed == 1);
    CHECK(r.preliminary());
  }
  write({row("a-enhet", 1, xlsx::Cell::of(7.0), ""), row("c-enhet", 2, xlsx::Cell::of(3.0), "")});
  auto [site, diagnostics] = read();
  const Diagnostic* seven = kvtest::find(diagnostics, "poängen 7 finns inte på skalan");
  REQUIRE(seven);
  CHECK(seven->pos.path.ends_with(kConsensusFile));
  CHECK(seven->pos.line == 2);
  CHECK(seven->pos.col == 3);
  CHECK(seven->message.starts_with("bladet ”Konsensus”, cell C2: "));
  const Diagnostic* unit = kvtest::find(diagnostics, "ingen enhet med id ”c-enhet”");
  REQUIRE(unit);
  CHECK(unit->pos.line == 3);
  CHECK(unit->pos.col == 1);
}
