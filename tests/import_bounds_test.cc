// `kvalitet importera` keeps the core's promises (issue 26): --enhet is a folder name, every
// file it creates lands inside the content folder and replaces nothing, a write failure is one
// diagnostic, its scratch folder cannot be taken beforehand, and a .docx is bounded before
// pandoc reads it (a zip bomb, with honest or lying sizes) and pandoc's heap is capped.
// `kvalitet ny` shares the unit-name and inside-content checks.
#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <optional>
#include <sstream>

#include "import/import_command.h"
#include "scaffold/scaffold.h"
#include "support.h"
#include "util/subprocess.h"

using namespace kvtest;
using Catch::Matchers::Contains;

namespace {

const char* kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" )"
    R"(ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>)";
const char* kRels =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" )"
    R"(Target="word/document.xml"/></Relationships>)";

std::string document_xml(const std::string& body) {
  return R"(<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)" +
         body + "</w:body></w:document>";
}

std::string paragraph(const std::string& text) { return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>"; }

// A .docx with these entries (name, bytes), deflated.
void write_zip(const fs::path& file, const std::vector<std::pair<std::string, std::string>>& entries) {
  int error = 0;
  zip_t* zip = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(zip);
  for (const auto& [name, bytes] : entries) {
    zip_source_t* source = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
    REQUIRE(source);
    const zip_int64_t index = zip_file_add(zip, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    REQUIRE(index >= 0);
    zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 1);
  }
  REQUIRE(zip_close(zip) == 0);
}

void write_docx(const fs::path& file, const std::string& document) {
  write_zip(file, {{"[Content_Types].xml", kContentTypes}, {"_rels/.rels", kRels}, {"word/document.xml", document}});
}

// A small document whose first question is answered.
void write_small_docx(const fs::path& file) {
  write_docx(file, document_xml(paragraph("Inledande text.") + R"(<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Fråga 1:</w:t></w:r></w:p>)" +
                                paragraph("Vi svarar på fråga ett.")));
}

// n bytes of valid document text: pandoc would read it all.
std::string many_paragraphs(size_t bytes) {
  const std::string p = paragraph("Ett stycke text som upprepas.");
  std::string body;
  body.reserve(bytes + p.size());
  while (body.size() < bytes) body += p;
  return document_xml(body);
}

// Sets the uncompressed size of every entry in the local and central headers to `size`: the
// headers lie, the data is what it was.
void lie_about_sizes(const fs::path& file, uint32_t size) {
  std::string bytes = read(file);
  auto put32 = [&](size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) bytes[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
  };
  int local = 0, central = 0;
  for (size_t at = 0; at + 30 <= bytes.size(); ++at) {
    if (bytes.compare(at, 4, "PK\x03\x04") == 0) put32(at + 22, size), ++local;
    else if (bytes.compare(at, 4, "PK\x01\x02") == 0) put32(at + 24, size), ++central;
  }
  REQUIRE(local >= 1);
  REQUIRE(central == local);
  write(file, bytes);
}

struct Import {
  TempDir dir;
  fs::path content = dir.path() / "content";
  fs::path docx = dir.path() / "svar.docx";
  kv::ImportOptions options;
  std::string out, err;

  Import() {
    write(content / "site.yaml", read(fixtures() / "valid" / "site.yaml"));
    options.docx = docx;
    options.structure = "kvalitetsutmarkelsen-2018";
    options.unit = "ny-enhet";
  }
  int run() {
    std::ostringstream o, e;
    const int status = kv::run_import(context_for(content, source_dir() / "templates"), options, o, e);
    out = o.str();
    err = e.str();
    return status;
  }
  fs::path folder() const { return content / "ny-enhet" / "2018" / "kvalitetsutmarkelsen"; }
};

// Every file under dir (none when it does not exist).
std::vector<fs::path> files_under(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (!it->is_directory()) out.push_back(it->path());
  return out;
}

// Sets an environment variable for the life of the object.
class EnvVar {
 public:
  EnvVar(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value.c_str(), 1);
  }
  ~EnvVar() {
    if (old_) ::setenv(name_, old_->c_str(), 1);
    else ::unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("importera: --enhet is a folder name, not a path – nothing is written outside", "[import]") {
  for (const std::string unit : {"..", "../utanfor", "/tmp/kvalitet-import-abs", "a/b", ".", "", ".dold", "_egen", "a\\b", "a\tb"}) {
    Import im;
    write_small_docx(im.docx);
    im.options.unit = unit;
    INFO(unit);
    CHECK(im.run() == 1);
    CHECK_THAT(im.err, Contains("error: ") && Contains("är inte ett mappnamn") && Contains("skarholmen-omsorg-om-aldre"));
    CHECK_FALSE(fs::exists(im.dir.path() / "utanfor"));
    CHECK_FALSE(fs::exists(im.dir.path() / "enhet.yaml"));
    CHECK_FALSE(fs::exists(im.dir.path() / "2018"));
    CHECK_FALSE(fs::exists(im.content / "a"));
  }
  CHECK_FALSE(fs::exists("/tmp/kvalitet-import-abs"));
}

TEST_CASE("ny: the unit is a folder name too, with the same message as importera", "[import][scaffold]") {
  TempDir dir;
  const fs::path content = dir.path() / "content";
  write(content / "site.yaml", read(fixtures() / "valid" / "site.yaml"));
  for (const std::string unit : {"..", "../utanfor", "a/b", "/tmp/kvalitet-ny-abs"}) {
    kv::ScaffoldOptions options;
    options.unit = unit;
    options.structure = "kvalitetsutmarkelsen-2018";
    std::ostringstream out, err;
    INFO(unit);
    CHECK(kv::run_scaffold(context_for(content, source_dir() / "templates"), options, out, err) == 1);
    CHECK_THAT(err.str(), Contains("är inte ett mappnamn") && Contains("skarholmen-omsorg-om-aldre"));
  }
  CHECK(files_under(dir.path()) == std::vector<fs::path>{content / "site.yaml"});
  CHECK_FALSE(fs::exists("/tmp/kvalitet-ny-abs"));
}

TEST_CASE("importera: a unit folder linked to a folder outside content is refused, nothing written there", "[import]") {
  Import im;
  write_small_docx(im.docx);
  const fs::path outside = im.dir.path() / "utanfor";
  fs::create_directories(outside);
  fs::create_directory_symlink(outside, im.content / "ny-enhet");
  CHECK(im.run() == 1);
  CHECK_THAT(im.err, Contains("enhet.yaml: error: filen skulle hamna utanför innehållsmappen"));
  CHECK_THAT(im.err, !Contains("fraga-01.md"));  // one error for the one link, not one per file
  CHECK(files_under(outside).empty());
}

TEST_CASE("ny: a unit folder linked to a folder outside content is refused, nothing written there", "[import][scaffold]") {
  TempDir dir;
  const fs::path content = dir.path() / "content", outside = dir.path() / "utanfor";
  write(content / "site.yaml", read(fixtures() / "valid" / "site.yaml"));
  fs::create_directories(outside);
  fs::create_directory_symlink(outside, content / "ny-enhet");
  kv::ScaffoldOptions options;
  options.unit = "ny-enhet";
  options.structure = "kvalitetsutmarkelsen-2018";
  std::ostringstream out, err;
  CHECK(kv::run_scaffold(context_for(content, source_dir() / "templates"), options, out, err) == 1);
  CHECK_THAT(err.str(), Contains("filen skulle hamna utanför innehållsmappen"));
  CHECK(files_under(outside).empty());
}

TEST_CASE("importera: a zip bomb with honest sizes is refused before pandoc reads it", "[import]") {
  Import im;
  // 70 MiB of paragraphs in document.xml, a few hundred kB packed.
  write_docx(im.docx, many_paragraphs(70u << 20));
  CHECK(fs::file_size(im.docx) < (1u << 20));
  CHECK(im.run() == 1);
  CHECK_THAT(im.err, Contains("svar.docx: error: delen ”word/document.xml” i Word-filen blir mer än 64 MiB uppackad"));
  CHECK_FALSE(fs::exists(im.content / "ny-enhet"));
}

TEST_CASE("importera: a zip bomb whose headers understate the unpacked size is refused all the same", "[import]") {
  Import im;
  write_docx(im.docx, many_paragraphs(70u << 20));
  lie_about_sizes(im.docx, 1000);
  CHECK(im.run() == 1);
  CHECK_THAT(im.err, Contains("delen ”word/document.xml” i Word-filen blir mer än 64 MiB uppackad"));
  CHECK_FALSE(fs::exists(im.content / "ny-enhet"));
}

TEST_CASE("importera: entries that are each within the limit but too many bytes together are refused", "[import]") {
  Import im;
  const std::string chunk(60u << 20, 'a');
  write_zip(im.docx, {{"[Content_Types].xml", kContentTypes}, {"_rels/.rels", kRels}, {"word/document.xml", document_xml(paragraph("Kort."))},
                      {"word/media/a.bin", chunk}, {"word/media/b.bin", chunk}, {"word/media/c.bin", chunk},
                      {"word/media/d.bin", chunk}, {"word/media/e.bin", chunk}});
  CHECK(im.run() == 1);
  CHECK_THAT(im.err, Contains("Word-filens delar blir mer än 256 MiB uppackade tillsammans"));
}

TEST_CASE("importera: a .docx with more entries than the limit is refused before they are read", "[import]") {
  Import im;
  std::vector<std::pair<std::string, std::string>> entries{{"[Content_Types].xml", kContentTypes}, {"_rels/.rels", kRels},
                                                           {"word/document.xml", document_xml(paragraph("Kort."))}};
  for (int i = 0; i < 10'000; ++i) entries.push_back({"word/media/" + std::to_string(i) + ".png", ""});
  write_zip(im.docx, entries);
  CHECK(im.run() == 1);
  CHECK_THAT(im.err, Contains("svar.docx: error: Word-filen innehåller 10003 delar; gränsen för import är 10000"));
}

TEST_CASE("importera: a file that is no zip archive, or an entry named out of the archive, is a plain error", "[import]") {
  Import im;
  write(im.docx, "Det här är ingen Word-fil.\n");
  CHECK(im.run() == 1);
  CHECK_THAT(im.err, Contains("svar.docx: error: filen är ingen Word-fil (.docx)"));
  write_zip(im.docx, {{"[Content_Types].xml", kContentTypes}, {"_rels/.rels", kRels}, {"word/document.xml", document_xml(paragraph("Kort."))},
                      {"word/media/../../../../utanfor.png", "x"}});
  CHECK(im.run() == 1);
  CHECK_THAT(im.err, Contains("pekar ut ur dokumentet"));
  CHECK_FALSE(fs::exists(im.content / "ny-enhet"));
}

TEST_CASE("importera: pandoc's heap is capped, and reaching the cap is a clear error", "[import]") {
  REQUIRE(kv::find_program("pandoc"));
  Import im;
  write_docx(im.docx, many_paragraphs(2u << 20));
  im.options.pandoc_heap_mib = 16;
  CHECK(im.run() == 1);
  CHECK_THAT(im.err, Contains("error: Word-dokumentet kräver mer minne än 16 MiB för att läsas"));
  CHECK_FALSE(fs::exists(im.content / "ny-enhet"));
}

TEST_CASE("importera: a scratch folder name taken beforehand is left alone and the import works", "[import]") {
  REQUIRE(kv::find_program("pandoc"));
  Import im;
  write_small_docx(im.docx);
  const fs::path tmp = im.dir.path() / "tmp";
  const fs::path squatted = tmp / ("kvalitet-import-" + std::to_string(::getpid()));
  write(squatted / "andras.txt", "någon annans\n");
  ::chmod(squatted.c_str(), 0555);
  EnvVar tmpdir("TMPDIR", tmp.string());
  CHECK(im.run() == 0);
  ::chmod(squatted.c_str(), 0755);
  CHECK(read(squatted / "andras.txt") == "någon annans\n");
  CHECK_THAT(read(im.folder() / "fraga-01.md"), Contains("Vi svarar på fråga ett."));
  // The import's own scratch folder is gone.
  std::vector<fs::path> left;
  for (const auto& e : fs::directory_iterator(tmp)) left.push_back(e.path());
  CHECK(left == std::vector<fs::path>{squatted});
}

TEST_CASE("importera: a target that cannot be written is one diagnostic, and nothing is left", "[import]") {
  REQUIRE(kv::find_program("pandoc"));
  SECTION("a file where the unit's folder should be") {
    Import im;
    write_small_docx(im.docx);
    write(im.content / "ny-enhet", "en fil, ingen mapp\n");
    CHECK(im.run() == 1);
    CHECK_THAT(im.err, Contains("error: importen kunde inte skrivas: ") && Contains("det som hann skrivas är borttaget igen"));
    CHECK(read(im.content / "ny-enhet") == "en fil, ingen mapp\n");
  }
  SECTION("a file where the year's folder should be: enhet.yaml, written first, is removed again") {
    Import im;
    write_small_docx(im.docx);
    write(im.content / "ny-enhet" / "2018", "en fil, ingen mapp\n");
    CHECK(im.run() == 1);
    CHECK_THAT(im.err, Contains("ny-enhet/2018/kvalitetsutmarkelsen: error: importen kunde inte skrivas: en del av sökvägen är inte en katalog"));
    CHECK(files_under(im.content / "ny-enhet") == std::vector<fs::path>{im.content / "ny-enhet" / "2018"});
  }
}

TEST_CASE("importera into a document already there: one error at its folder naming importera, nothing written", "[import]") {
  Import im;
  write_small_docx(im.docx);
  REQUIRE(im.run() == 0);
  const std::string before = read(im.folder() / "fraga-01.md");
  CHECK(im.run() == 1);
  size_t errors = 0;
  for (size_t at = im.err.find(": error: "); at != std::string::npos; at = im.err.find(": error: ", at + 1)) ++errors;
  CHECK(errors == 1);
  CHECK_THAT(im.err, Contains("kvalitetsutmarkelsen: error: dokumentet finns redan här (24 filer, bland dem inlamning.yaml); "
                              "kvalitet importera skriver aldrig över en fil"));
  CHECK_THAT(im.err, !Contains("kvalitet ny"));
  CHECK(read(im.folder() / "fraga-01.md") == before);
}
