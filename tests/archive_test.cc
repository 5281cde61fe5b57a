// A year's archive package (archive/): SHA-256, the BagIt writer, the links of a packaged
// page, and the 2018 package of the example content. tests/archive_check.sh verifies a
// package with sha256sum -c, as the archive would.
#include <catch2/catch.hpp>

#include <set>

#include "archive/archive_command.h"
#include "archive/package_links.h"
#include "archive/year_archive.h"
#include "package/bag_check.h"
#include "package/bag_writer.h"
#include "package/year_package.h"
#include "support.h"
#include "util/sha256.h"

using namespace kvtest;
using Catch::Matchers::Contains;

TEST_CASE("SHA-256 of bytes and of a file agree with the standard's test vectors", "[archive]") {
  CHECK(kv::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(kv::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  TempDir dir;
  const std::string million(1'000'000, 'a');  // crosses the reader's buffer
  write(dir.path() / "a", million);
  CHECK(kv::sha256_file(dir.path() / "a") == std::optional<std::string>("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
  CHECK(!kv::sha256_file(dir.path() / "saknas"));
}

TEST_CASE("a reference on a page leads to a site path", "[archive]") {
  using kv::site_path_of;
  CHECK(site_path_of("2018/a/k/fraga-02/index.html", "../fraga-03/index.html") == std::optional<std::string>("2018/a/k/fraga-03/index.html"));
  CHECK(site_path_of("2018/a/k/index.html", "../../../2024/b/r/") == std::optional<std::string>("2024/b/r/"));
  CHECK(site_path_of("2018/a/k/index.html", "../../../sok/index.html?q=x&amp;ar=2018#top") == std::optional<std::string>("sok/index.html"));
  CHECK(site_path_of("2018/a/k/index.html", "bild%20ett.png") == std::optional<std::string>("2018/a/k/bild ett.png"));
  CHECK(site_path_of("index.html", "../utanfor.html") == std::nullopt);
  for (const char* absolute : {"https://example.org/", "mailto:a@b.se", "#del-02", "/rot.html", "tel:0850800508", ""})
    CHECK(site_path_of("2018/a/index.html", absolute) == std::nullopt);
}

TEST_CASE("links out of the package lead to the public site – links within it stay relative", "[archive]") {
  const std::set<std::string> package = {"2018/a/k/index.html", "2018/a/k/fraga-02/index.html", "assets/style.css"};
  auto in_package = [&](const std::string& p) { return package.count(p) > 0; };
  const std::string html =
      "<link rel=\"stylesheet\" href=\"../../../assets/style.css\"><a href=\"fraga-02/\">2</a>"
      "<a href=\"../../../2024/a/r/index.html#mal\">2024</a><form action=\"../../../sok/index.html\"></form>"
      "<a href=\"https://stockholm.se/\">x</a><img src=\"../../../enheter/a/bild.png\" alt=\"\"><p>href=\"../../../x\"</p>";
  const std::string out = kv::package_links(html, "2018/a/k/index.html", in_package, "https://example.org/kv/");
  CHECK_THAT(out, Contains("href=\"../../../assets/style.css\""));
  CHECK_THAT(out, Contains("href=\"fraga-02/\""));
  CHECK_THAT(out, Contains("href=\"https://example.org/kv/2024/a/r/index.html#mal\""));
  CHECK_THAT(out, Contains("action=\"https://example.org/kv/sok/index.html\""));
  CHECK_THAT(out, Contains("href=\"https://stockholm.se/\""));
  CHECK_THAT(out, Contains("src=\"https://example.org/kv/enheter/a/bild.png\""));
  CHECK_THAT(out, Contains("<p>href=\"../../../x\"</p>"));  // text, not an attribute
}

TEST_CASE("a bag lists every payload file and its tag files with their checksums", "[archive]") {
  TempDir dir;
  write(dir.path() / "kalla.yaml", "titel: x\n");
  kv::BagWriter bag(dir.path() / "bag");
  bag.add("webbplats/b.html", "<p>b</p>");
  bag.copy("kalla/site.yaml", dir.path() / "kalla.yaml");
  bag.add("webbplats/100%.txt", "x");
  bag.finish({{"External-Identifier", "kvalitet-2018"}});
  const fs::path root = dir.path() / "bag";
  CHECK(read(root / "bagit.txt") == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
  CHECK(read(root / "bag-info.txt") == "External-Identifier: kvalitet-2018\nPayload-Oxum: 18.3\n");
  const std::string manifest = read(root / "manifest-sha256.txt");
  CHECK(manifest == kv::sha256_hex("titel: x\n") + "  data/kalla/site.yaml\n" + kv::sha256_hex("x") + "  data/webbplats/100%25.txt\n" +
                        kv::sha256_hex("<p>b</p>") + "  data/webbplats/b.html\n");
  CHECK(read(root / "data/webbplats/b.html") == "<p>b</p>");
  const std::string tags = read(root / "tagmanifest-sha256.txt");
  CHECK_THAT(tags, Contains(kv::sha256_hex(manifest) + "  manifest-sha256.txt\n"));
  CHECK_THAT(tags, Contains(kv::sha256_hex(read(root / "bag-info.txt")) + "  bag-info.txt\n"));
}

TEST_CASE("the example's 2018 package holds the year's pages and sources – and nothing of other years", "[archive]") {
  const auto& site = example_site();
  REQUIRE(site.status == 0);
  TempDir dir;
  const fs::path bag = dir.path() / "kvalitet-2018";
  kv::Diagnostics diags;
  auto files = kv::write_year_archive({2018, site.out, source_dir() / "content", bag, "https://example.org/kv/"}, diags);
  INFO(all_messages(diags));
  REQUIRE(files);
  const fs::path web = bag / "data/webbplats";
  CHECK(fs::exists(web / "2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen/fraga-02/index.html"));
  CHECK(fs::exists(web / "jamforelse/2018/kvalitetsutmarkelsen/index.html"));
  CHECK(fs::exists(web / "assets/style.css"));
  CHECK(!fs::exists(web / "2024"));
  CHECK(!fs::exists(web / "sok"));
  CHECK(!fs::exists(web / ".kvalitet-inputs"));
  CHECK(fs::exists(bag / "data/kalla/site.yaml"));
  CHECK(fs::exists(bag / "data/kalla/skarholmen-omsorg-om-aldre/enhet.yaml"));
  CHECK(fs::exists(bag / "data/kalla/skarholmen-omsorg-om-aldre/2018/kvalitetsutmarkelsen/fraga-02.md"));
  CHECK(!fs::exists(bag / "data/kalla/hagersten-alvsjo-hemtjanst"));  // no 2018 document
  // The start page is not in the package: the breadcrumb leads to the public one.
  const std::string q2 = read(web / "2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen/fraga-02/index.html");
  CHECK_THAT(q2, Contains("href=\"https://example.org/kv/index.html\""));
  CHECK_THAT(q2, Contains("href=\"../../../../assets/style.css\""));
  // Every payload file is in the manifest, once.
  size_t lines = 0;
  for (char c : read(bag / "manifest-sha256.txt")) lines += c == '\n';
  CHECK(lines == *files);
  // Same input, same package.
  TempDir again;
  REQUIRE(kv::write_year_archive({2018, site.out, source_dir() / "content", again.path() / "kvalitet-2018", "https://example.org/kv/"}, diags));
  CHECK(read(again.path() / "kvalitet-2018/manifest-sha256.txt") == read(bag / "manifest-sha256.txt"));
  CHECK(read(again.path() / "kvalitet-2018/tagmanifest-sha256.txt") == read(bag / "tagmanifest-sha256.txt"));
}

TEST_CASE("a package's sources are the files the content walk sees – no editor files or skipped folders", "[archive]") {
  TempDir dir;
  const fs::path content = dir.path() / "content";
  write(content / "a/enhet.yaml", "namn: A\n");
  write(content / "a/2018/k/fraga-01.md", "svar\n");
  write(content / "a/2018/k/bilder/logga.png", "png");
  write(content / "a/2018/k/fraga-01.md~", "backup");          // ignored, as validation ignores it
  write(content / "a/2018/k/.fraga-01.md.swp", "swap");        // hidden
  write(content / "a/2018/k/_utkast/fraga-02.md", "draft");    // a '_' folder is never entered
  write(content / "b/2024/k/delad.png", "shared");
  fs::create_symlink(fs::absolute(content / "b/2024/k/delad.png"), content / "a/2018/k/delad.png");  // a link inside
  write(dir.path() / "hemlig.txt", "secret");
  fs::create_symlink(fs::absolute(dir.path() / "hemlig.txt"), content / "a/2018/k/hemlig.txt");      // a link out
  write(content / "_arkiv/2018/x.md", "not a unit");
  write(content / ".git/2018/x", "not a unit");
  CHECK(kv::year_source_units(content, 2018) == std::vector<std::string>{"a"});
  CHECK(kv::year_source_files(content, 2018) ==
        std::vector<std::string>{"a/2018/k/bilder/logga.png", "a/2018/k/delad.png", "a/2018/k/fraga-01.md"});
}

TEST_CASE("a year without pages is reported and leaves an earlier package as it was", "[archive]") {
  const auto& site = example_site();
  TempDir dir;
  const fs::path bag = dir.path() / "kvalitet-1999";
  write(bag / "bagit.txt", "tidigare");
  kv::Diagnostics diags;
  CHECK(!kv::write_year_archive({1999, site.out, source_dir() / "content", bag, "https://example.org/"}, diags));
  CHECK(count(diags, kv::Severity::kError, "content", "webbplatsen har inga sidor för 1999") == 1);
  CHECK(read(bag / "bagit.txt") == "tidigare");
}

TEST_CASE("a bag kvalitet wrote verifies – every change to it is named", "[archive]") {
  TempDir dir;
  const fs::path root = dir.path() / "bag";
  auto make = [&] {
    fs::remove_all(root);
    kv::BagWriter bag(root);
    bag.add("webbplats/2018/a.html", "<p>a</p>");
    bag.add("kalla/enhet/2018/fraga-01.md", "svar\n");
    bag.finish({{"External-Identifier", "kvalitet-2018"}, {"Bag-Software-Agent", "kvalitet 0.1.0"}});
  };
  auto problems = [&] {
    kv::Diagnostics diags;
    std::string all;
    for (const auto& p : kv::verify_bag(root, diags))
      all += p.file.lexically_relative(root).generic_string() + ":" + std::to_string(p.line) + ": " + p.message + "\n";
    return all;
  };
  make();
  CHECK(problems().empty());
  write(root / "data/webbplats/2018/a.html", "<p>b</p>");
  CHECK_THAT(problems(), Contains("data/webbplats/2018/a.html:0: filens kontrollsumma stämmer inte med den i manifest-sha256.txt"));
  make();
  fs::remove(root / "data/kalla/enhet/2018/fraga-01.md");
  CHECK_THAT(problems(), Contains("data/kalla/enhet/2018/fraga-01.md:0: filen står i manifest-sha256.txt men finns inte i paketet"));
  CHECK_THAT(problems(), Contains("Payload-Oxum i bag-info.txt är 13.2, men innehållet är 8.1"));
  make();
  write(root / "data/webbplats/2018/extra.html", "x");
  write(root / "anteckningar.txt", "x");
  CHECK_THAT(problems(), Contains("data/webbplats/2018/extra.html:0: filen finns i paketet men står inte i manifest-sha256.txt"));
  CHECK_THAT(problems(), Contains("anteckningar.txt:0: filen finns i paketet men står inte i tagmanifest-sha256.txt"));
  make();
  replace(root / "manifest-sha256.txt", "  data/webbplats", " data/webbplats");
  CHECK_THAT(problems(), Contains("manifest-sha256.txt:2: raden är ingen rad"));
  CHECK_THAT(problems(), Contains("tagmanifest"));  // the manifest's own checksum changed too
  make();
  fs::remove(root / "manifest-sha256.txt");
  CHECK_THAT(problems(), Contains("arkivpaketet saknar manifest-sha256.txt"));
  make();
  replace(root / "bag-info.txt", "kvalitet 0.1.0", "bagit.py");
  CHECK_THAT(problems(), Contains("bag-info.txt:0: bag-info.txt säger inte att kvalitet skrev paketet"));
  CHECK_THAT(problems(), Contains("bag-info.txt:0: filens kontrollsumma stämmer inte med den i tagmanifest-sha256.txt"));
  make();
  fs::remove(root / "data/webbplats/2018/a.html");
  fs::create_symlink("/etc/passwd", root / "data/webbplats/2018/a.html");
  CHECK_THAT(problems(), Contains("data/webbplats/2018/a.html:0: i ett arkivpaket får bara vanliga filer"));
  make();
  write(root / "bagit.txt", "BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n");
  CHECK_THAT(problems(), Contains("bagit.txt anger inte BagIt-Version: 1.0"));
  make();
  replace(root / "manifest-sha256.txt", "data/kalla/enhet", "data/../../enhet");
  CHECK_THAT(problems(), Contains("manifest-sha256.txt:1: raden är ingen rad"));
}

TEST_CASE("arkiv replaces only an unchanged package of its own – never a user's folder or a link", "[archive]") {
  const auto& site = example_site();
  REQUIRE(site.status == 0);
  TempDir dir;
  const fs::path bag = dir.path() / "arkiv" / "kvalitet-2018";
  auto archive = [&](std::string* errors = nullptr) {
    kv::Diagnostics diags;
    auto files = kv::write_year_archive({2018, site.out, source_dir() / "content", bag, "https://example.org/kv/"}, diags);
    if (errors) *errors = all_messages(diags);
    return files.has_value();
  };
  std::string errors;
  // A folder of the user's: refused, nothing removed.
  write(bag / "notes.txt", "mina anteckningar");
  CHECK_FALSE(archive(&errors));
  CHECK_THAT(errors, Contains("kvalitet-2018 finns redan och är inget oförändrat arkivpaket som kvalitet skrev"));
  CHECK_THAT(errors, Contains("flytta eller ta bort katalogen själv"));
  CHECK(read(bag / "notes.txt") == "mina anteckningar");
  // A link at the package's place: refused, the link and what it leads to left alone.
  fs::remove_all(bag);
  const fs::path elsewhere = dir.path() / "annat";
  write(elsewhere / "viktigt.txt", "x");
  fs::create_symlink(elsewhere, bag);
  CHECK_FALSE(archive(&errors));
  CHECK(fs::is_symlink(bag));
  CHECK(read(elsewhere / "viktigt.txt") == "x");
  // kvalitet's own package is replaced, again and again; no scratch folder is left.
  fs::remove(bag);
  REQUIRE(archive(&errors));
  REQUIRE(archive(&errors));
  INFO(errors);
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(bag.parent_path())) ++entries;
  CHECK(entries == 1);
  // …but not once somebody has changed it: a file added, or one altered.
  write(bag / "data/webbplats/egen.html", "x");
  CHECK_FALSE(archive(&errors));
  CHECK(fs::exists(bag / "data/webbplats/egen.html"));
  fs::remove(bag / "data/webbplats/egen.html");
  REQUIRE(archive());
  replace(bag / "bag-info.txt", "kvalitet-2018", "kvalitet-2019");
  CHECK_FALSE(archive(&errors));
  CHECK_THAT(errors, Contains("bag-info.txt"));
}

namespace {

// The example content in a temporary folder with 2018 archived into content/_arkiv and frozen.
struct Frozen {
  TempDir dir;
  fs::path content = dir.path() / "content", out = dir.path() / "site", templates = source_dir() / "templates";
  fs::path bag = content / "_arkiv" / "kvalitet-2018";
  Frozen() {
    fs::copy(source_dir() / "content", content, fs::copy_options::recursive);
    const auto& site = example_site();
    REQUIRE(site.status == 0);
    kv::Diagnostics diags;
    REQUIRE(kv::write_year_archive({2018, site.out, content, bag, "https://example.org/kv/"}, diags));
    std::string yaml = read(content / "site.yaml");
    write(content / "site.yaml", yaml + "frysta_år: [2018]\n");
  }
  int build(std::string* errors = nullptr) const { return build_site(content, templates, out, errors); }
  // The files of 2018 in the built site that differ from the package's, or are missing.
  std::vector<std::string> differing() const {
    std::vector<std::string> out_of_place;
    for (const auto& path : kv::year_site_files(bag / "data/webbplats", 2018)) {
      if (path.rfind("assets/", 0) == 0) continue;
      if (!fs::exists(out / path) || read(out / path) != read(bag / "data/webbplats" / path)) out_of_place.push_back(path);
    }
    return out_of_place;
  }
};

}  // namespace

TEST_CASE("a frozen year's pages are its package's files, byte for byte", "[archive]") {
  Frozen f;
  std::string errors;
  CHECK(f.build(&errors) == 0);
  INFO(errors);
  CHECK(errors.find("error") == std::string::npos);
  CHECK(f.differing().empty());
  // Such a page is recognisably the package's: the start page is linked at the public address.
  const std::string q2 = read(f.out / "2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen/fraga-02/index.html");
  CHECK_THAT(q2, Contains("href=\"https://example.org/kv/index.html\""));
  CHECK(fs::exists(f.out / "jamforelse/2018/kvalitetsutmarkelsen/index.html"));
  // Pages of other years still link into the frozen year, and those pages are there.
  const std::string unit = read(f.out / "enheter/skarholmen-omsorg-om-aldre/index.html");
  CHECK_THAT(unit, Contains("../../2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen/"));
  CHECK(fs::exists(f.out / "2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen/index.html"));
  // Another year may change.
  replace(f.content / "hagersten-alvsjo-hemtjanst/2024/verksamhetsberattelse/avsnitt-06.md", "Handlingsplaner i de olika",
          "Handlingsplanerna i de olika");
  CHECK(f.build(&errors) == 0);
  CHECK_THAT(read(f.out / "2024/hagersten-alvsjo-hemtjanst/verksamhetsberattelse/avsnitt-06/index.html"), Contains("Handlingsplanerna"));
}

TEST_CASE("a layout change leaves a frozen year's pages as archived and the build succeeds", "[archive]") {
  Frozen f;
  const fs::path templates = f.dir.path() / "templates";
  fs::copy(source_dir() / "templates", templates, fs::copy_options::recursive);
  for (const char* layout : {"base.mustache", "question.mustache", "overview.mustache", "compare.mustache"}) {
    std::string text = read(templates / "layouts" / layout);
    write(templates / "layouts" / layout, "<!-- ny layout -->\n" + text);
  }
  f.templates = templates;
  std::string errors;
  CHECK(f.build(&errors) == 0);
  INFO(errors);
  CHECK(f.differing().empty());
  CHECK_THAT(read(f.out / "2024/hagersten-alvsjo-hemtjanst/verksamhetsberattelse/index.html"), Contains("<!-- ny layout -->"));
  CHECK(read(f.out / "2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen/fraga-02/index.html").find("ny layout") == std::string::npos);
}

TEST_CASE("a change to a frozen year's sources stops the build and names the file", "[archive]") {
  Frozen f;
  const fs::path answer = f.content / "skarholmen-omsorg-om-aldre/2018/kvalitetsutmarkelsen/fraga-02.md";
  replace(answer, "delaktiga utgår vi", "delaktiga utgår vi alltid");
  std::string errors;
  CHECK(f.build(&errors) == 1);
  INFO(errors);
  CHECK_THAT(errors, Contains("2018/kvalitetsutmarkelsen/fraga-02.md: error: källfilen har ändrats sedan 2018 arkiverades"));
  CHECK_THAT(errors, Contains("ångra ändringen"));
  CHECK(!fs::exists(f.out / "index.html"));  // nothing written
  // A file added to the year, or one taken away, likewise.
  replace(answer, "delaktiga utgår vi alltid", "delaktiga utgår vi");
  write(f.content / "skarholmen-omsorg-om-aldre/2018/kvalitetsutmarkelsen/bilder/ny.png", "x");
  CHECK(f.build(&errors) == 1);
  CHECK_THAT(errors, Contains("bilder/ny.png: error: filen finns i innehållsmappen men inte i arkivet för 2018"));
  fs::remove(f.content / "skarholmen-omsorg-om-aldre/2018/kvalitetsutmarkelsen/bilder/ny.png");
  CHECK(f.build(&errors) == 0);
}

TEST_CASE("a frozen year's package is verified whole by every build – manifests, bag-info and sources", "[archive]") {
  {
    Frozen f;  // a manifest line removed
    std::string manifest = read(f.bag / "manifest-sha256.txt");
    manifest.erase(0, manifest.find('\n') + 1);
    write(f.bag / "manifest-sha256.txt", manifest);
    std::string errors;
    CHECK(f.build(&errors) == 1);
    CHECK_THAT(errors, Contains("manifest-sha256.txt: error: filens kontrollsumma stämmer inte med den i tagmanifest-sha256.txt"));
    CHECK_THAT(errors, Contains("error: filen finns i paketet men står inte i manifest-sha256.txt"));
    CHECK_THAT(errors, Contains("arkivpaketet för 2018 får inte ändras"));
  }
  {
    Frozen f;  // the manifest gone
    fs::remove(f.bag / "manifest-sha256.txt");
    std::string errors;
    CHECK(f.build(&errors) == 1);
    CHECK_THAT(errors, Contains("error: arkivpaketet saknar manifest-sha256.txt"));
  }
  {
    Frozen f;  // bag-info.txt changed
    replace(f.bag / "bag-info.txt", "Kvalitet-Adress: https://example.org/kv/", "Kvalitet-Adress: https://annan.example/");
    std::string errors;
    CHECK(f.build(&errors) == 1);
    CHECK_THAT(errors, Contains("bag-info.txt: error: filens kontrollsumma stämmer inte med den i tagmanifest-sha256.txt"));
  }
  {
    Frozen f;  // a source in the package changed
    const fs::path kept = f.bag / "data/kalla/skarholmen-omsorg-om-aldre/2018/kvalitetsutmarkelsen/fraga-02.md";
    replace(kept, "delaktiga utgår vi", "delaktiga utgår ni");
    std::string errors;
    CHECK(f.build(&errors) == 1);
    CHECK_THAT(errors, Contains("data/kalla/skarholmen-omsorg-om-aldre/2018/kvalitetsutmarkelsen/fraga-02.md: error: filens kontrollsumma"));
    // check reports it too, not only build.
    std::ostringstream o, e;
    CHECK(kv::run_check(options_for(f.content, f.templates), o, e) == 1);
    CHECK_THAT(e.str(), Contains("fraga-02.md: error: filens kontrollsumma"));
  }
}

TEST_CASE("a frozen year without its package and a year that is none are reported", "[archive]") {
  Frozen f;
  fs::remove_all(f.content / "_arkiv");
  std::string errors;
  CHECK(f.build(&errors) == 1);
  CHECK_THAT(errors, Contains("site.yaml: error: 2018 är fryst, men dess arkivpaket"));
  CHECK_THAT(errors, Contains("kvalitet arkiv 2018 --arkiv"));
  replace(f.content / "site.yaml", "frysta_år: [2018]", "frysta_år: [tjugo]");
  CHECK(f.build(&errors) == 1);
  CHECK_THAT(errors, Contains("site.yaml:30:13: error: frysta_år: ”tjugo” är inget år"));
}

TEST_CASE("arkiv puts a package outside the content folder or into its _arkiv – nowhere else in it", "[archive]") {
  TempDir dir;
  const fs::path content = dir.path() / "content";
  fs::copy(source_dir() / "content", content, fs::copy_options::recursive);
  kv::ArchiveCommand c;
  const kv::CommandContext context = context_for(content, source_dir() / "templates");
  c.build.output_dir = (dir.path() / "site").string();
  c.year = 2018;
  c.base = "https://example.org/kv/";
  std::ostringstream out, err;
  c.dir = (content / "skarholmen-omsorg-om-aldre").string();  // would be read as a year folder
  CHECK(kv::run_archive(context, c, out, err) == 1);
  CHECK_THAT(err.str(), Contains("skulle hamna i innehållsmappen"));
  CHECK_THAT(err.str(), Contains("_arkiv för ett år som ska frysas"));
  CHECK(!fs::exists(content / "skarholmen-omsorg-om-aldre/kvalitet-2018"));
  c.dir = (content / "_arkiv").string();
  CHECK(kv::run_archive(context, c, out, err) == 0);
  CHECK(fs::exists(content / "_arkiv/kvalitet-2018/bagit.txt"));
}
