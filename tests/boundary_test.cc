// The content boundary and the input limits (issue 10): every file read on an author's
// behalf lies inside the content folder after following links, is a regular file, is strict
// UTF-8 without control characters, and stays within the limits of util/limits.h. Each case
// is one hole that was open before: it passed `check` and reached the site or the terminal.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "util/limits.h"
#include "support.h"
#include "validate/svg_check.h"

using namespace kvtest;
using namespace std::string_literals;

namespace {

// A content folder from the valid fixture, plus a file outside it that must never be read.
struct Fixture {
  TempDir dir;
  fs::path content = dir.path() / "content";
  fs::path secret = dir.path() / "hemlig.txt";
  fs::path submission = submission_dir(content);
  Fixture() {
    copy_fixture("valid", content);
    write(secret, "root:x:0:0:HEMLIG\n");
  }
};

std::string png_bytes() { return "\x89PNG\r\n\x1a\n"s + std::string(32, '\0'); }

}  // namespace

TEST_CASE("a Markdown file that is a link out of the content folder is an error, not published") {
  Fixture f;
  fs::remove(f.submission / "inledning.md");
  fs::create_symlink(f.secret, f.submission / "inledning.md");
  auto v = check(f.content);
  CHECK(count(v, kv::Severity::kError, "inledning.md", "utanför innehållsmappen") == 1);
  CHECK(all_messages(v).find("HEMLIG") == std::string::npos);
}

TEST_CASE("a question file and a unit folder linked from outside are errors") {
  Fixture f;
  fs::path outside = f.dir.path() / "utanfor";
  fs::create_directories(outside);
  fs::rename(f.submission / "fraga-03.md", outside / "fraga-03.md");
  fs::create_symlink(outside / "fraga-03.md", f.submission / "fraga-03.md");
  fs::copy(f.content / "provenhet", outside / "enhet2", fs::copy_options::recursive);
  fs::create_symlink(outside / "enhet2", f.content / "enhet2");
  auto v = check(f.content);
  CHECK(count(v, kv::Severity::kError, "fraga-03.md", "utanför innehållsmappen") == 1);
  CHECK(count(v, kv::Severity::kError, "enhet2", "utanför innehållsmappen") == 1);
}

TEST_CASE("links that stay inside the content folder are allowed") {
  Fixture f;
  write(f.content / "gemensamt" / "logga.png", png_bytes());
  fs::rename(f.content / "gemensamt", f.content / "_gemensamt");
  fs::create_symlink(fs::path("..") / ".." / ".." / "_gemensamt" / "logga.png", f.submission / "logga.png");
  replace(f.submission / "fraga-03.md", "Nya arbetssätt.", "Nya arbetssätt.\n\n```bild\nbildtext: Loggan\nfil: logga.png\n```");
  auto v = check(f.content);
  INFO(all_messages(v));
  CHECK_FALSE(v.diagnostics.list.has_errors());
}

TEST_CASE("a bild file that links to a file of the machine is an error") {
  Fixture f;
  fs::create_symlink(f.secret, f.submission / "bild.png");
  replace(f.submission / "fraga-03.md", "Nya arbetssätt.", "Nya arbetssätt.\n\n```bild\nbildtext: X\nfil: bild.png\n```");
  auto v = check(f.content);
  CHECK(count(v, kv::Severity::kError, "fraga-03.md", "utanför innehållsmappen") == 1);
}

TEST_CASE("a bild file given by an absolute or a ../ path outside is an error") {
  Fixture f;
  write(f.dir.path() / "ute.png", png_bytes());
  replace(f.submission / "fraga-03.md", "Nya arbetssätt.",
          "Nya arbetssätt.\n\n```bild\nbildtext: X\nfil: " + (f.dir.path() / "ute.png").string() +
              "\n```\n\n```bild\nbildtext: Y\nfil: ../../../../ute.png\n```");
  auto v = check(f.content);
  CHECK(count(v, kv::Severity::kError, "fraga-03.md", "utanför innehållsmappen") == 2);
}

TEST_CASE("Markdown images from the web, outside the content folder or missing are errors") {
  Fixture f;
  write(f.dir.path() / "ute.png", png_bytes());
  write(f.submission / "finns.png", png_bytes());
  replace(f.submission / "fraga-03.md", "Nya arbetssätt.",
          "Nya arbetssätt. ![a](http://127.0.0.1:8765/x.png) ![b](//example.org/y.png)\n\n"
          "![c](" + (f.dir.path() / "ute.png").string() + ") ![d](../../../../ute.png) ![e](saknas.png)\n\n"
          "![f](finns.png) ![g](FILE:///etc/passwd)");
  auto v = check(f.content);
  INFO(all_messages(v));
  CHECK(count(v, kv::Severity::kError, "fraga-03.md", "anges med en adress") == 3);
  CHECK(count(v, kv::Severity::kError, "fraga-03.md", "ligger utanför innehållsmappen") == 2);
  CHECK(count(v, kv::Severity::kError, "fraga-03.md", "”saknas.png” finns inte") == 1);
  CHECK(count(v, kv::Severity::kError, "fraga-03.md", "finns.png") == 0);
  const auto* remote = find(v, "http://127.0.0.1:8765/x.png");
  REQUIRE(remote);
  CHECK(remote->pos.line == 14);
}

