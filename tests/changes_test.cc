// "What changed since last year": the word diff (util/word_diff.h) and the page made from it
// for an answer whose question corresponds to one of an earlier year (tests/fixtures/editions:
// 2022's question 1 is 2020's question 2; 2022's question 2 is new).
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>

#include "i18n/messages.h"
#include "support.h"
#include "util/myers.h"
#include "util/word_diff.h"

using namespace kvtest;
using Catch::Matchers::Contains;
using kv::DiffPiece;
using K = kv::DiffPiece::Kind;
using Move = kv::DiffParagraph::Move;
using Pieces = std::vector<DiffPiece>;
using Words = std::vector<std::string>;

namespace {

Words split(const std::string& text) {
  std::istringstream in(text);
  Words out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// The longest common subsequence by the plain table, independent of the code under test.
size_t lcs_length(const Words& a, const Words& b) {
  std::vector<std::vector<size_t>> t(a.size() + 1, std::vector<size_t>(b.size() + 1, 0));
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : std::max(t[i - 1][j], t[i][j - 1]);
  return t[a.size()][b.size()];
}

Words all_words(const Words& paragraphs) {
  Words out;
  for (const auto& p : paragraphs)
    for (auto& w : split(p)) out.push_back(std::move(w));
  return out;
}

// The words of one side of a paragraph's pieces: kept and removed (earlier) or kept and added.
Words side(const Pieces& pieces, K changed) {
  Words out;
  for (const auto& piece : pieces)
    if (piece.kind == K::kSame || piece.kind == changed)
      for (auto& w : split(piece.text)) out.push_back(std::move(w));
  return out;
}

// Both texts rebuilt from what is shown, paragraph by paragraph: a moved paragraph's earlier
// words are where it stood (shown at its partner), its later words where it stands.
std::vector<Words> rebuilt(const std::vector<kv::DiffParagraph>& diff, bool earlier) {
  std::vector<Words> out;
  for (const auto& p : diff) {
    Words words;
    if (earlier && p.move == Move::kMovedAway) words = side(diff.at(p.partner).pieces, K::kDeleted);
    else if (earlier && p.move != Move::kMovedHere) words = side(p.pieces, K::kDeleted);
    else if (!earlier && p.move != Move::kMovedAway) words = side(p.pieces, K::kInserted);
    if (!words.empty()) out.push_back(words);
  }
  return out;
}

std::vector<Words> paragraph_words(const Words& text) {
  std::vector<Words> out;
  for (const auto& p : text)
    if (!split(p).empty()) out.push_back(split(p));
  return out;
}

size_t letters(const std::string& word) {
  size_t n = 0;
  for (unsigned char c : word) n += (c >= 0x80 && c < 0xC0) ? 0 : (c >= 0x80 || std::isalnum(c)) ? 1 : 0;
  return n;
}

// What every diff must be, whatever the texts: it rebuilds both exactly; no equal run of
// short words only ("på", "och", "ett") stands between two changes; and its counts are the
// LCS of all the words.
void check_honest(const Words& before, const Words& after, const std::vector<kv::DiffParagraph>& diff) {
  CHECK(rebuilt(diff, true) == paragraph_words(before));
  CHECK(rebuilt(diff, false) == paragraph_words(after));
  for (const auto& p : diff)
    for (size_t i = 1; i + 1 < p.pieces.size(); ++i) {
      if (p.pieces[i].kind != K::kSame) continue;
      const Words run = split(p.pieces[i].text);
      INFO("an equal run between two changes: " << p.pieces[i].text);
      CHECK(std::any_of(run.begin(), run.end(), [](const std::string& w) { return letters(w) > 3; }));
    }
  const Words a = all_words(before), b = all_words(after);
  const size_t kept = lcs_length(a, b);
  const auto counts = kv::count_word_changes(before, after);
  REQUIRE(counts);
  CHECK(counts->inserted == b.size() - kept);
  CHECK(counts->deleted == a.size() - kept);
}

size_t changed_paragraphs(const std::vector<kv::DiffParagraph>& diff) {
  return std::count_if(diff.begin(), diff.end(), [](const kv::DiffParagraph& p) {
    return std::any_of(p.pieces.begin(), p.pieces.end(), [](const DiffPiece& piece) { return piece.kind != K::kSame; });
  });
}

kv::DiffParagraph shown(K kind, const std::string& text) { return {{{kind, text}}, Move::kNone, 0}; }

// An answer on following up users' satisfaction, as a unit writes it: paragraphs that share
// the small words of Swedish ("på", "och", "ett", "i") but nothing else.
const std::string kIntro = "Enheten följer upp brukarnas nöjdhet på flera sätt och sammanställer resultaten i ett gemensamt dokument.";
const std::string kSurvey =
    "Under våren genomförde vi en enkät på papper och ett antal samtal med anhöriga, vilket gav ett underlag för förbättringsarbetet på "
    "enheten och i ledningsgruppen.";
const std::string kNotes = "Varje medarbetare dokumenterar minst tre gånger per vecka i verksamhetssystemet och stämmer av med sin kontaktperson.";
const std::string kMeetings =
    "På arbetsplatsträffarna går vi igenom avvikelser och klagomål, och ett protokoll skickas till ledningen efter varje möte på "
    "måndagar.";
const std::string kReport = "Resultaten redovisas för nämnden i bokslutet och publiceras på kommunens webbplats.";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  return text.replace(text.find(from), from.size(), to);
}

}  // namespace

