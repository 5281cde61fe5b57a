// Rebuilding: nothing changed → nothing done (the output folder untouched, the diagnostics
// shown again); something changed → the result is byte for byte what a fresh build makes,
// and every file that came out the same is the previous build's file (same inode and time).
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <map>
#include <sstream>

#include "pipeline/input_stamp.h"
#include "pipeline/preview_build.h"
#include "validate/structure_file.h"
#include "validate/submission.h"
#include "validate/submission_cache.h"
#include "support.h"
#include "write/markers.h"

using namespace kvtest;
using Catch::Matchers::Contains;

namespace {

struct Built {
  int status = 0;
  std::string out, err;
};

// A site of its own: content, templates and themes copied, so each can be changed.
struct Site {
  TempDir dir;
  fs::path content = dir.path() / "content", templates = dir.path() / "templates", themes = dir.path() / "themes";

  Site() {
    copy_fixture("valid", content);
    fs::copy(fixtures() / "templates", templates, fs::copy_options::recursive);
    fs::copy(source_dir() / "themes", themes, fs::copy_options::recursive);
  }

  Built build(const fs::path& out, bool rebuild = false) const {
    auto options = options_for(content, templates);
    options.rebuild = rebuild;
    options.themes_dir = themes.string();
    options.output_dir = out.string();
    std::ostringstream o, e;
    Built b;
    b.status = kv::run_build(options, o, e);
    b.out = o.str();
    b.err = e.str();
    return b;
  }
};

// Every file under root (markers and the stamp aside) with its bytes.
std::map<std::string, std::string> tree(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().filename().string();
    if (name == kv::kOutputMarker || name == kv::kInputStampFile) continue;
    files[fs::relative(entry.path(), root).generic_string()] = read(entry.path());
  }
  return files;
}

ino_t inode(const fs::path& file) {
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  return st.st_ino;
}

void add_unit(const Site& site) {
  fs::copy(site.content / "provenhet", site.content / "andra-enheten", fs::copy_options::recursive);
  replace(site.content / "andra-enheten" / "enhet.yaml", "namn: Provenheten", "namn: Andra provenheten");
}

// The output built again holds the same files, byte for byte, as one built afresh.
void check_same_files(const fs::path& again, const fs::path& fresh) {
  const auto a = tree(again), b = tree(fresh);
  CHECK(a.size() == b.size());
  for (const auto& [path, bytes] : b) {
    auto found = a.find(path);
    CHECK((found != a.end() && found->second == bytes));
    if (found == a.end() || found->second != bytes) WARN("differs from a fresh build: " << path);
  }
  for (const auto& [path, bytes] : a)
    if (!b.count(path)) FAIL_CHECK("left over from the previous build: " << path);
}

const std::string kQuestion2 = "2020/provenhet/prov/fraga-02/index.html";
const std::string kQuestion3 = "2020/provenhet/prov/fraga-03/index.html";

// Builds, applies change, rebuilds in place; then checks the result against a fresh build.
void check_incremental(Site& site, const std::function<void()>& change) {
  const fs::path out = site.dir.path() / "out";
  fs::remove_all(out);
  REQUIRE(site.build(out).status == 0);
  change();
  Built again = site.build(out);
  REQUIRE(again.status == 0);
  CHECK_THAT(again.out, !Contains("Inget har ändrats"));
  const fs::path fresh = site.dir.path() / "fresh";
  REQUIRE(site.build(fresh).status == 0);
  check_same_files(out, fresh);
}

}  // namespace

TEST_CASE("a rebuild with nothing changed leaves the output folder as it was and repeats the warnings", "[incremental]") {
  Site site;
  const fs::path out = site.dir.path() / "out";
  write(site.content / "site.yaml", read(site.content / "site.yaml") + "lix_gräns: 20\n");  // warnings
  Built first = site.build(out);
  REQUIRE(first.status == 0);
  const ino_t folder = inode(out), page = inode(out / kQuestion2);
  Built second = site.build(out);
  CHECK(second.status == 0);
  CHECK_THAT(second.out, Contains("Inget har ändrats sedan förra bygget"));
  CHECK(inode(out) == folder);  // not swapped: nothing was written
  CHECK(inode(out / kQuestion2) == page);
  // The same diagnostics as the build that made the output.
  const auto warnings = [](const std::string& err) { return err.substr(0, err.rfind("0 fel")); };
  CHECK_FALSE(warnings(first.err).empty());
  CHECK(warnings(second.err) == warnings(first.err));
  // --rebuild builds all the same (and still links what came out the same).
  Built forced = site.build(out, true);
  CHECK_THAT(forced.out, !Contains("Inget har ändrats"));
  CHECK(inode(out) != folder);
  CHECK(inode(out / kQuestion2) == page);
}

