// "What changed since last year": the word diff (util/word_diff.h) and the page made from it
// for an answer whose question corresponds to one of an earlier year (tests/fixtures/editions:
// 2022's question 1 is 2020's question 2; 2022's question 2 is new).
#include <catch2/catch.hpp>

#include <fstream>

#include "support.h"
#include "util/word_diff.h"

using namespace kvtest;
using Catch::Matchers::Contains;
using kv::DiffPiece;
using K = kv::DiffPiece::Kind;

TEST_CASE("the same text has no change", "[changes]") {
  auto d = kv::diff_paragraphs({"Ett två tre.", "Fyra fem."}, {"Ett  två tre.", "Fyra fem."});
  REQUIRE(d.size() == 2);
  CHECK(d[0] == kv::DiffParagraph{{K::kSame, "Ett två tre."}});
  CHECK(kv::count_changes(d).inserted == 0);
  CHECK(kv::count_changes(d).deleted == 0);
}

TEST_CASE("words inserted, removed and replaced inside a paragraph", "[changes]") {
  auto d = kv::diff_paragraphs({"Vi mäter nöjdheten varje år."}, {"Vi mäter nöjdheten två gånger varje år."});
  REQUIRE(d.size() == 1);
  CHECK(d[0] == kv::DiffParagraph{{K::kSame, "Vi mäter nöjdheten"}, {K::kInserted, "två gånger"}, {K::kSame, "varje år."}});
  d = kv::diff_paragraphs({"Vi mäter nöjdheten varje år."}, {"Vi mäter varje år."});
  CHECK(d[0] == kv::DiffParagraph{{K::kSame, "Vi mäter"}, {K::kDeleted, "nöjdheten"}, {K::kSame, "varje år."}});
  // a replaced word: the old one first, then the new
  d = kv::diff_paragraphs({"Målet nåddes 2017."}, {"Målet nåddes 2018."});
  CHECK(d[0] == kv::DiffParagraph{{K::kSame, "Målet nåddes"}, {K::kDeleted, "2017."}, {K::kInserted, "2018."}});
  CHECK(kv::count_changes(d).inserted == 1);
  CHECK(kv::count_changes(d).deleted == 1);
}

TEST_CASE("paragraphs added and removed whole, the rest matched around them", "[changes]") {
  auto d = kv::diff_paragraphs({"Första.", "Andra stycket.", "Sista."}, {"Första.", "Sista.", "Ett nytt stycke här."});
  REQUIRE(d.size() == 4);
  CHECK(d[0] == kv::DiffParagraph{{K::kSame, "Första."}});
  CHECK(d[1] == kv::DiffParagraph{{K::kDeleted, "Andra stycket."}});
  CHECK(d[2] == kv::DiffParagraph{{K::kSame, "Sista."}});
  CHECK(d[3] == kv::DiffParagraph{{K::kInserted, "Ett nytt stycke här."}});
  CHECK(kv::count_changes(d).inserted == 4);
  CHECK(kv::count_changes(d).deleted == 2);
  CHECK(kv::diff_paragraphs({}, {}).empty());
  CHECK(kv::diff_paragraphs({}, {"Ny."}) == std::vector<kv::DiffParagraph>{{{K::kInserted, "Ny."}}});
}

TEST_CASE("a paragraph pair too large to compare word by word is replaced whole", "[changes]") {
  std::string a, b;
  for (int i = 0; i < 2100; ++i) a += "a" + std::to_string(i) + " ", b += "b" + std::to_string(i) + " ";
  auto d = kv::diff_paragraphs({a}, {b});
  REQUIRE(d.size() == 1);
  REQUIRE(d[0].size() == 2);
  CHECK(d[0][0].kind == K::kDeleted);
  CHECK(d[0][1].kind == K::kInserted);
  CHECK(kv::count_changes(d).inserted == 2100);
}

TEST_CASE("the changes page compares an answer with the corresponding one of an earlier year", "[changes]") {
  StructuresFixture f("editions");
  // 2022's question 1 corresponds to 2020's question 2: give it one changed sentence.
  const auto q1 = f.content / "provenhet/2022/prov/fraga-01.md";
  std::string text = read(q1);
  const std::string old_sentence = "Målen för 2022 sattes på en gemensam planeringsdag.";
  REQUIRE(text.find(old_sentence) != std::string::npos);
  text.replace(text.find(old_sentence), old_sentence.size(), "Enheten har ett mål & 3 < 4 till.");
  std::ofstream(q1, std::ios::binary) << text;
  std::string errors;
  REQUIRE(f.build(&errors) == 0);
  const std::string page = read(f.out / "2022/provenhet/prov/fraga-01/andringar/index.html");
  CHECK_THAT(page, Contains("Ändringar sedan 2020: Fråga 1. Våra mål för 2022"));
  CHECK_THAT(page, Contains("svaret på Fråga 2 (”Våra mål”) i Provutmärkelsen 2020"));
  // "Enheten har ett mål." → "Enheten har ett mål & 3 < 4 till.": escaped, and marked in words
  CHECK_THAT(page, Contains("<p>Enheten har ett <del><span class=\"visuellt-dold\">Borttaget: </span>mål.</del> "
                            "<ins><span class=\"visuellt-dold\">Tillagt: </span>mål &amp; 3 &lt; 4 till.</ins>"));
  // The goal block's text is compared too: 2020's goal was replaced by another.
  CHECK_THAT(page, Contains("<del><span class=\"visuellt-dold\">Borttaget: </span>Budgeten är i balans</del>"));
  // Linked from the question page; none for a question declared new, none for the first year.
  CHECK_THAT(read(f.out / "2022/provenhet/prov/fraga-01/index.html"), Contains("andringar/index.html\">Vad som har ändrats sedan 2020, ord för ord"));
  CHECK_FALSE(fs::exists(f.out / "2022/provenhet/prov/fraga-02/andringar"));
  CHECK(read(f.out / "2022/provenhet/prov/fraga-02/index.html").find("andringar/") == std::string::npos);
  CHECK_FALSE(fs::exists(f.out / "2020/provenhet/prov/fraga-02/andringar"));
  // 2023 (built on 2022) compares with 2022, the nearest earlier year
  CHECK_THAT(read(f.out / "2023/provenhet/prov/fraga-01/andringar/index.html"), Contains("Ändringar sedan 2022"));
}
