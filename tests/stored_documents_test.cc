// A build stores each document as read (model/submission_codec.h, validate/submission_cache.h)
// so that the next build takes the unchanged ones instead of reading their files again.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <utime.h>

#include <sstream>

#include "model/submission_codec.h"
#include "pipeline/pipeline.h"
#include "render/html/urls.h"
#include "support.h"
#include "validate/structure_file.h"
#include "validate/submission.h"
#include "validate/submission_cache.h"

using namespace kvtest;
using Catch::Matchers::Contains;

namespace {

// Every document of the example content (every kind of block the structures have).
const kv::Validated& examples() {
  static const kv::Validated v = kv::validate_content(options_for(source_dir() / "content", source_dir() / "templates"));
  return v;
}

}  // namespace

TEST_CASE("a document's stored form reads back as the same document", "[stored]") {
  const auto& site = examples().site;
  REQUIRE(site.submissions.size() >= 4);
  for (const auto& s : site.submissions) {
    const std::string bytes = kv::model::encode_submission(s);
    auto back = kv::model::decode_submission(bytes);
    REQUIRE(back.has_value());
    CHECK(back->structure_id == s.structure->id);
    back->submission.structure = s.structure;
    CHECK(kv::model::encode_submission(back->submission) == bytes);
    CHECK(back->submission.answers.size() == s.answers.size());
    CHECK(back->submission.unit.name == s.unit.name);
  }
}

TEST_CASE("a stored document cut or changed is refused or read within its bytes", "[stored]") {
  const auto& s = examples().site.submissions.front();
  const std::string bytes = kv::model::encode_submission(s);
  const size_t step = std::max<size_t>(1, bytes.size() / 400);
  for (size_t cut = 0; cut < bytes.size(); cut += step)
    CHECK_FALSE(kv::model::decode_submission(std::string_view(bytes).substr(0, cut)));
  CHECK_FALSE(kv::model::decode_submission(bytes + "x"));
  // A changed byte may still read as a document (the check sum is the store's, below); it
  // must not read past the end or allocate without bound.
  for (size_t at = 0; at < bytes.size(); at += step) {
    std::string changed = bytes;
    changed[at] = static_cast<char>(changed[at] ^ 0xff);
    (void)kv::model::decode_submission(changed);
  }
}

TEST_CASE("a build's memory of documents: found in what the last build stored, while its key holds", "[stored]") {
  TempDir dir;
  const fs::path content = dir.path() / "content";
  copy_fixture("valid", content);
  kv::Diagnostics as{kv::Lang::kSv, {}, {}, true};
  kv::BrokenStructures broken;
  const kv::StructureSet structures = kv::read_structures(fixtures() / "templates" / "structures", as, &broken);
  const kv::SubmissionLocation where{content, submission_dir(content), {"provenhet", "Provenheten", ""}, 2020, "prov"};
  kv::SubmissionCache::Read read;
  read.result = kv::read_submission(where, structures, as, broken, &read.draft);
  REQUIRE(read.result.has_value());
  read.report.warning({"provenhet/2020/prov/fraga-02.md", 3, 1}, "en varning", "ett råd");
  const kv::InputHashes hashes{"site", {{"provenhet", "unit"}}};

  // What the build stored, by document folder: the file, and the log's record of it.
  std::map<std::string, std::string> disk, log;
  auto lookup = [](const std::map<std::string, std::string>& in, const std::string& folder) {
    auto found = in.find(folder);
    return found == in.end() ? std::nullopt : std::optional<std::string>(found->second);
  };
  const kv::StoredDocuments stored{[&](const std::string& f) { return lookup(log, f); },
                                   [&](const std::string& f) { return lookup(disk, f); }};
  kv::SubmissionCache first(stored);
  CHECK_FALSE(first.find(where, hashes, as, structures));  // nothing stored yet
  first.keep(where, hashes, as, read);
  auto kept = first.stored_form(*read.result);
  REQUIRE(kept.has_value());
  const std::string folder = "provenhet/2020/prov";
  disk[folder] = kept->bytes;
  log[folder] = kept->record;
  // The file depends on the document alone: not on what it was read from (times, inodes).
  kv::SubmissionCache elsewhere(stored);
  elsewhere.keep(where, {"other site", {{"provenhet", "other unit"}}}, as, read);
  REQUIRE(elsewhere.stored_form(*read.result));
  CHECK(elsewhere.stored_form(*read.result)->bytes == kept->bytes);
  CHECK(elsewhere.stored_form(*read.result)->record != kept->record);

  kv::SubmissionCache next(stored);
  auto found = next.find(where, hashes, as, structures);
  REQUIRE(found.has_value());
  REQUIRE(found->result.has_value());
  CHECK(found->result->structure == structures.begin()->second);  // this build's structure
  CHECK(kv::model::encode_submission(*found->result) == kv::model::encode_submission(*read.result));
  REQUIRE(found->report.items().size() == 1);  // its warnings are shown again
  CHECK(found->report.items()[0].message == "en varning");
  CHECK(found->report.items()[0].pos.line == 3);
  CHECK(next.stored_form(*found->result)->bytes == kept->bytes);  // and stored again alike
  CHECK(next.stored_form(*found->result)->record == kept->record);

  CHECK_FALSE(next.find(where, {"other site", {{"provenhet", "unit"}}}, as, structures));  // a template changed
  CHECK_FALSE(next.find(where, {"site", {{"provenhet", "changed"}}}, as, structures));     // a file in the unit
  kv::Diagnostics english{kv::Lang::kEn, {}, {}, true};
  CHECK_FALSE(next.find(where, hashes, english, structures));  // its messages in another language
  CHECK_FALSE(next.find(where, hashes, as, {}));               // its structure is gone
  // A stored file changed on the disk, or cut, is not trusted; nor one the log has no record of.
  for (size_t at : {size_t{0}, kept->bytes.size() / 2, kept->bytes.size() - 1}) {
    disk[folder] = kept->bytes;
    disk[folder][at] ^= 0x01;
    CHECK_FALSE(kv::SubmissionCache(stored).find(where, hashes, as, structures));
  }
  disk[folder] = kept->bytes.substr(0, kept->bytes.size() - 1);
  CHECK_FALSE(kv::SubmissionCache(stored).find(where, hashes, as, structures));
  disk[folder] = kept->bytes;
  CHECK(kv::SubmissionCache(stored).find(where, hashes, as, structures));
  log.clear();
  CHECK_FALSE(kv::SubmissionCache(stored).find(where, hashes, as, structures));

  // A document showing an image outside its unit is not stored (the key does not cover it).
  read.result->answers.begin()->second.blocks.push_back({kv::model::Figure{"", "andra-enheten/bild.png"}, 0});
  kv::SubmissionCache other(stored);
  other.keep(where, hashes, as, read);
  CHECK_FALSE(other.stored_form(*read.result));
}