TEST_CASE("a rebuild after an edit rewrites what changed and links what did not", "[incremental]") {
  Site site;
  const fs::path out = site.dir.path() / "out";
  REQUIRE(site.build(out).status == 0);
  const ino_t q2 = inode(out / kQuestion2), q3 = inode(out / kQuestion3);
  replace(submission_dir(site.content) / "fraga-02.md", "Enheten har ett mål.", "Enheten har ett nytt mål.");
  Built again = site.build(out);
  REQUIRE(again.status == 0);
  CHECK(inode(out / kQuestion2) != q2);  // its text changed
  CHECK(inode(out / kQuestion3) == q3);  // the previous build's file, untouched
}

TEST_CASE("a rebuild equals a fresh build after every kind of change", "[incremental]") {
  Site site;
  SECTION("an answer edited") {
    check_incremental(site, [&] { replace(submission_dir(site.content) / "fraga-02.md", "Enheten har ett mål.", "Enheten har ett nytt mål."); });
  }
  SECTION("an answer saved twice at once with the same size") {
    check_incremental(site, [&] { replace(submission_dir(site.content) / "fraga-02.md", "Enheten har ett mål.", "ENHETEN har ett mål."); });
  }
  SECTION("a unit added") {
    check_incremental(site, [&] { add_unit(site); });
  }
  SECTION("a unit removed: its pages are gone") {
    add_unit(site);
    check_incremental(site, [&] { fs::remove_all(site.content / "andra-enheten"); });
  }
  SECTION("an image removed from an answer") {
    const fs::path answer = submission_dir(site.content) / "fraga-02.md";
    write(submission_dir(site.content) / "bild.svg",
          "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 2 2\"><rect width=\"2\" height=\"2\"/></svg>\n");
    replace(answer, "Enheten har ett mål.", "Enheten har ett mål.\n\n![En svart ruta](bild.svg)");
    check_incremental(site, [&] {
      replace(answer, "\n\n![En svart ruta](bild.svg)", "");
      fs::remove(submission_dir(site.content) / "bild.svg");
    });
  }
  SECTION("the structure changed") {
    check_incremental(site, [&] {
      replace(site.templates / "structures" / "prov-2020.yaml", "titel: Första området", "titel: Det första området");
    });
  }
  SECTION("the theme changed") {
    check_incremental(site, [&] { write(site.themes / "default" / "theme.css", "body { color: #111; }\n"); });
  }
}

TEST_CASE("the input stamp changes with any input and only with inputs", "[incremental]") {
  Site site;
  auto options = options_for(site.content, site.templates);
  options.themes_dir = site.themes.string();
  auto stamp = [&] { return kv::input_stamp(kv::make_context(options), options); };
  const kv::InputStamp before = stamp();
  CHECK(stamp() == before);
  CHECK_FALSE(before.recent.empty());  // the files were just copied: their bytes count
  write(site.content / "notes.txt", "x");
  const kv::InputStamp added = stamp();
  CHECK(added.summary != before.summary);
  write(site.content / "notes.txt", "y");  // same size, maybe the same clock tick: the bytes decide
  const kv::InputStamp edited = stamp();
  CHECK(edited != added);
  write(site.dir.path() / "elsewhere.txt", "z");  // not an input
  CHECK(stamp() == edited);
  write(site.themes / "default" / "theme.css", "body {}\n");
  CHECK(stamp() != edited);
  options.pdf_variant = "pdf/a-2b";
  CHECK(stamp().summary != edited.summary);
  // The unit folders are walked on several threads: the same stamp as on one, and a file deep
  // in a unit still counts, for its unit and its document.
  auto on = [&](unsigned threads) {
    auto o = options;
    o.threads = threads;
    return kv::input_stamp(kv::make_context(o), o);
  };
  const kv::InputStamp one = on(1);
  CHECK(on(4) == one);
  write(submission_dir(site.content) / "fraga-02.md", read(submission_dir(site.content) / "fraga-02.md") + "\nMer.\n");
  const kv::InputStamp deep = on(4);
  CHECK(deep.summary != one.summary);
  CHECK(deep.hashes.folders.at("provenhet") != one.hashes.folders.at("provenhet"));
  CHECK(deep.hashes.folders.at("provenhet/2020/prov") != one.hashes.folders.at("provenhet/2020/prov"));
  CHECK(deep.hashes.site == one.hashes.site);
}

