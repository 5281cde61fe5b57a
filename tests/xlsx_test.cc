// Workbooks: sheet names, the overview's link, and integrity whatever the texts. Hostile
// texts go straight to the workbook layer (no loader in between) and every workbook is read
// back by an independent reader, openpyxl (tests/xlsx_cells.py).
#include <catch2/catch.hpp>

#include <thread>
#include <unistd.h>

#include <cstdio>
#include <map>

#include "render/xlsx/cell_text.h"
#include "render/xlsx/library_messages.h"
#include "render/xlsx/workbook.h"
#include "support.h"
#include "util/text.h"
#include "util/time.h"

using namespace kvtest;
using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;
using kv::xlsx::Cell;
using kv::xlsx::Column;

namespace {

struct ReadCell {
  std::string kind, value, link;  // kind: s text, n number, d date
  std::string format;             // the number format: "General", "0.0", "0.00%" …
};

// What openpyxl found in a workbook; opened is false when it refused it.
struct ReadBack {
  bool opened = false;
  std::string refusal;
  std::string title, created;
  std::vector<std::string> sheets;
  std::map<std::string, ReadCell> cells;  // by "Sheet!A1"
  const ReadCell& at(const std::string& where) const {
    auto it = cells.find(where);
    if (it == cells.end()) throw std::runtime_error("no cell " + where);
    return it->second;
  }
};

ReadBack read_back(const fs::path& book) {
  const fs::path out = book.string() + ".cells", err = book.string() + ".err";
  const std::string command = "/usr/bin/python3 '" + (source_dir() / "tests" / "xlsx_cells.py").string() + "' '" +
                              book.string() + "' '" + out.string() + "' 2>'" + err.string() + "'";
  ReadBack r;
  r.opened = std::system(command.c_str()) == 0;
  r.refusal = read(err);
  if (!r.opened) return r;
  std::vector<std::string> f;
  const std::string all = read(out);
  for (size_t start = 0;;) {
    const size_t nul = all.find('\0', start);
    f.push_back(all.substr(start, nul == std::string::npos ? std::string::npos : nul - start));
    if (nul == std::string::npos) break;
    start = nul + 1;
  }
  for (size_t i = 0; i < f.size();) {
    if (f[i] == "title") r.title = f[i + 1], i += 2;
    else if (f[i] == "created") r.created = f[i + 1], i += 2;
    else if (f[i] == "sheet") r.sheets.push_back(f[i + 1]), i += 2;
    else if (f[i] == "cell") r.cells[f[i + 1] + "!" + f[i + 2]] = {f[i + 3], f[i + 4], f[i + 5], f[i + 6]}, i += 7;
    else throw std::runtime_error("unexpected field " + f[i]);
  }
  return r;
}

int count_messages(const kv::Diagnostics& diagnostics, const std::string& text) {
  int n = 0;
  for (const auto& d : diagnostics.list.items()) n += d.message.find(text) != std::string::npos;
  return n;
}

// A character XML 1.0 forbids, or invalid UTF-8: what made Excel and openpyxl refuse.
bool has_forbidden_character(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const char32_t cp = kv::decode_utf8(s, i);
    if (cp == kv::kInvalidCodePoint || cp == 0xFFFE || cp == 0xFFFF ||
        (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r'))
      return true;
  }
  return false;
}

// Everything written to file descriptor 2 while it lives, where libxlsxwriter writes.
class CapturedStderr {
 public:
  CapturedStderr() : file_(std::tmpfile()), saved_(::dup(2)) {
    std::fflush(stderr);
    ::dup2(fileno(file_), 2);
  }
  ~CapturedStderr() {
    restore();
    std::fclose(file_);
  }
  std::string text() {
    std::fflush(stderr);
    restore();
    std::string s;
    std::rewind(file_);
    for (int c; (c = std::fgetc(file_)) != EOF;) s += static_cast<char>(c);
    return s;
  }

 private:
  void restore() {
    if (saved_ < 0) return;
    ::dup2(saved_, 2);
    ::close(saved_);
    saved_ = -1;
  }
  std::FILE* file_;
  int saved_;
};

// A 40 000-character analysis in Swedish (every character in the BMP: one UTF-16 unit each).
std::string long_analysis() {
  std::string text;
  while (kv::utf8_length(text) < 40'000) text += "Vårdtagaren möter färre personal än förra året. ";
  return kv::utf8_prefix(text, 40'000);
}

const std::string kHostile[] = {
    "a\vb",                   // vertical tab
    "c\x01" "d",              // start of heading
    "e\ff",                   // form feed
    "g\x1b[31mh",             // escape, as a terminal colour
    "i\xEF\xBF\xBEj",         // U+FFFE
    "k\xFFl",                 // a byte that never starts UTF-8
    "m\xC0\xAFn",             // overlong '/'
    "o\xED\xA0\x80p",         // a UTF-16 surrogate in UTF-8
    "q\xE2\x82",              // a sequence cut off at the end
    "r\ts\nt",                // tab and newline are allowed and kept
};

}  // namespace

TEST_CASE("sheet names keep to Excel's 31 characters and allowed symbols") {
  CHECK(kv::xlsx::sheet_name("Synpunkter och klagomål") == "Synpunkter och klagomål");
  std::string long_name = "Åtgärder för äldreomsorgens kvalitetsarbete 2024";
  std::string cut = kv::xlsx::sheet_name(long_name);
  CHECK(kv::utf8_length(cut) == 31);
  CHECK(kv::starts_with(long_name, cut));
  CHECK(kv::xlsx::sheet_name("Mål: 1/2") == "Mål- 1-2");
  CHECK(kv::xlsx::sheet_name("'Citat'") == "Citat");  // Excel refuses an apostrophe first or last
  CHECK(kv::xlsx::sheet_name("Mål\v2\x1b\xFF") == "Mål2\xEF\xBF\xBD");
  CHECK(kv::xlsx::sheet_name("\x01\x02") == "Blad");
  // An emoji is two UTF-16 units to Excel: 30 letters and one emoji do not fit in 31.
  CHECK(kv::xlsx::sheet_name(std::string(30, 'a') + "\xF0\x9F\x98\x80") == std::string(30, 'a'));
}

TEST_CASE("the overview links the submission's workbook") {
  TempDir dir;
  fs::path content = dir.path() / "content", out = dir.path() / "site";
  copy_fixture("valid", content);
  auto options = options_for(content);
  options.output_dir = out.string();
  std::ostringstream o, e;
  REQUIRE(kv::run_build(options, o, e) == 0);
  CHECK(fs::file_size(out / "2020/provenhet/prov/tabeller.xlsx") > 1000);
  CHECK(read(out / "2020/provenhet/prov/index.html").find("<a href=\"tabeller.xlsx\"") != std::string::npos);
}

TEST_CASE("xlsx: control characters and invalid UTF-8 in any text still give a workbook Excel opens", "[xlsx]") {
  TempDir dir;
  kv::Diagnostics diagnostics;
  const fs::path file = dir.path() / "hostile.xlsx";
  {
    kv::xlsx::Workbook book({file, "2024/prov/tabeller.xlsx", diagnostics}, kv::Lang::kSv, kv::start_of_year(2024),
                            "Titel\x1b[31m\v\xFF");
    std::vector<std::vector<Cell>> rows;
    for (const auto& text : kHostile) rows.push_back({Cell::of(text)});
    rows.push_back({Cell::link("https://example.org/a\x01" "b\f")});
    book.add_sheet("Blad\v:1\x01", {{"Rubrik\x1b\xC3", 40, Column::Kind::kWrappedText}}, rows);
    book.close();
  }
  const ReadBack r = read_back(file);
  REQUIRE(r.opened);
  INFO(r.refusal);
  CHECK(r.title == "Titel[31m\xEF\xBF\xBD");
  REQUIRE(r.sheets == std::vector<std::string>{"Blad-1"});
  CHECK(r.at("Blad-1!A1").value == "Rubrik\xEF\xBF\xBD");
  for (const auto& [where, cell] : r.cells) {
    INFO(where);
    CHECK_FALSE(has_forbidden_character(cell.value));
  }
  CHECK(r.at("Blad-1!A2").value == "ab");
  CHECK(r.at("Blad-1!A3").value == "cd");
  CHECK(r.at("Blad-1!A4").value == "ef");
  CHECK(r.at("Blad-1!A5").value == "g[31mh");
  CHECK(r.at("Blad-1!A6").value == "ij");
  CHECK(r.at("Blad-1!A7").value == "k\xEF\xBF\xBDl");  // a visible U+FFFD where the bad byte was
  CHECK_THAT(r.at("Blad-1!A8").value, StartsWith("m\xEF\xBF\xBD") && EndsWith("\xEF\xBF\xBDn"));
  CHECK_THAT(r.at("Blad-1!A9").value, StartsWith("o\xEF\xBF\xBD") && EndsWith("\xEF\xBF\xBDp"));
  CHECK_THAT(r.at("Blad-1!A10").value, StartsWith("q\xEF\xBF\xBD"));
  CHECK(r.at("Blad-1!A11").value == "r\ts\nt");
  CHECK(r.at("Blad-1!A12").value == "https://example.org/ab");
  CHECK(r.at("Blad-1!A12").link == "https://example.org/ab");
  CHECK(diagnostics.list.items().empty());
}

TEST_CASE("xlsx: a text longer than an Excel cell is cut with a note and a warning, never left empty", "[xlsx]") {
  TempDir dir;
  kv::Diagnostics diagnostics;  // messages in Swedish, like the site
  const fs::path file = dir.path() / "long.xlsx";
  const std::string analysis = long_analysis();
  {
    kv::xlsx::Workbook book({file, "2024/prov/tabeller.xlsx", diagnostics}, kv::Lang::kSv, kv::start_of_year(2024), "Lång");
    book.add_sheet("Indikatorer", {{"Indikator", 30, Column::Kind::kText}, {"Analys", 80, Column::Kind::kWrappedText}},
                   {{Cell::of("Kontinuitet"), Cell::of(analysis)}});
    book.close();
  }
  const ReadBack r = read_back(file);
  REQUIRE(r.opened);
  const std::string cell = r.at("Indikatorer!B2").value;
  const std::string note = " \xE2\x80\xA6 [texten är avkortad: 40\xC2\xA0" "000 tecken totalt, se webbplatsen]";
  CHECK_THAT(cell, EndsWith(note));
  CHECK(kv::utf8_length(cell) <= 32'767);
  CHECK(kv::xlsx::excel_length(cell) <= 32'767);
  CHECK(kv::utf8_length(cell) > 32'700);  // cut at the limit, not far before it
  CHECK(kv::starts_with(analysis, cell.substr(0, cell.size() - note.size())));

  REQUIRE(diagnostics.list.items().size() == 1);
  const kv::Diagnostic& d = diagnostics.list.items()[0];
  CHECK(d.severity == kv::Severity::kWarning);
  CHECK(d.pos.path == "2024/prov/tabeller.xlsx");
  CHECK_THAT(d.message, Contains("blad ”Indikatorer”, cell B2") && Contains("40\xC2\xA0" "000") &&
                            Contains("32\xC2\xA0" "767"));
}

TEST_CASE("xlsx: a cut text is cut on a character boundary and counted as Excel counts", "[xlsx]") {
  // 32 766 letters and an emoji (two UTF-16 units): one unit too many for Excel, although
  // only 32 767 code points.
  const std::string text = std::string(32'766, 'a') + "\xF0\x9F\x98\x80";
  CHECK(kv::xlsx::excel_length(text) == 32'768);
  const auto cut = kv::xlsx::cell_text(text, kv::Lang::kEn);
  CHECK(cut.cut);
  CHECK(cut.length == 32'768);
  CHECK(kv::xlsx::excel_length(cut.text) <= 32'767);
  CHECK_FALSE(kv::find_invalid_utf8(cut.text));
  CHECK_THAT(cut.text, EndsWith("a \xE2\x80\xA6 [text cut short: 32,768 characters in all, see the website]"));
  // At the limit exactly, nothing is cut.
  const auto fits = kv::xlsx::cell_text(std::string(32'765, 'a') + "\xF0\x9F\x98\x80", kv::Lang::kEn);
  CHECK_FALSE(fits.cut);
  CHECK(fits.text.size() == 32'765 + 4);
}

TEST_CASE("xlsx: dates Excel cannot hold are written as text with a warning", "[xlsx]") {
  TempDir dir;
  kv::Diagnostics diagnostics;
  const fs::path file = dir.path() / "dates.xlsx";
  {
    // Year 0: the creation time of a "0000" year folder.
    kv::xlsx::Workbook book({file, "0000/prov/tabeller.xlsx", diagnostics}, kv::Lang::kSv, kv::start_of_year(0), "Datum");
    book.add_sheet("Aktiviteter", {{"Start", 12, Column::Kind::kText}},
                   {{Cell::date("2024-01-31")}, {Cell::date("0000-01-01")}, {Cell::date("2024-02-30")},
                    {Cell::date("1899-12-31")}, {Cell::date("snart")}, {Cell::date("")}});
    book.close();
  }
  const ReadBack r = read_back(file);
  REQUIRE(r.opened);
  INFO(r.refusal);
  CHECK_THAT(r.created, StartsWith("1900-01-01"));
  CHECK(r.at("Aktiviteter!A2").kind == "d");
  CHECK(r.at("Aktiviteter!A2").value == "2024-01-31");
  for (auto [where, text] : {std::pair{"A3", "0000-01-01"}, {"A4", "2024-02-30"}, {"A5", "1899-12-31"}, {"A6", "snart"}}) {
    INFO(where);
    CHECK(r.at(std::string("Aktiviteter!") + where).kind == "s");
    CHECK(r.at(std::string("Aktiviteter!") + where).value == text);
  }
  CHECK(r.cells.count("Aktiviteter!A7") == 0);  // no date: an empty cell, no warning
  CHECK(diagnostics.list.warning_count() == 4);
  CHECK(count_messages(diagnostics, "blad ”Aktiviteter”, cell A3: ”0000-01-01” är inget datum") == 1);
}

TEST_CASE("xlsx: the year helper never gives a year outside what workbooks and PDFs hold", "[xlsx]") {
  CHECK(kv::start_of_year(0) == kv::start_of_year(1900));
  CHECK(kv::start_of_year(-5) == kv::start_of_year(1900));
  CHECK(kv::start_of_year(12'345) == kv::start_of_year(9999));
  CHECK(kv::start_of_year(2024) == 1'704'067'200);
  CHECK(kv::xlsx::document_time(0) != 0);  // libxlsxwriter would write today's date for 0
}

TEST_CASE("xlsx: libxlsxwriter has no reason to print: the workbook layer checks first", "[xlsx]") {
  TempDir dir;
  kv::Diagnostics diagnostics;
  CapturedStderr captured;
  {
    kv::xlsx::Workbook book({dir.path() / "quiet.xlsx", "quiet.xlsx", diagnostics}, kv::Lang::kSv, kv::start_of_year(2024),
                            "Tyst");
    book.add_sheet("Blad", {{"A", 10}}, {{Cell::link("https://example.org/" + std::string(3000, 'x'))}});
    book.add_sheet("Blad", {{"A", 10}}, {{Cell::of("samma namn")}});  // Excel refuses equal names
    book.add_sheet("BLAD", {{"A", 10}}, {{Cell::of("samma namn, andra versaler")}});
    book.close();
  }
  const std::string printed = captured.text();
  CHECK(printed.empty());
  const ReadBack r = read_back(dir.path() / "quiet.xlsx");
  REQUIRE(r.opened);
  CHECK(r.sheets == std::vector<std::string>{"Blad", "Blad (2)", "BLAD (3)"});
  CHECK(r.at("Blad!A2").kind == "s");  // the over-long address as text, not as a link
  CHECK(r.at("Blad!A2").link.empty());
  CHECK(count_messages(diagnostics, "blad ”Blad”, cell A2: adressen är längre än de 2079 tecken") == 1);
}

TEST_CASE("xlsx: libxlsxwriter's own messages never reach the user, everything else on stderr does", "[xlsx]") {
  TempDir dir;
  lxw_workbook* book = workbook_new((dir.path() / "direct.xlsx").c_str());
  REQUIRE(book);
  CapturedStderr captured;
  {
    const kv::xlsx::LibraryMessagesHidden hidden;
    CHECK(workbook_add_worksheet(book, "a:b") == nullptr);  // libxlsxwriter prints a [WARNING] line
    std::fprintf(stderr, "[ERR] not libxlsxwriter's\n");
    std::fprintf(stderr, "keep this line\n");
  }
  std::fprintf(stderr, "[WARNING] after the guard, shown again\n");
  lxw_workbook_free(book);
  const std::string printed = captured.text();
  CHECK(printed == "[ERR] not libxlsxwriter's\nkeep this line\n[WARNING] after the guard, shown again\n");
}

TEST_CASE("xlsx: a workbook that cannot be saved fails with where and why, and prints nothing", "[xlsx]") {
  TempDir dir;
  kv::Diagnostics diagnostics;
  CapturedStderr captured;
  std::string message;
  {
    const kv::xlsx::LibraryMessagesHidden hidden;
    kv::xlsx::Workbook book({dir.path() / "no-such-folder" / "t.xlsx", "2024/prov/tabeller.xlsx", diagnostics},
                            kv::Lang::kSv, kv::start_of_year(2024), "Saknas");
    book.add_sheet("Blad", {{"A", 10}}, {{Cell::of("x")}});
    try {
      book.close();
    } catch (const kv::xlsx::Failed& e) {
      message = e.what();
    }
  }
  CHECK_THAT(message, Contains("arbetsboken 2024/prov/tabeller.xlsx, när arbetsboken sparades: libxlsxwriter vägrade"));
  CHECK(captured.text().empty());
}

TEST_CASE("xlsx: a built site warns about a cut analysis and names the workbook, sheet and cell", "[xlsx]") {
  TempDir dir;
  fs::path content = dir.path() / "content", out = dir.path() / "site";
  copy_fixture("report", content);
  replace(content / "provrapport/2024/prov-rapport/avsnitt-01.md",
          "analys: >\n  Planeraren gör första hembesöket tillsammans med kontaktmannen.\n",
          "analys: >\n  " + long_analysis() + "\n");
  auto options = options_for(content);
  options.output_dir = out.string();
  std::ostringstream o, e;
  CapturedStderr captured;
  REQUIRE(kv::run_build(options, o, e) == 0);
  CHECK(captured.text().empty());
  CHECK_THAT(e.str(), Contains("2024/provrapport/prov-rapport/tabeller.xlsx: warning: blad ”Indikatorer”, cell") &&
                          Contains("texten har 40\xC2\xA0" "000 tecken"));
  const ReadBack r = read_back(out / "2024/provrapport/prov-rapport/tabeller.xlsx");
  REQUIRE(r.opened);
  bool found = false;
  for (const auto& [where, cell] : r.cells)
    found = found || (kv::starts_with(where, "Indikatorer!") && kv::starts_with(cell.value, "Vårdtagaren möter") &&
                      cell.value.find("[texten är avkortad: 40\xC2\xA0" "000 tecken totalt") != std::string::npos);
  CHECK(found);
}

TEST_CASE("xlsx: workbooks of different years closed at once keep their own creation date", "[xlsx]") {
  // libxlsxwriter formats the date with gmtime(), whose static result threads would share.
  TempDir dir;
  auto write_one = [&](int year, int i) {
    kv::Diagnostics diagnostics;
    const fs::path file = dir.path() / (std::to_string(year) + "-" + std::to_string(i) + ".xlsx");
    kv::xlsx::Workbook book({file, "t.xlsx", diagnostics}, kv::Lang::kSv, kv::start_of_year(year), "T");
    book.add_sheet("Blad", {{"A", 10, Column::Kind::kText}}, {{Cell::of("x")}});
    book.close();
    return file;
  };
  std::vector<fs::path> files2018;
  for (int round = 0; round < 40; ++round) {
    std::thread other([&, round] { write_one(2007, round); });
    files2018.push_back(write_one(2018, round));
    other.join();
  }
  const std::string first = read(files2018.front());
  for (const auto& f : files2018) CHECK((read(f) == first));  // compared, not printed: the bytes are a zip
}

TEST_CASE("xlsx: a figure's number format has the decimals its author wrote", "[xlsx][numbers]") {
  TempDir dir;
  SECTION("an indicator: 22,0 · 12,50 · 76, and percentages 83,0 · 80 · 85,25") {
    const fs::path content = dir.path() / "content", out = dir.path() / "site";
    copy_fixture("report", content);
    write_report_decimals(content);
    REQUIRE(build_site(content, fixtures() / "templates", out) == 0);
    // Row 2 the percentage indicator, row 3 the persons; F utfall, G män, H kvinnor, I vb, J årsmål.
    for (const char* book : {"2024/provrapport/prov-rapport/tabeller.xlsx", "2024/indikatorer.xlsx"}) {
      INFO(book);
      const ReadBack r = read_back(out / book);
      REQUIRE(r.opened);
      const std::string sheet = r.sheets.front() + "!";
      CHECK(r.at(sheet + "F3").value == "22");
      CHECK(r.at(sheet + "F3").format == "#,##0.0");
      CHECK(r.at(sheet + "I3").value == "12.5");
      CHECK(r.at(sheet + "I3").format == "#,##0.00");
      CHECK(r.at(sheet + "J3").value == "76");
      CHECK(r.at(sheet + "J3").format == "#,##0");
      CHECK(r.at(sheet + "F2").format == "0.0%");
      CHECK(r.at(sheet + "G2").format == "0%");
      CHECK(r.at(sheet + "H2").value == "0.8525");
      CHECK(r.at(sheet + "H2").format == "0.00%");
    }
  }
  SECTION("an economy table: 22,0 · 12,50 · 9,50, and a survey's 79,0 %") {
    const fs::path content = dir.path() / "content", out = dir.path() / "site";
    copy_fixture("valid", content);
    write_award_decimals(content);
    REQUIRE(build_site(content, fixtures() / "templates", out) == 0);
    const ReadBack r = read_back(out / "2020/provenhet/prov/tabeller.xlsx");
    REQUIRE(r.opened);
    CHECK(r.at("Ekonomi!D2").format == "#,##0.0");
    CHECK(r.at("Ekonomi!E2").format == "#,##0.00");
    CHECK(r.at("Ekonomi!F2").format == "#,##0.00");
    CHECK(r.at("Ekonomi!D3").format == "#,##0.0");  // 306,7 as before
    CHECK(r.at("Enkät!D2").format == "0%");
    CHECK(r.at("Enkät!E2").format == "0.0%");
  }
}
