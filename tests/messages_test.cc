// Issue 31: each stumble of a new author gets the message they need, at the line of the
// mistake — a part number that does not match its file name, a file name in other capital
// letters, a text line not indented under its key, "83 %" in a number field, a date that does
// not exist, and a part named by a title cut to a readable length.
#include <catch2/catch.hpp>

#include "support.h"

using namespace kvtest;
using namespace std::string_literals;
using kv::Severity;

namespace {

// The valid fixture (tests/fixtures/valid), in Swedish or English.
struct Valid {
  TempDir dir;
  fs::path content = dir.path() / "content";
  fs::path sub = submission_dir(content);
  Valid() { copy_fixture("valid", content); }
  kv::Validated run(kv::Lang lang = kv::Lang::kSv) const {
    auto options = options_for(content);
    options.lang = lang;
    return kv::validate_content(options);
  }
};

kv::Diagnostic only(const kv::Validated& v) {  // a copy: v may be a temporary
  INFO(all_messages(v));
  REQUIRE(v.diagnostics.list.items().size() == 1);
  return v.diagnostics.list.items().front();
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::string png_bytes() { return "\x89PNG\r\n\x1a\n"s + std::string(32, '\0'); }

}  // namespace

// ---------------------------------------------------------------------------------------------
// 1. The number in the front matter and the file name

TEST_CASE("issue 31: a part file whose front matter names another part than its name gets one error, at the number") {
  Valid f;
  replace(f.sub / "fraga-02.md", "fråga: 2\n", "fråga: 3\n");
  SECTION("in Swedish") {
    auto v = f.run();
    const auto& d = only(v);
    CHECK(ends_with(d.pos.path, "fraga-02.md"));
    CHECK(d.pos.line == 2);  // the fråga: line, at its value
    CHECK(d.pos.col == 8);
    CHECK(d.message == "numret i front matter (fråga: 3) stämmer inte med filnamnet fraga-02.md (fråga 2)");
    CHECK(d.hint == "ändra det ena: skriv fråga: 2 eller byt namn på filen till fraga-03.md");
    // Neither "fråga 2 saknas" (its file is there) nor a duplicate on the innocent fraga-03.md.
    CHECK(find(v, "saknas") == nullptr);
    CHECK(find(v, "finns redan") == nullptr);
  }
  SECTION("in English") {
    const auto& d = only(f.run(kv::Lang::kEn));
    CHECK(d.message == "the number in the front matter (fråga: 3) does not match the file name fraga-02.md (question 2)");
    CHECK(d.hint == "change one of them: write fråga: 2 or rename the file to fraga-03.md");
  }
}

TEST_CASE("issue 31: the example's award 2018, fraga-03.md saying fråga: 4") {
  ExampleUnit unit("skarholmen-omsorg-om-aldre");
  const fs::path doc = unit.content / "skarholmen-omsorg-om-aldre/2018/kvalitetsutmarkelsen";
  replace(doc / "fraga-03.md", "fråga: 3\n", "fråga: 4\n");
  auto v = unit.run();
  const auto& d = only(v);
  CHECK(ends_with(d.pos.path, "2018/kvalitetsutmarkelsen/fraga-03.md"));
  CHECK(d.pos.line == 2);
  CHECK(d.message == "numret i front matter (fråga: 4) stämmer inte med filnamnet fraga-03.md (fråga 3)");
}

TEST_CASE("issue 31: a part number the structure lacks is not also reported missing") {
  Valid f;
  replace(f.sub / "fraga-02.md", "fråga: 2\n", "fråga: 9\n");
  auto v = f.run();
  const auto& d = only(v);
  CHECK(d.pos.line == 2);
  CHECK(d.pos.col == 8);
  CHECK(d.message.find("fråga 9") != std::string::npos);
}

TEST_CASE("issue 31: a report's section file whose avsnitt: is another section's") {
  TempDir dir;
  const fs::path content = dir.path() / "content";
  copy_fixture("report", content);
  const fs::path sub = content / "provrapport" / "2024" / "prov-rapport";
  replace(sub / "avsnitt-02.md", "avsnitt: 2\n", "avsnitt: 3\n");
  auto v = check(content);
  const auto& d = only(v);
  CHECK(ends_with(d.pos.path, "avsnitt-02.md"));
  CHECK(d.pos.line == 2);
  CHECK(d.message == "numret i front matter (avsnitt: 3) stämmer inte med filnamnet avsnitt-02.md (avsnitt 2)");
  CHECK(d.hint == "ändra det ena: skriv avsnitt: 2 eller byt namn på filen till avsnitt-03.md");
}

// ---------------------------------------------------------------------------------------------
// 2. Image and link paths that are nearly right

TEST_CASE("issue 31: an image named in other capital letters gets the name that is there, at its own line") {
  Valid f;
  write(f.sub / "bilder" / "Promenadgrupp.png", png_bytes());
  std::string written = "bilder/promenadgrupp.png", near = "bilder/Promenadgrupp.png";
  bool case_only = true;
  SECTION("the file's letters") {}
  SECTION("the folder's letters") { written = "Bilder/Promenadgrupp.png"; }
  SECTION("a letter missing: an ordinary \"did you mean\"") {
    written = "bilder/Promenadgrup.png";
    case_only = false;
  }
  // Line 5 is "Vi lyssnar på brukarna."; the bild block opens on line 7, its fil: is line 9.
  replace(f.sub / "fraga-01.md", "Vi lyssnar på brukarna.\n",
          "Vi lyssnar på brukarna.\n\n```bild\nbildtext: Promenadgruppen\nfil: " + written +
              "\n```\n\n![Promenadgruppen](" + written + ")\n");
  auto v = f.run();
  INFO(all_messages(v));
  REQUIRE(v.diagnostics.list.items().size() == 2);
  const std::string hint = case_only ? "menade du ”" + near + "”? Webbplatsen skiljer på stora och små bokstäver, även om din dator inte gör det"
                                     : "menade du ”" + near + "”?";
  const auto& figure = v.diagnostics.list.items()[0];
  CHECK(figure.message.find("bildfilen ”" + written + "” finns inte") != std::string::npos);
  CHECK(figure.hint == hint);
  CHECK(figure.pos.line == 9);  // the fil: line, at its value — not the fence on line 7
  CHECK(figure.pos.col == 6);
  const auto& prose = v.diagnostics.list.items()[1];
  CHECK(prose.hint == hint);
  CHECK(prose.pos.line == 12);
}

TEST_CASE("issue 31: an image in other capital letters, in English") {
  Valid f;
  write(f.sub / "bilder" / "Promenadgrupp.png", png_bytes());
  replace(f.sub / "fraga-01.md", "Vi lyssnar på brukarna.\n", "Vi lyssnar på brukarna.\n\n![Promenadgruppen](bilder/promenadgrupp.png)\n");
  const auto& d = only(f.run(kv::Lang::kEn));
  CHECK(d.hint == "did you mean ‘bilder/Promenadgrupp.png’? The site tells capital and small letters apart, even if your computer does not");
}

TEST_CASE("issue 31: a link to fraga-3.md where fraga-03.md is there") {
  Valid f;
  std::string written, near;
  SECTION("a zero left out") { written = "fraga-3.md", near = "fraga-03.md"; }
  SECTION("a capital letter") { written = "Fraga-03.md", near = "fraga-03.md"; }
  replace(f.sub / "fraga-01.md", "Vi lyssnar på brukarna.\n", "Vi lyssnar på brukarna, se [fråga 3](" + written + ").\n");
  auto v = f.run();
  const auto& d = only(v);
  CHECK(d.message.find("länken ”" + written + "”") != std::string::npos);
  CHECK(d.hint.find("menade du ”" + near + "”?") == 0);
}

// ---------------------------------------------------------------------------------------------
// 3. A line of a text not indented under its key

TEST_CASE("issue 31: a text line not indented under its key belongs to the text above") {
  Valid f;
  // fraga-02.md: the mål block's arbetssätt: > is line 11, its text line 12, uppföljning: > 13.
  std::string key;
  int line = 0;
  SECTION("followed by another key (yaml-cpp reports a syntax error)") {
    replace(f.sub / "fraga-02.md", "  följa kostnaderna varje månad.\n", "  följa kostnaderna\nvarje månad med controller.\n");
    key = "arbetssätt", line = 13;
  }
  SECTION("two such lines") {
    replace(f.sub / "fraga-02.md", "  följa kostnaderna varje månad.\n", "  följa kostnaderna\nvarje månad\nmed controller.\n");
    key = "arbetssätt", line = 13;
  }
  SECTION("the block's last line (yaml-cpp reads it as a key)") {
    replace(f.sub / "fraga-02.md", "  månatligen med controller.\n", "  månatligen\nmed stadens controller.\n");
    key = "uppföljning", line = 15;
  }
  SECTION("with a colon in its words") {
    replace(f.sub / "fraga-02.md", "  månatligen med controller.\n", "  månatligen\nsker enligt: stadens riktlinjer.\n");
    key = "uppföljning", line = 15;
  }
  SECTION("the text's first line") {
    replace(f.sub / "fraga-02.md", "uppföljning: >\n  månatligen med controller.\n", "uppföljning: >\nmånatligen med controller.\n");
    key = "uppföljning", line = 14;
  }
  auto v = f.run();
  const auto& d = only(v);
  CHECK(ends_with(d.pos.path, "fraga-02.md"));
  CHECK(d.pos.line == line);
  CHECK(d.pos.col == 1);
  CHECK(d.message == "fråga 2 (”Våra mål”): raden hör till texten ovanför (”" + key + "”)");
  CHECK(d.hint == "dra in den 2 blanksteg, som texten ovanför");
  CHECK(find(v, "okänd nyckel") == nullptr);
  CHECK(find(v, "saknar kolon") == nullptr);
}

TEST_CASE("issue 31: a text line not indented, in English") {
  Valid f;
  replace(f.sub / "fraga-02.md", "  månatligen med controller.\n", "  månatligen\nmed stadens controller.\n");
  const auto& d = only(f.run(kv::Lang::kEn));
  CHECK(d.message == "question 2 (‘Våra mål’): this line belongs to the text above (‘uppföljning’)");
  CHECK(d.hint == "indent it by 2 spaces, like the text above");
}

TEST_CASE("issue 31: a misspelt key after a text is still an unknown key") {
  Valid f;
  replace(f.sub / "fraga-02.md", "uppföljning: >\n", "uppföljnig: >\n");
  auto v = f.run();
  CHECK(count(v, Severity::kError, "fraga-02.md", "okänd nyckel ”uppföljnig”") == 1);
  CHECK(find(v, "raden hör till texten") == nullptr);
}

// ---------------------------------------------------------------------------------------------
// 4. Numbers with a per cent sign, dates that do not exist

TEST_CASE("issue 31: a number written with a per cent sign is asked for without it") {
  Valid f;
  std::string written;
  SECTION("with a space") { written = "83 %"; }
  SECTION("without") { written = "83%"; }
  replace(f.sub / "fraga-01.md", "    totalt: 76\n", "    totalt: " + written + "\n");
  const auto& d = only(f.run());
  CHECK(d.message.find("”totalt” är inte ett tal: " + written) != std::string::npos);
  CHECK(d.hint == "skriv talet utan %-tecken: 83");
}

TEST_CASE("issue 31: a whole number in inlamning.yaml written with a per cent sign") {
  Valid f;
  replace(f.sub / "inlamning.yaml", "antal_anställda: 12", "antal_anställda: 12 %");
  SECTION("in Swedish") { CHECK(only(f.run()).hint == "skriv talet utan %-tecken: 12"); }
  SECTION("in English") { CHECK(only(f.run(kv::Lang::kEn)).hint == "write the number without the % sign: 12"); }
}

TEST_CASE("issue 31: a date of the right form that does not exist says which part is wrong") {
  Valid f;
  std::string date, sv, en;
  SECTION("30 February") {
    date = "2025-02-30";
    sv = "”2025-02-30” är inget datum som finns: februari 2025 har 28 dagar";
    en = "‘2025-02-30’ is not a date that exists: February 2025 has 28 days";
  }
  SECTION("29 February of a year that is no leap year") {
    date = "2023-02-29";
    sv = "”2023-02-29” är inget datum som finns: februari 2023 har 28 dagar";
    en = "‘2023-02-29’ is not a date that exists: February 2023 has 28 days";
  }
  SECTION("month 13") {
    date = "2025-13-01";
    sv = "”2025-13-01” är inget datum som finns: det finns ingen månad 13";
    en = "‘2025-13-01’ is not a date that exists: there is no month 13";
  }
  write(f.sub / "inlamning.yaml", read(f.sub / "inlamning.yaml") + "inlämnad_datum: " + date + "\n");
  const auto& d = only(f.run());
  CHECK(ends_with(d.pos.path, "inlamning.yaml"));
  CHECK(d.message == sv);
  CHECK(d.hint == "rätta månaden eller dagen; formen är ÅÅÅÅ-MM-DD");
  CHECK(only(f.run(kv::Lang::kEn)).message == en);
}

// ---------------------------------------------------------------------------------------------
// 5. A part named by its title, cut to a readable length

TEST_CASE("issue 31: a message names a part with a long title by the title's beginning") {
  ExampleUnit unit("skarholmen-omsorg-om-aldre");
  const fs::path doc = unit.content / "skarholmen-omsorg-om-aldre/2018/kvalitetsutmarkelsen";
  // Question 3's title is 131 characters: "Redovisning av resultaten från våra brukarundersökningar.
  // Redogörelse för vår analys av resultaten och hur vi arbetar med resultaten".
  const std::string named = "fråga 3 (”Redovisning av resultaten från våra brukarundersökningar…”)";
  SECTION("in the prefix of a message from inside the file") {
    replace(doc / "fraga-03.md", "    totalt: 76\n", "    totalt: 83 %\n");
    const auto& d = only(unit.run());
    CHECK(d.message.find(named + ": ”totalt” är inte ett tal") == 0);
  }
  SECTION("in a missing part") {
    fs::remove(doc / "fraga-03.md");
    const auto& d = only(unit.run());
    CHECK(d.message == "fråga 3 saknas: ”Redovisning av resultaten från våra brukarundersökningar…”");
  }
  SECTION("in a part that lacks what it requires") {
    std::string text = read(doc / "fraga-03.md");
    write(doc / "fraga-03.md", text.substr(0, text.find("::: exempel")));
    auto v = unit.run();
    INFO(all_messages(v));
    REQUIRE(v.diagnostics.list.items().size() >= 1);
    for (const auto& d : v.diagnostics.list.items()) {
      CHECK(d.message.find("Redogörelse") == std::string::npos);
      CHECK(d.message.find(named) == 0);
    }
  }
}
