// The build-time half of the site search: page text, search terms and the index file that
// sok.js reads. The index is read back with a small JSON reader of its own, so the test
// checks the bytes a browser gets and not the writer's intentions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

#include "render/search/search_index.h"
#include "support.h"
#include "util/text.h"

using namespace kv;
using Terms = std::vector<std::string>;

namespace {

struct Json {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject } kind = Kind::kNull;
  double number = 0;
  std::string string;
  std::vector<Json> items;
  std::vector<std::pair<std::string, Json>> members;

  const Json& operator[](size_t i) const { return items.at(i); }
  const Json& operator[](const std::string& key) const {
    for (const auto& [name, value] : members)
      if (name == key) return value;
    throw std::runtime_error("no member " + key);
  }
  int integer() const { return static_cast<int>(number); }
};

// Strict enough for the index: objects, arrays, strings with every JSON escape, integers.
class JsonReader {
 public:
  explicit JsonReader(std::string_view s) : s_(s) {}
  Json document() {
    Json v = value();
    skip_space();
    if (at_ != s_.size()) fail("trailing text");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& why) { throw std::runtime_error(why + " at " + std::to_string(at_)); }
  void skip_space() {
    while (at_ < s_.size() && (s_[at_] == ' ' || s_[at_] == '\n' || s_[at_] == '\r' || s_[at_] == '\t')) ++at_;
  }
  char peek() {
    skip_space();
    if (at_ >= s_.size()) fail("unexpected end");
    return s_[at_];
  }
  void expect(char c) {
    if (peek() != c) fail(std::string("expected ") + c);
    ++at_;
  }
  Json value() {
    Json v;
    char c = peek();
    if (c == '{') {
      v.kind = Json::Kind::kObject;
      ++at_;
      if (peek() == '}') return ++at_, v;
      do {
        std::string key = string();
        expect(':');
        v.members.emplace_back(key, value());
      } while (peek() == ',' && ++at_);
      expect('}');
    } else if (c == '[') {
      v.kind = Json::Kind::kArray;
      ++at_;
      if (peek() == ']') return ++at_, v;
      do v.items.push_back(value());
      while (peek() == ',' && ++at_);
      expect(']');
    } else if (c == '"') {
      v.kind = Json::Kind::kString;
      v.string = string();
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      v.kind = Json::Kind::kNumber;
      size_t end = at_ + 1;
      while (end < s_.size() && s_[end] >= '0' && s_[end] <= '9') ++end;
      v.number = std::stod(std::string(s_.substr(at_, end - at_)));
      at_ = end;
    } else {
      fail("unexpected character");
    }
    return v;
  }
  unsigned hex4() {
    if (at_ + 4 > s_.size()) fail("short \\u escape");
    unsigned u = std::stoul(std::string(s_.substr(at_, 4)), nullptr, 16);
    at_ += 4;
    return u;
  }
  std::string string() {
    expect('"');
    std::string out;
    while (true) {
      if (at_ >= s_.size()) fail("unterminated string");
      char c = s_[at_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) fail("raw control character in string");
      if (c != '\\') {
        out += c;
        continue;
      }
      char e = s_[at_++];
      switch (e) {
        case '"': case '\\': case '/': out += e; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          unsigned cp = hex4();
          if (cp >= 0xD800 && cp < 0xDC00) {
            if (s_.substr(at_, 2) != "\\u") fail("lone high surrogate");
            at_ += 2;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4() - 0xDC00);
          }
          kv::append_utf8(out, cp);
          break;
        }
        default: fail("bad escape");
      }
    }
  }

  std::string_view s_;
  size_t at_ = 0;
};

constexpr std::string_view kPrefix = "(window.kvSok = window.kvSok || []).push(";

// The index object inside the file's single push(...) statement.
Json read_index(const std::string& file) {
  size_t start = file.find(kPrefix);
  size_t end = file.rfind(");");
  REQUIRE(start != std::string::npos);
  REQUIRE(end != std::string::npos);
  start += kPrefix.size();
  return JsonReader(std::string_view(file).substr(start, end - start)).document();
}

std::vector<SearchDoc> sample_docs() {
  SearchDoc question{"2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen/fraga-02/",
                     "Beställarenheten omsorg om äldre",
                     2018,
                     "Kvalitetsutmärkelsen 2018",
                     "Fråga 2",
                     "Hur vi gör brukare delaktiga",
                     "Brukaren får ett ramtidsbeslut. Ramtidsbeslutet ger flexibilitet; ramtidsbeslut är vanliga."};
  SearchDoc overview{"2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen/",
                     "Beställarenheten omsorg om äldre",
                     2018,
                     "Kvalitetsutmärkelsen 2018",
                     "",
                     "Översikt",
                     "Inledning om Äldre och delaktiga brukare. Skriv </script><script>alert(1)</script> här."};
  SearchDoc ramtid{"2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen/fraga-13/",
                   "Beställarenheten omsorg om äldre",
                   2018,
                   "Kvalitetsutmärkelsen 2018",
                   "Fråga 13",
                   "Ramtidsbeslut i praktiken",
                   "Rad ett\xE2\x80\xA8rad två\xE2\x80\xA9slut \"citat\" och \\ snedstreck\ttab."};
  return {question, overview, ramtid};
}