TEST_CASE("a rebuild takes an unchanged unit's documents as the last build stored them", "[stored]") {
  TempDir dir;
  const fs::path content = dir.path() / "content", out = dir.path() / "out";
  copy_fixture("valid", content);
  fs::copy(content / "provenhet", content / "andra-enheten", fs::copy_options::recursive);
  replace(content / "andra-enheten" / "enhet.yaml", "namn: Provenheten", "namn: Andra provenheten");
  const fs::path answer = submission_dir(content) / "fraga-02.md";
  // Saved long ago, so the next builds know it by its time and size (pipeline/input_stamp.h).
  const struct utimbuf old {1'600'000'000, 1'600'000'000};
  REQUIRE(::utime(answer.c_str(), &old) == 0);
  REQUIRE(build_site(content, fixtures() / "templates", out) == 0);
  CHECK(fs::is_regular_file(out / kv::stored_document_path("provenhet/2020/prov")));
  CHECK(fs::is_regular_file(out / kv::stored_document_path("andra-enheten/2020/prov")));

  // The same size and time: to the build the file is unchanged, so the stored document is
  // used, not the file (as make and ninja would). Another unit changes, so the site is built.
  std::string text = read(answer);
  const std::string before = "Enheten har ett mål.", after = "Enheten har ett MÅL.";
  REQUIRE(before.size() == after.size());
  const auto at = text.find(before);
  REQUIRE(at != std::string::npos);
  text.replace(at, before.size(), after);
  write(answer, text);
  REQUIRE(::utime(answer.c_str(), &old) == 0);
  replace(content / "andra-enheten" / "enhet.yaml", "namn: Andra provenheten", "namn: Tredje provenheten");
  REQUIRE(build_site(content, fixtures() / "templates", out) == 0);
  const std::string page = read(out / "2020/provenhet/prov/fraga-02/index.html");
  CHECK_THAT(page, Contains("Enheten har ett mål."));
  CHECK_THAT(page, !Contains("ett MÅL"));
  CHECK_THAT(read(out / "2020/andra-enheten/prov/index.html"), Contains("Tredje provenheten"));

  // A stored document that cannot be trusted is read again from its files.
  write(out / kv::stored_document_path("provenhet/2020/prov"), "kvalitet-lagrat-dokument 2\nskräp");
  replace(content / "andra-enheten" / "enhet.yaml", "namn: Tredje provenheten", "namn: Fjärde provenheten");
  REQUIRE(build_site(content, fixtures() / "templates", out) == 0);
  CHECK_THAT(read(out / "2020/provenhet/prov/fraga-02/index.html"), Contains("ett MÅL"));
}