TEST_CASE("files saved just before a build are compared by their bytes", "[incremental]") {
  Site site;
  const fs::path out = site.dir.path() / "out";
  REQUIRE(site.build(out).status == 0);  // every input saved just now: their bytes are in the stamp
  const std::string stamp_file = read(out / kv::kInputStampFile);
  CHECK(stamp_file.find("\nrecent ") != std::string::npos);
  auto options = options_for(site.content, site.templates);
  options.themes_dir = site.themes.string();
  const kv::InputStamp now = kv::input_stamp(kv::make_context(options), options);
  CHECK(kv::unchanged_build(out, now).has_value());
  // A stored hash that no longer fits the bytes: not unchanged, though every time is the same.
  std::string tampered = stamp_file;
  const size_t at = tampered.find("\nrecent ") + 8;
  tampered[at] = tampered[at] == '1' ? '2' : '1';
  write(out / kv::kInputStampFile, tampered);
  CHECK_FALSE(kv::unchanged_build(out, now).has_value());
}

namespace {

const std::string kOtherQuestion2 = "2020/andra-enheten/prov/fraga-02/index.html";

// A page of the output replaced by bytes no build makes: still there after a rebuild means the
// rebuild did not make that page again.
void mark(const fs::path& page) {
  fs::remove(page);  // a file of its own, not the previous build's
  write(page, "<p>markerad</p>\n");
}

}  // namespace

TEST_CASE("a rebuild after an edit makes only the targets that read the edited unit's folder", "[incremental]") {
  Site site;
  add_unit(site);
  const fs::path out = site.dir.path() / "out";
  REQUIRE(site.build(out).status == 0);
  mark(out / kOtherQuestion2);
  replace(submission_dir(site.content) / "fraga-02.md", "Enheten har ett mål.", "Enheten har ett nytt mål.");
  REQUIRE(site.build(out).status == 0);
  CHECK_THAT(read(out / kQuestion2), Contains("ett nytt mål"));
  CHECK(read(out / kOtherQuestion2) == "<p>markerad</p>\n");  // the other unit's page was taken over
  // The log names each target's files: the other unit's page is in it, under a key.
  CHECK_THAT(read(out / kv::kInputStampFile), Contains("\t" + kOtherQuestion2 + "\n"));

  SECTION("--rebuild makes every target") {
    REQUIRE(site.build(out, true).status == 0);
    CHECK_THAT(read(out / kOtherQuestion2), Contains("Andra provenheten"));
  }
  SECTION("a change to the other unit's folder makes its pages again") {
    write(site.content / "andra-enheten" / "enhet.yaml", read(site.content / "andra-enheten" / "enhet.yaml") + "\n");
    REQUIRE(site.build(out).status == 0);
    CHECK_THAT(read(out / kOtherQuestion2), Contains("Andra provenheten"));
  }
  SECTION("a change every page shows (the site's title) makes every target again") {
    replace(site.content / "site.yaml", "titel: ", "titel: Ny ");
    REQUIRE(site.build(out).status == 0);
    CHECK_THAT(read(out / kOtherQuestion2), Contains("Andra provenheten"));
  }
  SECTION("an unreadable build log makes every target again") {
    std::string state = read(out / kv::kInputStampFile);
    for (size_t at = state.find("\ntarget "); at != std::string::npos; at = state.find("\ntarget ", at + 1)) state[at + 3] = 'X';
    write(out / kv::kInputStampFile, state);
    mark(out / kOtherQuestion2);
    replace(submission_dir(site.content) / "fraga-02.md", "ett nytt mål", "ett tredje mål");
    REQUIRE(site.build(out).status == 0);
    CHECK_THAT(read(out / kOtherQuestion2), Contains("Andra provenheten"));
  }
}

TEST_CASE("the build log reads back what it wrote and skips what it cannot read", "[incremental]") {
  kv::TargetLog log;
  log.record("k1", {"a/index.html"});
  log.record("k2", {"sok/f/0/1.js", "sok/f/0/2.js"});
  log.record("k3", {"med\ttab.png"});  // cannot be logged: made every time
  log.record("", {"x.html"});          // no key: made every time
  kv::TargetLog again;
  again.read_previous("kvalitet-inputs 2 x 1\n" + log.text() + "target \ttrasig\ntarget k4\n");
  REQUIRE(again.previous("k1"));
  CHECK(*again.previous("k1") == std::vector<std::string>{"a/index.html"});
  REQUIRE(again.previous("k2"));
  CHECK(again.previous("k2")->size() == 2);
  CHECK_FALSE(again.previous("k3"));
  CHECK_FALSE(again.previous(""));
  CHECK_FALSE(again.previous("k4"));
}