TEST_CASE("the same text has no change", "[changes]") {
  auto d = kv::diff_paragraphs({"Ett två tre.", "Fyra fem."}, {"Ett  två tre.", "Fyra fem."});
  REQUIRE(d.size() == 2);
  CHECK(d[0] == shown(K::kSame, "Ett två tre."));
  CHECK(kv::count_changes(d).inserted == 0);
  CHECK(kv::count_word_changes({"Ett två tre.", "Fyra fem."}, {"Ett  två tre.", "Fyra fem."}) == kv::DiffCounts{0, 0});
}

TEST_CASE("words inserted, removed and replaced inside a paragraph", "[changes]") {
  auto d = kv::diff_paragraphs({"Vi mäter nöjdheten varje år."}, {"Vi mäter nöjdheten två gånger varje år."});
  REQUIRE(d.size() == 1);
  CHECK(d[0].pieces == Pieces{{K::kSame, "Vi mäter nöjdheten"}, {K::kInserted, "två gånger"}, {K::kSame, "varje år."}});
  d = kv::diff_paragraphs({"Vi mäter nöjdheten varje år."}, {"Vi mäter varje år."});
  CHECK(d[0].pieces == Pieces{{K::kSame, "Vi mäter"}, {K::kDeleted, "nöjdheten"}, {K::kSame, "varje år."}});
  // a replaced word: the old one first, then the new
  d = kv::diff_paragraphs({"Målet nåddes 2017."}, {"Målet nåddes 2018."});
  CHECK(d[0].pieces == Pieces{{K::kSame, "Målet nåddes"}, {K::kDeleted, "2017."}, {K::kInserted, "2018."}});
  CHECK(kv::count_changes(d) == kv::DiffCounts{1, 1});
}

TEST_CASE("paragraphs added and removed whole, the rest matched around them", "[changes]") {
  auto d = kv::diff_paragraphs({"Första.", "Andra stycket.", "Sista."}, {"Första.", "Sista.", "Ett nytt stycke här."});
  REQUIRE(d.size() == 4);
  CHECK(d[0] == shown(K::kSame, "Första."));
  CHECK(d[1] == shown(K::kDeleted, "Andra stycket."));
  CHECK(d[2] == shown(K::kSame, "Sista."));
  CHECK(d[3] == shown(K::kInserted, "Ett nytt stycke här."));
  CHECK(kv::count_changes(d) == kv::DiffCounts{4, 2});
  CHECK(kv::diff_paragraphs({}, {}).empty());
  CHECK(kv::diff_paragraphs({}, {"Ny."}) == std::vector<kv::DiffParagraph>{shown(K::kInserted, "Ny.")});
}

TEST_CASE("two deleted paragraphs are shown deleted whole, not paired with a new one", "[changes]") {
  const std::string added = "Från i år mäter vi också hur länge den som ringer får vänta på ett svar, och resultatet redovisas varje månad.";
  const Words before{kIntro, kSurvey, kNotes, kMeetings, kReport}, after{kIntro, kNotes, added, kReport};
  const auto d = kv::diff_paragraphs(before, after);
  check_honest(before, after, d);
  // The new paragraph stands where kMeetings stood: it shares "på", "och", "ett", "vi" with it.
  CHECK(d == std::vector<kv::DiffParagraph>{shown(K::kSame, kIntro), shown(K::kDeleted, kSurvey), shown(K::kSame, kNotes),
                                            shown(K::kDeleted, kMeetings), shown(K::kInserted, added), shown(K::kSame, kReport)});
}

