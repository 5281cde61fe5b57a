// The build-time half of the site search: page text, search terms and the index file that
// sok.js reads. The index is read back with a small JSON reader of its own, so the test
// checks the bytes a browser gets and not the writer's intentions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

#include "render/html/urls.h"
#include "render/search/search_documents.h"
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

// The object inside a file's single push(...) statement.
Json read_pushed(const std::string& file) {
  size_t start = file.find(kPrefix);
  size_t end = file.rfind(");");
  REQUIRE(start != std::string::npos);
  REQUIRE(end != std::string::npos);
  start += kPrefix.size();
  return JsonReader(std::string_view(file).substr(start, end - start)).document();
}

// The whole index as a browser would read it: the manifest, then every shard it names
// with the page numbers added up, then every page's fragment.
struct ReadIndex {
  Json manifest;
  std::vector<std::string> terms;
  std::vector<std::vector<std::array<int, 3>>> postings;  // (doc, count, fields)
  std::vector<Json> fragments;
  std::vector<std::string> files;  // every file's bytes
};

ReadIndex read_index(const std::filesystem::path& out) {
  ReadIndex r;
  r.files.push_back(kvtest::read(out / "sok" / "index.js"));
  r.manifest = read_pushed(r.files.back());
  REQUIRE(r.manifest["format"].integer() == 2);
  const auto& firsts = r.manifest["shards"].items;
  for (size_t i = 0; i < firsts.size(); ++i) {
    r.files.push_back(kvtest::read(out / "sok" / "t" / (std::to_string(i) + ".js")));
    Json shard = read_pushed(r.files.back());
    CHECK(shard["shard"].integer() == static_cast<int>(i));
    REQUIRE(shard["terms"].items.size() == shard["postings"].items.size());
    REQUIRE_FALSE(shard["terms"].items.empty());
    CHECK(shard["terms"][0].string == firsts[i].string);  // the manifest names each shard's first term
    for (size_t t = 0; t < shard["terms"].items.size(); ++t) {
      r.terms.push_back(shard["terms"][t].string);
      const Json& list = shard["postings"][t];
      REQUIRE(list.items.size() % 2 == 0);
      std::vector<std::array<int, 3>> decoded;
      int doc = 0;
      for (size_t k = 0; k < list.items.size(); k += 2) {
        doc += list[k].integer();
        decoded.push_back({doc, list[k + 1].integer() / 4, list[k + 1].integer() % 4});
      }
      r.postings.push_back(decoded);
    }
  }
  const int docs = r.manifest["docs"].integer();
  for (int d = 0; d < docs; ++d) {
    r.files.push_back(kvtest::read(out / "sok" / "f" / std::to_string(d / 1000) / (std::to_string(d) + ".js")));
    r.fragments.push_back(read_pushed(r.files.back()));
    CHECK(r.fragments.back()["doc"].integer() == d);
  }
  return r;
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
std::vector<std::array<int, 3>> postings_of(const ReadIndex& index, const std::string& term) {
  auto found = std::find(index.terms.begin(), index.terms.end(), term);
  REQUIRE(found != index.terms.end());
  return index.postings[static_cast<size_t>(found - index.terms.begin())];
}

// Writes docs as the build does: fragments and pieces, then the merged shards.
void write_index(const std::vector<SearchDoc>& docs, const std::filesystem::path& out, size_t shard_bytes = kShardBytes,
                 size_t piece = 2) {
  std::vector<PartialIndex> parts;
  for (size_t first = 0; first < docs.size(); first += piece) {
    std::vector<SearchDoc> some(docs.begin() + first, docs.begin() + std::min(docs.size(), first + piece));
    write_search_fragments(some, static_cast<uint32_t>(first), OutputTree(out, {}));
    parts.push_back(index_docs(some, static_cast<uint32_t>(first)));
  }
  write_search_index(parts, {{2018, 0}}, static_cast<uint32_t>(docs.size()), OutputTree(out, {}), shard_bytes);
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

TEST_CASE("plain_text leaves out what the layout marks data-ej-sok – not an author's text", "[search]") {
  CHECK(plain_text("<p>Svar</p><p class=\"nedladdning\" data-ej-sok><a href=\"x.xlsx\">(Excel, .xlsx)</a></p><p>mer</p>") ==
        "Svar mer");
  CHECK(plain_text("<p data-ej-sok>bort</p>kvar<p data-ej-sok=\"\">bort</p>") == "kvar");
  // In a quoted value (an author's link or alt text) or as part of another name it is text.
  CHECK(plain_text("<p><a href=\"a data-ej-sok\" title=' data-ej-sok'>länk</a></p>") == "länk");
  CHECK(plain_text("<p data-ej-soker>kvar</p><p xdata-ej-sok>också</p>") == "kvar också");
}

TEST_CASE("sok/dokument.js gives each document's unit – kind and parts – numbered in sorted order", "[search]") {
  kvtest::TempDir dir;
  const OutputTree out(dir.path(), {});
  write_search_documents({{0, "skarholmen", "kvalitetsutmarkelsen", {"inledning", "k#2", "k#1"}},
                          {3, "alvsjo", "kvalitetsutmarkelsen", {"inledning", "k#2", "k#1"}},
                          {6, "skarholmen", "rapport", {"r#1"}}},
                         out);
  const std::string file = kvtest::read(dir.path() / "sok/dokument.js");
  REQUIRE(file.rfind("/*", 0) == 0);
  const Json d = read_pushed(file);
  CHECK(d["format"].integer() == 2);
  REQUIRE(d["units"].items.size() == 2);
  CHECK(d["units"][0].string == "alvsjo");
  CHECK(d["kinds"][1].string == "rapport");
  // Threads sorted: inledning 0, k#1 1, k#2 2, r#1 3; the award's list is shared.
  REQUIRE(d["parts"].items.size() == 2);
  CHECK(d["parts"][0].items.size() == 3);
  CHECK(d["parts"][0][0].integer() == 0);
  CHECK(d["parts"][0][1].integer() == 2);
  CHECK(d["parts"][0][2].integer() == 1);
  CHECK(d["parts"][1][0].integer() == 3);
  REQUIRE(d["documents"].items.size() == 3);
  const auto row = [&](size_t i) {
    std::vector<int> r;
    for (const auto& v : d["documents"][i].items) r.push_back(v.integer());
    return r;
  };
  CHECK(row(0) == std::vector<int>{0, 1, 0, 0});
  CHECK(row(1) == std::vector<int>{3, 0, 0, 0});
  CHECK(row(2) == std::vector<int>{6, 1, 1, 1});
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

TEST_CASE("the search index is scripts whose objects parse as JSON", "[search]") {
  kvtest::TempDir dir;
  write_index(sample_docs(), dir.path());
  ReadIndex index = read_index(dir.path());
  REQUIRE(index.files[0].rfind("/*", 0) == 0);  // a comment says what the file is
  CHECK(index.manifest["docs"].integer() == 3);
  CHECK(index.manifest["years"][0][0].integer() == 2018);
  CHECK(index.manifest["years"][0][1].integer() == 0);
  REQUIRE(index.fragments.size() == 3);
  const Json& doc = index.fragments[0];
  CHECK(doc["url"].string == "2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen/fraga-02/");
  CHECK(doc["unit"].string == "Beställarenheten omsorg om äldre");
  CHECK(doc["year"].integer() == 2018);
  CHECK(doc["document"].string == "Kvalitetsutmärkelsen 2018");
  CHECK(doc["part"].string == "Fråga 2");
  CHECK(doc["title"].string == "Hur vi gör brukare delaktiga");
  CHECK(doc["text"].string == sample_docs()[0].text);
  // Text in UTF-8 as written, not six-byte escapes.
  CHECK(index.files.back().find("Beställarenheten") != std::string::npos);
}

TEST_CASE("index terms are unique and sorted across shards so a prefix is a binary search", "[search]") {
  kvtest::TempDir dir;
  write_index(sample_docs(), dir.path(), 1);  // tiny shards: one term each
  ReadIndex index = read_index(dir.path());
  const auto& terms = index.terms;
  REQUIRE(terms.size() > 10);
  CHECK(index.manifest["shards"].items.size() == terms.size());
  CHECK(std::is_sorted(terms.begin(), terms.end()));
  CHECK(std::adjacent_find(terms.begin(), terms.end()) == terms.end());
  for (const auto& t : terms) CHECK(search_terms(t) == Terms{t});  // already folded: one term each
  CHECK(std::count(terms.begin(), terms.end(), "äldre") == 1);
  CHECK(std::count(terms.begin(), terms.end(), "Äldre") == 0);
}

TEST_CASE("shards hold about the bytes asked for – and the same terms however they are cut", "[search]") {
  std::vector<SearchDoc> docs;
  for (int d = 0; d < 40; ++d)
    docs.push_back({"2018/e" + std::to_string(d) + "/", "Enhet " + std::to_string(d), 2018, "Dokument", "Fråga 1", "Titel",
                    "ord" + std::to_string(d) + " gemensam text nummer " + std::to_string(d * 7) + " brukare"});
  kvtest::TempDir small, large;
  write_index(docs, small.path(), 200, 3);
  write_index(docs, large.path(), 1 << 20, 7);
  ReadIndex a = read_index(small.path()), b = read_index(large.path());
  CHECK(b.manifest["shards"].items.size() == 1);
  CHECK(a.manifest["shards"].items.size() > 5);
  CHECK(a.terms == b.terms);
  CHECK(a.postings == b.postings);
  // One piece per page (40: the merge's tree has empty leaves) against one piece for all.
  kvtest::TempDir each, whole;
  write_index(docs, each.path(), 1 << 20, 1);
  write_index(docs, whole.path(), 1 << 20, 40);
  ReadIndex c = read_index(each.path()), d = read_index(whole.path());
  CHECK(c.terms == d.terms);
  CHECK(c.postings == d.postings);
  CHECK(c.terms == b.terms);
  for (size_t i = 1; i + 1 < a.files.size() - docs.size(); ++i) CHECK(a.files[i].size() < 200 + 400);
  // Pieces of any size give the same postings: page numbers run across pieces.
  CHECK(postings_of(a, "brukare").size() == 40);
  CHECK(postings_of(a, "ord39") == std::vector<std::array<int, 3>>{{39, 1, 0}});
}

TEST_CASE("postings point at the pages that contain a term", "[search]") {
  kvtest::TempDir dir;
  write_index(sample_docs(), dir.path());
  ReadIndex index = read_index(dir.path());
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
  write_index(sample_docs(), dir.path());
  ReadIndex index = read_index(dir.path());
  for (const std::string& bytes : index.files) {
    std::string lower = bytes;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    CHECK(lower.find("</script") == std::string::npos);
    CHECK(bytes.find("</") == std::string::npos);
    CHECK(bytes.find("\xE2\x80\xA8") == std::string::npos);  // U+2028, U+2029 escaped
    CHECK(bytes.find("\xE2\x80\xA9") == std::string::npos);
  }
  const std::string all = index.files[index.files.size() - 2] + index.files.back();
  CHECK(all.find("<\\/script>") != std::string::npos);
  CHECK(all.find("\\u2028") != std::string::npos);
  CHECK(all.find("\\u2029") != std::string::npos);
  // And every escape reads back as the original text.
  CHECK(index.fragments[1]["text"].string == sample_docs()[1].text);
  CHECK(index.fragments[2]["text"].string == sample_docs()[2].text);
}

TEST_CASE("the same pages give byte-identical index files", "[search]") {
  kvtest::TempDir a, b;
  write_index(sample_docs(), a.path(), 64, 1);
  write_index(sample_docs(), b.path(), 64, 1);
  CHECK(read_index(a.path()).files == read_index(b.path()).files);
  CHECK(search_manifest_path() == "sok/index.js");
  CHECK(search_shard_path(7) == "sok/t/7.js");
  CHECK(search_fragment_path(12345) == "sok/f/12/12345.js");
}

TEST_CASE("an empty site gives an empty but valid index", "[search]") {
  kvtest::TempDir dir;
  write_search_index({}, {}, 0, OutputTree(dir.path(), {}), 1);
  ReadIndex index = read_index(dir.path());
  CHECK(index.manifest["shards"].items.empty());
  CHECK(index.manifest["years"].items.empty());
  CHECK(index.terms.empty());
}

TEST_CASE("a document's piece of the index read back from its bytes merges into the same index", "[search]") {
  const auto docs = sample_docs();
  std::vector<PartialIndex> pieces, read_back;
  for (size_t first = 0; first < docs.size(); ++first) {
    pieces.push_back(index_docs({docs[first]}, static_cast<uint32_t>(first)));
    auto again = PartialIndex::from_bytes(pieces.back().bytes());
    REQUIRE(again.has_value());
    read_back.push_back(std::move(*again));
  }
  kvtest::TempDir a, b;
  const auto n = static_cast<uint32_t>(docs.size());
  CHECK(write_search_index(pieces, {{2018, 0}}, n, OutputTree(a.path(), {})) ==
        write_search_index(read_back, {{2018, 0}}, n, OutputTree(b.path(), {})));
  CHECK(kvtest::read(a.path() / search_manifest_path()) == kvtest::read(b.path() / search_manifest_path()));
  CHECK(kvtest::read(a.path() / search_shard_path(0)) == kvtest::read(b.path() / search_shard_path(0)));

  // Anything else is refused, never read past its end: every cut and every changed byte.
  const std::string bytes = pieces[0].bytes();
  for (size_t cut = 0; cut < bytes.size(); ++cut) CHECK_FALSE(PartialIndex::from_bytes(bytes.substr(0, cut)));
  CHECK_FALSE(PartialIndex::from_bytes(bytes + "x"));
  for (size_t at = 0; at < bytes.size(); ++at) {
    std::string changed = bytes;
    changed[at] = static_cast<char>(0xFF);
    auto piece = PartialIndex::from_bytes(changed);
    if (!piece) continue;  // a changed term's letter or weight still reads
    for (size_t t = 0; t < piece->size(); ++t) piece->for_each_posting(t, [](uint32_t, uint32_t) {});
  }
}