TEST_CASE("a remote image in a data block's text is an error too") {
  Fixture f;
  replace(f.submission / "fraga-02.md", "  följa kostnaderna varje månad.", "  följa ![x](https://127.0.0.1/x.png) varje månad.");
  auto v = check(f.content);
  CHECK(count(v, kv::Severity::kError, "fraga-02.md", "anges med en adress") == 1);
}

TEST_CASE("a FIFO or a device in the content folder is reported and never read") {
  Fixture f;
  REQUIRE(::mkfifo((f.submission / "fraga-04.md").c_str(), 0600) == 0);
  fs::create_symlink("/dev/zero", f.submission / "fraga-05.md");
  auto v = check(f.content);  // reading the FIFO would block forever, /dev/zero never ends
  CHECK(count(v, kv::Severity::kError, "fraga-04.md", "ingen vanlig fil") == 1);
  CHECK(count(v, kv::Severity::kError, "fraga-05.md", "") == 1);
}

TEST_CASE("strictly invalid UTF-8 is refused with its position") {
  const std::vector<std::string> bad = {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE0\x80\xAF"};
  for (const auto& bytes : bad) {
    Fixture f;
    replace(f.submission / "fraga-03.md", "Låg svarsfrekvens.", "Låg " + bytes + "svarsfrekvens.");
    auto v = check(f.content);
    const auto* d = find(v, "inte är UTF-8");
    REQUIRE(d);
    CHECK(d->pos.line == 10);
    CHECK(d->pos.col == 5);
  }
}

TEST_CASE("control characters in a file are refused with their position, CRLF and tabs are fine") {
  for (const std::string c : {"\v", "\x01", "\f", "\x1b", "\r", "\x7f", "\xC2\x85"}) {
    Fixture f;
    replace(f.submission / "fraga-03.md", "Låg svarsfrekvens.", "Låg" + c + "svarsfrekvens.");
    auto v = check(f.content);
    INFO(all_messages(v));
    CHECK(count(v, kv::Severity::kError, "fraga-03.md", "osynligt styrtecken") == 1);
  }
  Fixture f;
  std::string text = read(f.submission / "fraga-03.md");
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? "\r\n" : std::string(1, c);
  write(f.submission / "fraga-03.md", crlf);
  replace(f.submission / "fraga-01.md", "Vi lyssnar", "Vi\tlyssnar");
  auto v = check(f.content);
  INFO(all_messages(v));
  CHECK_FALSE(v.diagnostics.list.has_errors());
}

TEST_CASE("control characters written as YAML escapes are refused too") {
  for (const std::string value : {"\"Enhet\\r;} } body{background:url(http://x)}\"", "\"a\\x01b\"", "\"a\\vb\"",
                                  "\"a\\fb\"", "\"a\\eb\"", "\"\\u0085\""}) {
    Fixture f;
    replace(f.content / "provenhet" / "enhet.yaml", "namn: Provenheten", "namn: " + value);
    auto v = check(f.content);
    INFO(value << "\n" << all_messages(v));
    const auto* d = find(v, "värdet innehåller");
    REQUIRE(d);
    CHECK(d->pos.line == 1);
    CHECK(d->pos.col == 7);
  }
  Fixture f;  // a lone surrogate: yaml-cpp itself refuses it
  replace(f.content / "provenhet" / "enhet.yaml", "namn: Provenheten", "namn: \"\\uD800\"");
  CHECK(check(f.content).diagnostics.list.has_errors());
}

TEST_CASE("a year folder must be a plausible year") {
  for (const std::string year : {"0000", "1899", "2201", "9999"}) {
    Fixture f;
    fs::rename(f.content / "provenhet" / "2020", f.content / "provenhet" / year);
    auto v = check(f.content);
    CHECK(count(v, kv::Severity::kError, year, "inte rimligt") == 1);
  }
}

TEST_CASE("a text file over the size limit is refused without being parsed") {
  Fixture f;
  write(f.submission / "fraga-03.md", "---\nfråga: 3\n---\n" + std::string(kv::limits::kTextFileBytes, 'a'));
  auto v = check(f.content);
  CHECK(count(v, kv::Severity::kError, "fraga-03.md", "högst 1 048 576 byte") == 1);
}

TEST_CASE("a value over the length limit and a name over the name limit are errors") {
  Fixture f;
  replace(f.content / "provenhet" / "enhet.yaml", "namn: Provenheten", "namn: " + std::string(kv::limits::kNameChars + 1, 'x'));
  auto v = check(f.content);
  CHECK(count(v, kv::Severity::kError, "enhet.yaml", "201 tecken långt; högst 200") == 1);
  Fixture g;  // a unit with a bad name is not read further, so the value limit in a fresh copy
  replace(g.submission / "fraga-02.md", "mål: Budgeten är i balans", "mål: " + std::string(kv::limits::kValueChars + 1, 'y'));
  auto w = check(g.content);
  CHECK(count(w, kv::Severity::kError, "fraga-02.md", "100 001 tecken långt") == 1);
}

TEST_CASE("a Markdown table wider than the limit is an error at its delimiter row") {
  Fixture f;
  const size_t n = kv::limits::kTableColumns + 1;
  std::string header = "|", delimiter = "|";
  for (size_t i = 0; i < n; ++i) header += " k |", delimiter += "---|";
  replace(f.submission / "fraga-03.md", "Låg svarsfrekvens.", "Låg svarsfrekvens.\n\n" + header + "\n" + delimiter);
  auto v = check(f.content);
  const auto* d = find(v, "tabellen har 65 kolumner");
  REQUIRE(d);
  CHECK(d->pos.line == 13);
  // The same table one column narrower is fine.
  Fixture g;
  header.resize(header.size() - 4);
  delimiter.resize(delimiter.size() - 4);
  replace(g.submission / "fraga-03.md", "Låg svarsfrekvens.", "Låg svarsfrekvens.\n\n" + header + "\n" + delimiter);
  auto w = check(g.content);
  INFO(all_messages(w));
  CHECK_FALSE(w.diagnostics.list.has_errors());
}

TEST_CASE("a folder with too many entries gives one error, not one per file") {
  Fixture f;
  for (size_t i = 0; i <= kv::limits::kFolderEntries; ++i) write(f.submission / ("x" + std::to_string(i) + ".yml"), "a: b\n");
  auto v = check(f.content);
  CHECK(count(v, kv::Severity::kError, "prov", "högst 2 000 läses") == 1);
  CHECK(v.diagnostics.list.items().size() < 10);
}

TEST_CASE("an earlier build's output folder inside content is skipped, not taken for a unit") {
  Fixture f;
  write(f.content / "ut" / ".kvalitet-output", "kvalitet\n");
  write(f.content / "ut" / "index.html", "<!doctype html>");
  auto v = check(f.content);
  INFO(all_messages(v));
  CHECK_FALSE(v.diagnostics.list.has_errors());
}

TEST_CASE("an SVG figure is copied only when it is an inert drawing") {
  const std::string inert = "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"4\" height=\"4\" fill=\"url(#g)\"/>"
                            "<a href=\"#x\"><text>Ton och onsdag=bra</text></a></svg>";
  CHECK(kv::svg_is_inert(inert));
  for (const std::string bad : {"<svg><SCRIPT>alert(1)</SCRIPT></svg>", "<svg onload=\"alert(1)\"/>",
                                "<svg><rect\nONCLICK = 'x()'/></svg>", "<svg><a href=\"javascript:x()\">a</a></svg>",
                                "<svg><image href=\"http://127.0.0.1/x.png\"/></svg>",
                                "<svg><image xlink:href = '//example.org/x.png'/></svg>",
                                "<svg><rect style=\"fill:url( 'https://x/y')\"/></svg>",
                                "<svg><style>@import 'x.css';</style></svg>", "<svg><foreignObject/></svg>",
                                "<svg><use href=\"file:///etc/x.svg#a\"/></svg>"}) {
    INFO(bad);
    CHECK_FALSE(kv::svg_is_inert(bad));
  }
  Fixture f;
  write(f.submission / "ritning.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(document.cookie)\"/>");
  write(f.submission / "ok.svg", inert);
  replace(f.submission / "fraga-03.md", "Nya arbetssätt.",
          "Nya arbetssätt.\n\n```bild\nbildtext: X\nfil: ritning.svg\n```\n\n```bild\nbildtext: Y\nfil: ok.svg\n```");
  auto v = check(f.content);
  INFO(all_messages(v));
  CHECK(count(v, kv::Severity::kError, "fraga-03.md", "SVG-bilden ”ritning.svg” innehåller skript") == 1);
  CHECK(v.diagnostics.list.error_count() == 1);
}
