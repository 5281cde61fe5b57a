// serve's preview of one saved document (pipeline/document_preview.h): its pages are swapped
// in before the whole build, and must come out as that build makes them.
#include <catch2/catch.hpp>

#include <map>

#include "pipeline/document_preview.h"
#include "pipeline/preview_build.h"
#include "support.h"
#include "model/document_folder.h"

using namespace kvtest;

namespace {

kv::PreviewOutcome preview_build(const fs::path& content, const fs::path& templates, const fs::path& out) {
  auto options = options_for(content, templates);
  options.output_dir = out.string();
  return kv::run_preview_build(options);
}

// The diagnostics about files in folder (content-relative), as "path:line: message".
std::vector<std::string> about(const std::vector<kv::Diagnostic>& diags, const fs::path& content, const std::string& folder) {
  std::vector<std::string> out;
  for (const auto& d : diags)
    if (d.pos.path.starts_with((content / folder).generic_string() + "/"))
      out.push_back(d.pos.path + ":" + std::to_string(d.pos.line) + ": " + d.message);
  return out;
}

// Each document of content in turn: one of its parts saved with a new sentence, previewed
// alone into the first build's output with the first build's model (no build in between,
// as when each save stops serve's build), then compared with a whole build made afresh.
void each_document_previewed_as_built(const fs::path& content, const fs::path& templates, const fs::path& work) {
  const fs::path shown = work / "shown", fresh = work / "fresh";
  auto last = preview_build(content, templates, shown);
  REQUIRE(last.written);
  std::vector<std::pair<std::string, std::string>> documents;  // folder, the saved part's file
  for (const auto& s : last.model->site.submissions)
    documents.emplace_back(kv::model::document_folder(s), s.answers.rbegin()->second.source_path);
  REQUIRE(documents.size() >= 3);
  for (const auto& [folder, part] : documents) {
    INFO(part);
    const std::string sentence = "Sparad i förhandsvisningen av " + folder + ".";
    write(part, read(part) + "\n" + sentence + "\n");
    auto preview = kv::preview_document(*last.model, {content, kv::Lang::kSv, 2}, folder, shown);
    REQUIRE(preview.has_value());
    CHECK(preview->folder == folder);
    CHECK(preview->pages.size() >= 3);  // its overview, print page and parts at least

    fs::remove_all(fresh);
    auto built = preview_build(content, templates, fresh);
    REQUIRE(built.written);
    int with_sentence = 0;
    for (const auto& page : preview->pages) {
      INFO(page);
      const std::string html = read(shown / page);
      CHECK(html == read(fresh / page));
      with_sentence += html.find(sentence) != std::string::npos;
    }
    CHECK(with_sentence >= 2);  // the part's page and the print page
    CHECK(about(preview->diagnostics, content, folder) == about(built.seen.diagnostics.list.items(), content, folder));
    // Its pages' LIX, as the build measures them: "<år>/<enhet>/<slag>/…".
    const fs::path f(folder);
    const std::string pages_prefix = (*std::next(f.begin()) / *f.begin() / f.filename()).generic_string() + "/";
    std::map<std::string, std::string> lix, built_lix;
    for (const auto& p : preview->readability) lix[p.page] = p.part + " " + std::to_string(p.lix) + " " + p.band;
    for (const auto& p : built.seen.readability)
      if (p.page.starts_with(pages_prefix)) built_lix[p.page] = p.part + " " + std::to_string(p.lix) + " " + p.band;
    CHECK_FALSE(lix.empty());
    CHECK(lix == built_lix);
    // The next save starts from the same model, as in serve when a save stops the build.
  }
}

}  // namespace

TEST_CASE("a saved document previewed alone comes out as the whole build makes it: threads, links, warnings",
          "[document_preview]") {
  StructuresFixture site("two-years");
  // A LIX limit every part is above: each gets a warning, kept with its answer and shown.
  write(site.content / "site.yaml", read(site.content / "site.yaml") + "lix_gräns: 10\n");
  each_document_previewed_as_built(site.content, site.templates, site.dir.path());
}

TEST_CASE("a saved document of the example content previewed alone comes out as the whole build makes it",
          "[document_preview]") {
  TempDir dir;
  fs::copy(source_dir() / "content", dir.path() / "content", fs::copy_options::recursive);
  each_document_previewed_as_built(dir.path() / "content", source_dir() / "templates", dir.path());
}