TEST_CASE("one word changed in a kept paragraph while two around it are deleted", "[changes]") {
  // Issue 29: "minst tre gånger per vecka" became "två", and the paragraphs around it went.
  const std::string notes = replaced(kNotes, "minst tre", "minst två");
  const Words before{kIntro, kSurvey, kNotes, kMeetings, kReport}, after{kIntro, notes, kReport};
  const auto d = kv::diff_paragraphs(before, after);
  check_honest(before, after, d);
  CHECK(changed_paragraphs(d) == 3);
  REQUIRE(d.size() == 5);
  CHECK(d[1] == shown(K::kDeleted, kSurvey));
  CHECK(d[3] == shown(K::kDeleted, kMeetings));
  CHECK(d[2].pieces == Pieces{{K::kSame, "Varje medarbetare dokumenterar minst"},
                              {K::kDeleted, "tre"},
                              {K::kInserted, "två"},
                              {K::kSame, "gånger per vecka i verksamhetssystemet och stämmer av med sin kontaktperson."}});
  const auto counts = kv::count_word_changes(before, after);
  REQUIRE(counts);
  CHECK(counts->inserted == 1);
  CHECK(counts->deleted == 1 + split(kSurvey).size() + split(kMeetings).size());
}

TEST_CASE("a moved paragraph is shown as moved, linked both ways, never paired with an unrelated one", "[changes]") {
  const std::string added = "Från i år mäter vi också hur länge den som ringer får vänta på ett svar, och resultatet redovisas varje månad.";
  SECTION("moved unchanged") {
    const Words before{kIntro, kSurvey, kNotes, kMeetings, kReport}, after{kIntro, added, kNotes, kMeetings, kReport, kSurvey};
    const auto d = kv::diff_paragraphs(before, after);
    check_honest(before, after, d);
    REQUIRE(d.size() == 7);
    CHECK(d[1] == kv::DiffParagraph{{}, Move::kMovedAway, 6});
    CHECK(d[2] == shown(K::kInserted, added));
    CHECK(d[6] == kv::DiffParagraph{{{K::kSame, kSurvey}}, Move::kMovedHere, 1});
    CHECK(changed_paragraphs(d) == 1);
  }
  SECTION("moved up, one word changed on the way") {
    const std::string notes = replaced(kNotes, "minst tre", "minst två");
    const Words before{kIntro, kSurvey, kMeetings, kReport, kNotes}, after{notes, kIntro, kSurvey, added, kReport};
    const auto d = kv::diff_paragraphs(before, after);
    check_honest(before, after, d);
    REQUIRE(d.size() == 7);
    CHECK(d[0].move == Move::kMovedHere);
    CHECK(d[0].partner == 6);
    CHECK(d[6] == kv::DiffParagraph{{}, Move::kMovedAway, 0});
    CHECK(d[0].pieces == Pieces{{K::kSame, "Varje medarbetare dokumenterar minst"},
                                {K::kDeleted, "tre"},
                                {K::kInserted, "två"},
                                {K::kSame, "gånger per vecka i verksamhetssystemet och stämmer av med sin kontaktperson."}});
    CHECK(d[3] == shown(K::kDeleted, kMeetings));
    CHECK(d[4] == shown(K::kInserted, added));
  }
}

TEST_CASE("a rewritten sentence is shown removed and added whole, not threaded through small words", "[changes]") {
  const std::string kept_start = "Vi har under året arbetat med att korta väntetiderna.", kept_end = "Arbetet följs upp varje kvartal.";
  const std::string old_sentence = "Handläggarna ringer upp den som söker inom en vecka och bokar ett första möte på plats.";
  const std::string new_sentence = "Den som söker får nu en tid för ett första samtal med en handläggare i en digital kalender på webben.";
  const Words before{kIntro, kept_start + " " + old_sentence + " " + kept_end, kReport};
  const Words after{kIntro, kept_start + " " + new_sentence + " " + kept_end, kReport};
  const auto d = kv::diff_paragraphs(before, after);
  check_honest(before, after, d);
  REQUIRE(d.size() == 3);
  CHECK(d[1].pieces == Pieces{{K::kSame, kept_start}, {K::kDeleted, old_sentence}, {K::kInserted, new_sentence}, {K::kSame, kept_end}});
}