// The postings of one term as (doc, count, fields) triples.
std::vector<std::array<int, 3>> postings_of(const Json& index, const std::string& term) {
  const auto& terms = index["terms"].items;
  auto found = std::find_if(terms.begin(), terms.end(), [&](const Json& t) { return t.string == term; });
  REQUIRE(found != terms.end());
  const Json& list = index["postings"][static_cast<size_t>(found - terms.begin())];
  REQUIRE(list.items.size() % 3 == 0);
  std::vector<std::array<int, 3>> out;
  for (size_t k = 0; k < list.items.size(); k += 3)
    out.push_back({list[k].integer(), list[k + 1].integer(), list[k + 2].integer()});
  return out;
}

}  // namespace

TEST_CASE("plain_text removes tags and decodes entities", "[search]") {
  CHECK(plain_text("<p>Mål &amp; <em>med</em>el</p>\n<p>nästa   rad</p>") == "Mål & medel nästa rad");
  CHECK(plain_text("&lt;b&gt; &quot;x&quot; &#39;y&#39; &#229;&#xE4;&#XF6; a&nbsp;b") == "<b> \"x\" 'y' åäö a b");
  CHECK(plain_text("<a href=\"x?a=1&amp;b=2\" title='a > b'>länk</a>") == "länk");
  CHECK(plain_text("AT&amp;T &okänd; 3 < 4") == "AT&T &okänd; 3 < 4");
  CHECK(plain_text("<!DOCTYPE html><!-- kommentar <p>dold</p> --><p>syns</p>") == "syns");
  CHECK(plain_text("  <div>\n  ett\t två  </div>  ") == "ett två");
  CHECK(plain_text("1\xC2\xA0" "200 ord\xC2\xAD" "delning") == "1 200 orddelning");
}

TEST_CASE("plain_text skips charts – scripts – styles and templates", "[search]") {
  CHECK(plain_text("<p>Före</p><svg viewBox=\"0 0 1 1\"><title>Diagram</title><text>76</text>"
                   "<svg><text>inre</text></svg><text>efter inre</text></svg><p>Efter</p>") == "Före Efter");
  CHECK(plain_text("a<script>var s = \"<svg>\";</script>b<style>p{}</style>c<template><p>t</p></template>d") ==
        "a b c d");
  CHECK(plain_text("<SVG><TEXT>1</TEXT></SVG>ord<svg/>kvar") == "ord kvar");
  CHECK(plain_text("<p>oavslutad<svg><text>42") == "oavslutad");
}

TEST_CASE("plain_text breaks words at block tags but not inside inline markup", "[search]") {
  CHECK(plain_text("<table><tr><th>År</th><td>2018</td><td>76</td></tr><tr><td>ny</td></tr></table>") ==
        "År 2018 76 ny");
  CHECK(plain_text("<ul><li>ett</li><li>två</li></ul><h2>Rubrik</h2>rad<br>nästa<br/>sista") ==
        "ett två Rubrik rad nästa sista");
  CHECK(plain_text("<dl><dt>Namn</dt><dd>Värde</dd></dl><figure><figcaption>Bild</figcaption></figure>") ==
        "Namn Värde Bild");
  CHECK(plain_text("m<sup>2</sup> <strong>fet</strong>stil <span class=\"nr\">2.</span>") == "m2 fetstil 2.");
}

TEST_CASE("search_terms lower-cases Swedish letters and splits on punctuation", "[search]") {
  CHECK(search_terms("ÅÄÖ Äldre") == Terms{"åäö", "äldre"});
  CHECK(search_terms("Ramtidsbeslutet, och (ramtidsbeslut).") == Terms{"ramtidsbeslutet", "och", "ramtidsbeslut"});
  CHECK(search_terms("Mål 2018: 76 %") == Terms{"mål", "2018", "76"});
  CHECK(search_terms("ramtid\xE2\x80\x93" "beslut") == Terms{"ramtid", "beslut"});            // en dash
  CHECK(search_terms("\xE2\x80\x9DSpegling\xE2\x80\x9D") == Terms{"spegling"});               // ”Spegling”
  CHECK(search_terms("Émile Über Ørsted") == Terms{"émile", "über", "ørsted"});
  CHECK(search_terms("hälso- och sjukvård/SIP") == Terms{"hälso", "och", "sjukvård", "sip"});
  CHECK(search_terms("3×4 ÷ 2 «citat» ¿ja?") == Terms{"3", "4", "2", "citat", "ja"});
  CHECK(search_terms("").empty());
  CHECK(search_terms(" ... ").empty());
}

TEST_CASE("search_terms folds decomposed letters – soft hyphens and other scripts", "[search]") {
  CHECK(search_terms("A\xCC\x88ldre a\xCC\x8Arsbok") == Terms{"äldre", "årsbok"});  // NFD, as from macOS
  CHECK(search_terms("ram\xC2\xADtids\xC2\xAD" "beslut") == Terms{"ramtidsbeslut"});
  CHECK(search_terms("1\xC2\xA0" "200") == Terms{"1", "200"});  // no-break space
  CHECK(search_terms("ŁÓDŹ ŚWIĘTY") == Terms{"łódź", "święty"});
  CHECK(search_terms("МОСКВА ΑΘΗΝΑ") == Terms{"москва", "αθηνα"});
}