TEST_CASE("a save that is not one document's own, or that has errors, is left to the whole build", "[document_preview]") {
  const fs::path content = "/x/content";
  auto changed = [&](std::set<fs::path> paths) { return kv::changed_document(content, paths); };
  CHECK(changed({content / "enhet/2020/prov/fraga-01.md"}) == "enhet/2020/prov");
  CHECK(changed({content / "enhet/2020/prov/fraga-01.md", "/x/content/./enhet/2020/prov/bilder/a.png"}) == "enhet/2020/prov");
  CHECK_FALSE(changed({content / "enhet/2020/prov/fraga-01.md", content / "enhet/2021/prov/fraga-01.md"}));
  CHECK_FALSE(changed({content / "enhet/2020/prov/fraga-01.md", content / "enhet/enhet.yaml"}));
  CHECK_FALSE(changed({content / "enhet/2020/prov"}));  // the folder itself: made, moved or removed
  CHECK_FALSE(changed({content / "site.yaml"}));
  CHECK_FALSE(changed({content / "_beslut/2020.yaml"}));
  CHECK_FALSE(changed({"/x/templates/structures/prov-2020.yaml"}));
  CHECK_FALSE(changed({}));

  StructuresFixture site("two-years");
  const fs::path shown = site.dir.path() / "shown";
  auto last = preview_build(site.content, site.templates, shown);
  REQUIRE(last.written);
  const fs::path part = site.content / "provenhet/2021/prov/fraga-01.md";
  const std::string page = read(shown / "2021/provenhet/prov/fraga-01/index.html");
  REQUIRE_FALSE(page.empty());
  SECTION("an error in the document") {
    write(part, "---\nfel: [\n---\nText.\n");
    CHECK_FALSE(kv::preview_document(*last.model, {site.content, kv::Lang::kSv, 1}, "provenhet/2021/prov", shown));
  }
  SECTION("a link to a page that does not exist") {
    write(part, read(part) + "\nSe [saknad sida](../../2020/prov/fraga-09.md).\n");
    CHECK_FALSE(kv::preview_document(*last.model, {site.content, kv::Lang::kSv, 1}, "provenhet/2021/prov", shown));
  }
  SECTION("a document the last build did not have") {
    CHECK_FALSE(kv::preview_document(*last.model, {site.content, kv::Lang::kSv, 1}, "provenhet/2025/prov", shown));
  }
  CHECK(read(shown / "2021/provenhet/prov/fraga-01/index.html") == page);  // nothing swapped in
}

TEST_CASE("saving a document again and again leaves one follow-up per goal in the year before", "[document_preview]") {
  StructuresFixture site("two-years");
  const fs::path shown = site.dir.path() / "shown";
  auto last = preview_build(site.content, site.templates, shown);
  REQUIRE(last.written);
  auto follow_ups = [](const kv::model::Site& s) {
    size_t n = 0;
    for (const auto& doc : s.submissions)
      if (kv::model::document_folder(doc) == "provenhet/2020/prov")
        for (const auto& [number, answer] : doc.answers)
          kv::model::for_each_block(answer.blocks, [&](const kv::model::Block& b) {
            if (const auto* goal = std::get_if<kv::model::Goal>(&b.value)) n += goal->followed_up_in.size();
          });
    return n;
  };
  const size_t built = follow_ups(last.model->site);
  REQUIRE(built > 0);
  const fs::path part = site.content / "provenhet/2021/prov/fraga-02.md";
  for (int save = 0; save < 3; ++save) {
    write(part, read(part) + "\nSparad igen.\n");
    REQUIRE(kv::preview_document(*last.model, {site.content, kv::Lang::kSv, 1}, "provenhet/2021/prov", shown));
    CHECK(follow_ups(last.model->site) == built);
  }
}

TEST_CASE("a preview build stopped for a newer save, at any point, leaves the output as it was", "[document_preview]") {
  StructuresFixture site("two-years");
  const fs::path out = site.dir.path() / "shown";
  REQUIRE(preview_build(site.content, site.templates, out).written);
  const fs::path page = out / "2021/provenhet/prov/fraga-02/index.html";
  const std::string before = read(page);
  auto listing = [&] {
    std::set<std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(out)) files.insert(e.path().string() + " " + std::to_string(e.is_regular_file() ? fs::file_size(e) : 0));
    return files;
  };
  const auto files = listing();
  const fs::path part = site.content / "provenhet/2021/prov/fraga-02.md";
  write(part, read(part) + "\nEn ny mening.\n");
  auto options = options_for(site.content, site.templates);
  options.output_dir = out.string();
  int asked = 0;
  for (int stop_at = 1;; ++stop_at) {
    INFO(stop_at);
    asked = 0;
    options.cancelled = [&] { return ++asked >= stop_at; };
    auto built = kv::run_preview_build(options);
    if (asked < stop_at) {  // asked fewer times than that: the build ran to its end
      CHECK(built.written);
      CHECK(stop_at > 4);  // after the stamp, the checks, the readability, and while rendering
      break;
    }
    CHECK(built.cancelled);
    CHECK_FALSE(built.written);
    CHECK(read(page) == before);
    CHECK(listing() == files);
  }
  CHECK(read(page).find("En ny mening.") != std::string::npos);
}