TEST_CASE("any edit of any text is shown honestly and counted as the LCS of its words", "[changes]") {
  // Small words and long ones, so that the cleanup has work to do.
  const Words vocabulary{"på", "och", "ett", "i", "en", "att", "vi", "av", "enheten", "brukarna", "nöjdhet", "uppföljning",
                         "varje", "vecka", "månad", "resultatet", "mål.", "arbetssätt,", "ledningen", "dokumenterar"};
  std::mt19937 random(29);
  auto pick = [&](size_t n) { return static_cast<size_t>(random() % n); };
  for (int round = 0; round < 200; ++round) {
    Words before, after;
    for (size_t p = pick(5); p-- > 0;) {
      std::string text;
      for (size_t w = 1 + pick(12); w-- > 0;) text += vocabulary[pick(vocabulary.size())] + " ";
      before.push_back(text);
    }
    for (const auto& p : before) {  // kept, edited, dropped; sometimes a new one first
      if (pick(4) == 0) continue;
      if (pick(5) == 0) after.push_back(vocabulary[pick(vocabulary.size())] + " " + vocabulary[pick(vocabulary.size())]);
      std::string text;
      for (const auto& w : split(p)) {
        if (pick(5) == 0) continue;
        text += (pick(6) == 0 ? vocabulary[pick(vocabulary.size())] : w) + " ";
      }
      after.push_back(text);
    }
    if (after.size() > 1 && pick(3) == 0) std::rotate(after.begin(), after.begin() + 1, after.end());
    INFO("round " << round);
    check_honest(before, after, kv::diff_paragraphs(before, after));
  }
}

TEST_CASE("Myers' script is a shortest one", "[changes]") {
  std::mt19937 random(1986);
  for (int round = 0; round < 300; ++round) {
    std::vector<uint32_t> a(random() % 25), b(random() % 25);
    for (auto& x : a) x = random() % 4;
    for (auto& x : b) x = random() % 4;
    Words wa, wb;
    for (auto x : a) wa.push_back(std::to_string(x));
    for (auto x : b) wb.push_back(std::to_string(x));
    kv::DiffBudget budget{1'000'000};
    const auto script = kv::edit_script(a, b, 100, budget);
    REQUIRE(script);
    std::vector<uint32_t> ra, rb;
    size_t i = 0, j = 0, edits = 0;
    for (kv::Edit e : *script) {
      if (e != kv::Edit::kInserted) ra.push_back(a.at(i++));
      if (e != kv::Edit::kDeleted) rb.push_back(b.at(j++));
      if (e == kv::Edit::kSame) CHECK(ra.back() == rb.back());
      else ++edits;
    }
    CHECK(ra == a);
    CHECK(rb == b);
    CHECK(edits == a.size() + b.size() - 2 * lcs_length(wa, wb));
    CHECK(kv::edit_count(a, b, 100, budget) == edits);
  }
}