TEST_CASE("a rebuild that makes only what changed writes in place: the output folder and unchanged files stay", "[incremental]") {
  Site site;
  add_unit(site);
  const fs::path out = site.dir.path() / "out";
  REQUIRE(site.build(out).status == 0);
  const ino_t folder = inode(out), other = inode(out / kOtherQuestion2), q2 = inode(out / kQuestion2);
  replace(submission_dir(site.content) / "fraga-02.md", "Enheten har ett mål.", "Enheten har ett nytt mål.");
  REQUIRE(site.build(out).status == 0);
  CHECK(inode(out) == folder);  // no new folder swapped in: a journal, completed
  CHECK(inode(out / kOtherQuestion2) == other);
  CHECK(inode(out / kQuestion2) != q2);
  CHECK_THAT(read(out / kQuestion2), Contains("ett nytt mål"));
  for (const auto& entry : fs::directory_iterator(site.dir.path()))  // nothing left beside it
    CHECK(entry.path().filename().string().find(".journal.") == std::string::npos);
  // A unit removed: its pages and folders go.
  fs::remove_all(site.content / "andra-enheten");
  REQUIRE(site.build(out).status == 0);
  CHECK_FALSE(fs::exists(out / "2020/andra-enheten"));
  CHECK(inode(out) == folder);
}

TEST_CASE("serve's memory of read documents: kept while what they were read from is unchanged", "[incremental]") {
  Site site;
  kv::SubmissionCache cache;
  const kv::SubmissionLocation where{site.content, submission_dir(site.content), {"provenhet", "Provenheten", ""}, 2020, "prov"};
  kv::Diagnostics as{kv::Lang::kSv, {}, {}, true};
  kv::BrokenStructures broken;
  const kv::StructureSet structures = kv::read_structures(site.templates / "structures", as, &broken);
  kv::SubmissionCache::Read read;
  read.result = kv::read_submission(where, structures, as, broken, &read.draft);
  REQUIRE(read.result.has_value());
  const kv::InputHashes hashes{"site", {{"provenhet", "unit"}}};
  cache.keep(where, hashes, as, read);

  auto found = cache.find(where, hashes, as, structures);
  REQUIRE(found.has_value());
  CHECK(found->result->answers.size() == read.result->answers.size());
  CHECK(found->result->structure == structures.begin()->second);  // this build's structure
  CHECK_FALSE(cache.find(where, {"other site", {{"provenhet", "unit"}}}, as, structures));  // a template changed
  CHECK_FALSE(cache.find(where, {"site", {{"provenhet", "changed"}}}, as, structures));     // a file in the unit
  CHECK_FALSE(cache.find(where, {"site", {}}, as, structures));                             // no hash: not known
  kv::Diagnostics english{kv::Lang::kEn, {}, {}, true};
  CHECK_FALSE(cache.find(where, hashes, english, structures));  // its messages in another language
  CHECK_FALSE(cache.find(where, hashes, as, {}));               // its structure is gone

  // An image outside the unit's folder is not covered by the key: such a document is not kept.
  read.result->answers.begin()->second.blocks.push_back({kv::model::Figure{"", "andra-enheten/bild.png"}, 0});
  cache.keep(where, hashes, as, read);
  CHECK_FALSE(cache.find(where, hashes, as, structures));
}

TEST_CASE("serve's preview with its memory of documents equals one without, after every change", "[incremental]") {
  Site site;
  add_unit(site);
  kv::SubmissionCache cache;
  auto preview = [&](const fs::path& out, kv::SubmissionCache* documents) {
    auto options = options_for(site.content, site.templates);
    options.themes_dir = site.themes.string();
    options.output_dir = out.string();
    options.documents = documents;
    return kv::run_preview_build(options);
  };
  const fs::path with = site.dir.path() / "with", without = site.dir.path() / "without";
  REQUIRE(preview(with, &cache).written);
  const std::vector<std::function<void()>> changes = {
      [&] { replace(submission_dir(site.content) / "fraga-02.md", "Enheten har ett mål.", "Enheten har ett nytt mål."); },
      [&] { replace(site.content / "andra-enheten" / "enhet.yaml", "namn: Andra provenheten", "namn: Tredje provenheten"); },
      [&] { replace(site.templates / "structures" / "prov-2020.yaml", "titel: Första området", "titel: Det första området"); },
      [&] { fs::remove_all(site.content / "andra-enheten"); },
  };
  for (const auto& change : changes) {
    change();
    REQUIRE(preview(with, &cache).written);
    fs::remove_all(without);
    REQUIRE(preview(without, nullptr).written);
    check_same_files(with, without);
  }
  CHECK_THAT(read(with / kQuestion2), Contains("ett nytt mål"));
}