TEST_CASE("the search index is a script whose object parses as JSON", "[search]") {
  kvtest::TempDir dir;
  auto file = dir.path() / search_index_file(2018);
  write_search_index(2018, sample_docs(), file);
  std::string bytes = kvtest::read(file);
  REQUIRE(bytes.rfind("/*", 0) == 0);  // a comment says what the file is

  Json index = read_index(bytes);
  CHECK(index["format"].integer() == 1);
  CHECK(index["year"].integer() == 2018);
  REQUIRE(index["docs"].items.size() == 3);
  const Json& doc = index["docs"][0];
  REQUIRE(doc.items.size() == 7);
  CHECK(doc[0].string == "2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen/fraga-02/");
  CHECK(doc[1].string == "Beställarenheten omsorg om äldre");
  CHECK(doc[2].integer() == 2018);
  CHECK(doc[3].string == "Kvalitetsutmärkelsen 2018");
  CHECK(doc[4].string == "Fråga 2");
  CHECK(doc[5].string == "Hur vi gör brukare delaktiga");
  CHECK(doc[6].string == sample_docs()[0].text);
  CHECK(index["terms"].items.size() == index["postings"].items.size());
}

TEST_CASE("index terms are unique and sorted so a prefix is a binary search", "[search]") {
  kvtest::TempDir dir;
  write_search_index(2018, sample_docs(), dir.path() / "i.js");
  Json index = read_index(kvtest::read(dir.path() / "i.js"));
  std::vector<std::string> terms;
  for (const auto& t : index["terms"].items) terms.push_back(t.string);
  REQUIRE_FALSE(terms.empty());
  CHECK(std::is_sorted(terms.begin(), terms.end()));
  CHECK(std::adjacent_find(terms.begin(), terms.end()) == terms.end());
  for (const auto& t : terms) CHECK(search_terms(t) == Terms{t});  // already folded: one term each
  CHECK(std::count(terms.begin(), terms.end(), "äldre") == 1);
  CHECK(std::count(terms.begin(), terms.end(), "Äldre") == 0);
}

TEST_CASE("postings point at the pages that contain a term", "[search]") {
  kvtest::TempDir dir;
  write_search_index(2018, sample_docs(), dir.path() / "i.js");
  Json index = read_index(kvtest::read(dir.path() / "i.js"));
  using P = std::vector<std::array<int, 3>>;
  // doc 0 has "ramtidsbeslut" twice in its text; doc 2 has it only in its title (bit 1).
  CHECK(postings_of(index, "ramtidsbeslut") == P{{0, 2, 0}, {2, 0, 1}});
  CHECK(postings_of(index, "ramtidsbeslutet") == P{{0, 1, 0}});
  // "delaktiga": doc 0's title, doc 1's text; "äldre" is in every unit's name (bit 2).
  CHECK(postings_of(index, "delaktiga") == P{{0, 0, 1}, {1, 1, 0}});
  CHECK(postings_of(index, "äldre") == P{{0, 0, 2}, {1, 1, 2}, {2, 0, 2}});
  CHECK(postings_of(index, "2") == P{{0, 0, 1}});  // "Fråga 2"
}

TEST_CASE("index text cannot end a script or break a JavaScript line", "[search]") {
  kvtest::TempDir dir;
  write_search_index(2018, sample_docs(), dir.path() / "i.js");
  std::string bytes = kvtest::read(dir.path() / "i.js");
  std::string lower = bytes;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  CHECK(lower.find("</script") == std::string::npos);
  CHECK(bytes.find("</") == std::string::npos);
  CHECK(bytes.find("<\\/script>") != std::string::npos);
  CHECK(bytes.find("\\u2028") != std::string::npos);
  CHECK(bytes.find("\\u2029") != std::string::npos);
  CHECK(std::all_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));

  Json index = read_index(bytes);  // and every escape reads back as the original text
  CHECK(index["docs"][1][6].string == sample_docs()[1].text);
  CHECK(index["docs"][2][6].string == sample_docs()[2].text);
}

TEST_CASE("the same pages give a byte-identical index", "[search]") {
  kvtest::TempDir dir;
  write_search_index(2024, sample_docs(), dir.path() / "a.js");
  write_search_index(2024, sample_docs(), dir.path() / "b.js");
  CHECK(kvtest::read(dir.path() / "a.js") == kvtest::read(dir.path() / "b.js"));
  CHECK(search_index_file(2024) == "sok/index-2024.js");
}

TEST_CASE("an empty year gives an empty but valid index", "[search]") {
  kvtest::TempDir dir;
  write_search_index(2019, {}, dir.path() / "e.js");
  Json index = read_index(kvtest::read(dir.path() / "e.js"));
  CHECK(index["docs"].items.empty());
  CHECK(index["terms"].items.empty());
  CHECK(index["postings"].items.empty());
}