TEST_CASE("the word diff is bounded: past the bounds paragraphs are replaced whole, and counting stops", "[changes]") {
  const auto started = std::chrono::steady_clock::now();
  // A third of 4200 words changed: similar enough to pair, but 2800 edits are past kMaxDiffEdits.
  std::string a, b;
  for (int i = 0; i < 4200; ++i) a += "a" + std::to_string(i) + " ", b += (i % 3 == 1 ? "b" : "a") + std::to_string(i) + " ";
  auto d = kv::diff_paragraphs({a}, {b});
  REQUIRE(d.size() == 2);
  CHECK(d[0].pieces.size() == 1);
  CHECK(d[0].pieces[0].kind == K::kDeleted);
  CHECK(d[1].pieces.size() == 1);
  CHECK(d[1].pieces[0].kind == K::kInserted);
  CHECK(kv::count_word_changes({a}, {b}) == kv::DiffCounts{1400, 1400});  // counting needs no trace: exact still
  // Each search stops when it has used its steps.
  kv::DiffBudget little{1'000};
  std::vector<uint32_t> x(500), y(500);
  for (uint32_t i = 0; i < 500; ++i) x[i] = i, y[i] = 1000 + i;
  CHECK_FALSE(kv::edit_script(x, y, 2000, little));
  CHECK(little.left == 0);
  CHECK_FALSE(kv::edit_count(x, y, 2000, little));
  // 40 000 words, none kept: too many steps to count; thousands of paragraphs, none kept.
  std::vector<std::string> many_a, many_b;
  for (int i = 0; i < 3000; ++i) many_a.push_back("a" + std::to_string(i) + " x" + std::to_string(i)), many_b.push_back("b" + std::to_string(i));
  std::string long_a, long_b;
  for (int i = 0; i < 40000; ++i) long_a += "a" + std::to_string(i) + " ", long_b += "b" + std::to_string(i) + " ";
  CHECK_FALSE(kv::count_word_changes({long_a}, {long_b}));
  d = kv::diff_paragraphs(many_a, many_b);
  REQUIRE(d.size() == 6000);
  CHECK(d[0] == shown(K::kDeleted, "a0 x0"));
  CHECK(d[5999] == shown(K::kInserted, "b2999"));
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(20));
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
  // 2023's answer, against that: "ett" and "till." removed, "två" added.
  const auto q1_2023 = f.content / "provenhet/2023/prov/fraga-01.md";
  text = read(q1_2023);
  const std::string sentence_2023 = "Målen för 2023 sattes på en gemensam planeringsdag.";
  REQUIRE(text.find(sentence_2023) != std::string::npos);
  text.replace(text.find(sentence_2023), sentence_2023.size(), "Enheten har två mål & 3 < 4");
  std::ofstream(q1_2023, std::ios::binary) << text;
  std::string errors;
  REQUIRE(f.build(&errors) == 0);
  const std::string page = read(f.out / "2022/provenhet/prov/fraga-01/andringar/index.html");
  CHECK_THAT(page, Contains("Ändringar sedan 2020: Fråga 1. Våra mål för 2022"));
  CHECK_THAT(page, Contains("svaret på Fråga 2 (”Våra mål”) i Provutmärkelsen 2020"));
  // "Enheten har ett mål." → "Enheten har ett mål & 3 < 4 till.": escaped, and marked in words
  // each mark says what it is where it starts and where it ends
  CHECK_THAT(page, Contains("<p>Enheten har ett <del><span class=\"visuellt-dold\">Borttaget: </span>mål.<span class=\"visuellt-dold\"> slut "
                            "på borttagen text</span></del> <ins><span class=\"visuellt-dold\">Tillagt: </span>mål &amp; 3 &lt; 4 till.<span "
                            "class=\"visuellt-dold\"> slut på tillagd text</span></ins>"));
  // The goal block's text is compared too: 2020's goal was replaced by another, unlike it, so
  // it is removed whole and the new one added whole (they share only "Mål:").
  CHECK_THAT(page, Contains("<p><del><span class=\"visuellt-dold\">Borttaget: </span>Mål: Budgeten är i balans<span class=\"visuellt-dold\">"));
  CHECK_THAT(page, Contains("<p><ins><span class=\"visuellt-dold\">Tillagt: </span>Mål: Alla brukare har en aktuell genomförandeplan<span"));
  // counted over the whole answer, in words of the right number (one word, two words)
  CHECK_THAT(page, Contains(" ord tillagda och "));
  CHECK_THAT(page, !Contains("<p></p>") && !Contains("Svaret är oförändrat"));  // no empty "unchanged" paragraph
  // Linked from the question page; none for a question declared new, none for the first year.
  CHECK_THAT(read(f.out / "2022/provenhet/prov/fraga-01/index.html"), Contains("andringar/index.html\">Vad som har ändrats sedan 2020, ord för ord"));
  CHECK_FALSE(fs::exists(f.out / "2022/provenhet/prov/fraga-02/andringar"));
  CHECK(read(f.out / "2022/provenhet/prov/fraga-02/index.html").find("andringar/") == std::string::npos);
  CHECK_FALSE(fs::exists(f.out / "2020/provenhet/prov/fraga-02/andringar"));
  // 2023 (built on 2022) compares with 2022, the nearest earlier year
  const std::string page_2023 = read(f.out / "2023/provenhet/prov/fraga-01/andringar/index.html");
  CHECK_THAT(page_2023, Contains("Ändringar sedan 2022"));
  CHECK_THAT(page_2023, Contains(": 1 ord tillagt och 2 ord borttagna."));
  CHECK(kv::text(kv::Lang::kSv, kv::Msg::kUiChangesRemovedOne, {"1"}) == "1 ord borttaget");
  CHECK(kv::text(kv::Lang::kEn, kv::Msg::kUiChangesAddedOne, {"1"}) == "1 word added");
  CHECK(kv::text(kv::Lang::kEn, kv::Msg::kUiChangesAddedMany, {"2"}) == "2 words added");
}
