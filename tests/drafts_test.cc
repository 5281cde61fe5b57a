// Documents' states and audiences (issue 28): a draft blocks no one and is never published by
// accident; the public site has no checklists, remarks or review forms; check --enhet.
#include <catch2/catch.hpp>

#include "pipeline/build_scope.h"
#include "pipeline/pipeline.h"
#include "scaffold/scaffold.h"
#include "support.h"
#include "write/markers.h"

using namespace kvtest;
using Catch::Matchers::Contains;
namespace model = kv::model;

namespace {

// Every file under dir whose text contains needle.
std::vector<fs::path> files_containing(const fs::path& dir, const std::string& needle) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && read(e.path()).find(needle) != std::string::npos) out.push_back(e.path());
  return out;
}

size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// The example content with a unit just scaffolded by `kvalitet ny`.
struct WithDraft {
  TempDir dir;
  fs::path content = dir.path() / "content";
  fs::path templates = source_dir() / "templates";
  fs::path admin = content / "ny-enhet/2024/verksamhetsberattelse/inlamning.yaml";
  WithDraft() {
    fs::copy(source_dir() / "content", content, fs::copy_options::recursive);
    kv::ScaffoldOptions o;
    o.unit = "ny-enhet";
    o.structure = "verksamhetsberattelse-2024";
    o.name = "Nya enheten";
    o.administration = "Provstadens förvaltning";
    std::ostringstream out, err;
    if (kv::run_scaffold(context_for(content, templates), o, out, err) != 0) throw std::runtime_error(err.str());
  }
  struct Run {
    int status;
    std::string out, err;
  };
  Run build(const fs::path& to, model::Audience audience = model::Audience::kPublic) const {
    auto options = options_for(content, templates);
    options.output_dir = to.string();
    options.audience = audience;
    std::ostringstream o, e;
    const int status = kv::run_build(options, o, e);
    return {status, o.str(), e.str()};
  }
};

}  // namespace

TEST_CASE("ny writes status: utkast, and a draft is left out of build and named once", "[drafts]") {
  WithDraft f;
  CHECK_THAT(read(f.admin), Contains("\nstatus: utkast\n"));
  const fs::path out = f.dir.path() / "output";
  auto b = f.build(out);
  INFO(b.out << b.err);
  REQUIRE(b.status == 0);
  CHECK(!fs::exists(out / "2024/ny-enhet"));
  CHECK(files_containing(out, "Nya enheten").empty());
  CHECK(count(b.out + b.err, "ny-enhet/2024/verksamhetsberattelse: utkast med") == 1);
  CHECK_THAT(b.out + b.err, Contains("kvalitet check --enhet ny-enhet"));
}

TEST_CASE("build --utkast shows the draft, every page marked, in a folder of its own", "[drafts]") {
  WithDraft f;
  const fs::path out = f.dir.path() / "utkast";
  auto b = f.build(out, model::Audience::kDrafts);
  INFO(b.out << b.err);
  REQUIRE(b.status == 0);
  const fs::path overview = out / "2024/ny-enhet/verksamhetsberattelse/index.html";
  REQUIRE(fs::exists(overview));
  CHECK_THAT(read(overview), Contains("class=\"utkast-banderoll\""));
  CHECK_THAT(read(out / "2024/ny-enhet/verksamhetsberattelse/avsnitt-01/index.html"), Contains("class=\"utkast-banderoll\""));
  // A submitted document in the same site is not marked.
  CHECK_THAT(read(out / "2024/hagersten-alvsjo-hemtjanst/verksamhetsberattelse/index.html"), !Contains("utkast-banderoll"));
  CHECK(kv::output_audience(out) == std::string("utkast"));
  // The unit page says which of its documents is a draft.
  CHECK_THAT(read(out / "enheter/ny-enhet/index.html"), Contains("<span class=\"dokument-status\">(Utkast)</span>"));
}

TEST_CASE("a draft marked inlämnad is held to every rule: the build fails and the old output stays", "[drafts]") {
  WithDraft f;
  const fs::path out = f.dir.path() / "output";
  REQUIRE(f.build(out).status == 0);
  const std::string index_before = read(out / "index.html");
  replace(f.admin, "status: utkast", "status: inlämnad");
  auto b = f.build(out);
  CHECK(b.status == 1);
  CHECK_THAT(b.err, Contains("ny-enhet/2024/verksamhetsberattelse") && Contains("error"));
  CHECK(read(out / "index.html") == index_before);
}

TEST_CASE("build --utkast shows a draft's unwritten parts as not answered yet — submitted, they are errors", "[drafts]") {
  WithDraft f;
  const fs::path doc = f.content / "ny-enhet/2024/verksamhetsberattelse";
  // Prose but no ```synpunkter``` block, which section 15 requires; section 14 not there at all.
  write(doc / "avsnitt-15.md", "---\navsnitt: 15\n---\n\nVi har inte sammanställt synpunkterna än.\n");
  fs::remove(doc / "avsnitt-14.md");
  const fs::path out = f.dir.path() / "utkast";
  auto b = f.build(out, model::Audience::kDrafts);
  INFO(b.out << b.err);
  REQUIRE(b.status == 0);
  CHECK_THAT(b.err, Contains("warning: avsnitt 14 saknas") && Contains("saknar ”synpunkter”"));
  const std::string missing = read(out / "2024/ny-enhet/verksamhetsberattelse/avsnitt-14/index.html");
  CHECK_THAT(missing, Contains("class=\"not-answered\"><em>Inte besvarad än.") && Contains("class=\"utkast-banderoll\""));
  CHECK_THAT(read(out / "2024/ny-enhet/verksamhetsberattelse/avsnitt-15/index.html"), Contains("Vi har inte sammanställt synpunkterna än."));
  // On paper too: the print page says which parts are not answered yet.
  CHECK_THAT(read(out / "2024/ny-enhet/verksamhetsberattelse/utskrift.html"), Contains("class=\"not-answered\"><em>Inte besvarad än."));

  replace(f.admin, "status: utkast", "status: inlämnad");
  auto submitted = f.build(f.dir.path() / "output");
  CHECK(submitted.status == 1);
  CHECK_THAT(submitted.err, Contains("error: avsnitt 14 saknas") && Contains("error: avsnitt 15"));
}

TEST_CASE("an unknown status is an error, never read as a draft", "[drafts]") {
  WithDraft f;
  replace(f.admin, "status: utkast", "status: utkastet");
  auto v = kv::validate_content(options_for(f.content, f.templates));
  bool named = false;
  for (const auto& d : v.diagnostics.list.items())
    if (d.severity == kv::Severity::kError && d.message.find("okänt status ”utkastet”") != std::string::npos) named = true;
  CHECK(named);
  CHECK(v.site.drafts_left_out.empty());
}

TEST_CASE("the public site shows no checklist, remark or review form, the reviewers' site does, without filled forms", "[drafts][audience]") {
  const auto& site = example_site();
  REQUIRE(site.status == 0);
  CHECK(files_containing(site.out, "class=\"kravlista").empty());
  CHECK(files_containing(site.out, "class=\"anmarkningar\"").empty());
  CHECK(files_containing(site.out, "bedomning.xlsx").empty());
  CHECK(!fs::exists(site.out / "jamforelse/2018/kvalitetsutmarkelsen/bedomning.xlsx"));
  CHECK(kv::output_audience(site.out) == std::string("publik"));

  TempDir dir;
  auto options = options_for(source_dir() / "content", source_dir() / "templates");
  options.output_dir = (dir.path() / "bedomning").string();
  options.audience = model::Audience::kReviewers;
  std::ostringstream o, e;
  REQUIRE(kv::run_build(options, o, e) == 0);  // the example has no filled forms
  const fs::path reviewers = dir.path() / "bedomning";
  CHECK(!files_containing(reviewers, "class=\"kravlista").empty());
  CHECK(fs::exists(reviewers / "jamforelse/2018/kvalitetsutmarkelsen/bedomning.xlsx"));

  // The reviewers' site is never written over the public one, nor the other way round.
  options.output_dir = site.out.string();
  std::ostringstream o2, e2;
  CHECK(kv::run_build(options, o2, e2) == 1);
  CHECK_THAT(e2.str(), Contains("mappen är byggd för allmänheten; kvalitet skriver inte en webbplats för bedömarna över den"));
  CHECK(kv::output_audience(site.out) == std::string("publik"));
  auto public_options = options_for(source_dir() / "content", source_dir() / "templates");
  public_options.output_dir = reviewers.string();
  std::ostringstream o3, e3;
  CHECK(kv::run_build(public_options, o3, e3) == 1);
  CHECK_THAT(e3.str(), Contains("byggd för bedömarna"));
}

TEST_CASE("the check's remarks on an answer are for reviewers only", "[drafts][audience]") {
  TempDir dir;
  const fs::path content = dir.path() / "content";
  copy_fixture("valid", content);
  drop_example(submission_dir(content) / "fraga-01.md");  // a recommended part missing: a remark
  auto build = [&](model::Audience audience, const std::string& folder) {
    auto options = options_for(content);
    options.output_dir = (dir.path() / folder).string();
    options.audience = audience;
    std::ostringstream o, e;
    REQUIRE(kv::run_build(options, o, e) == 0);
    return read(dir.path() / folder / "2020/provenhet/prov/fraga-01/index.html");
  };
  const std::string reviewers = build(model::Audience::kReviewers, "bedomning");
  CHECK_THAT(reviewers, Contains("class=\"anmarkningar\"") && Contains("exempel"));
  CHECK_THAT(reviewers, Contains("class=\"kravlista\""));
  const std::string published = build(model::Audience::kPublic, "output");
  CHECK_THAT(published, !Contains("anmarkningar") && !Contains("kravlista"));
}

TEST_CASE("check --enhet reports only that unit's problems, a draft's in full, and names an unknown unit", "[drafts][units]") {
  WithDraft f;
  auto options = options_for(f.content, f.templates);
  options.units = {"ny-enhet"};
  auto v = kv::validate_content(options);
  REQUIRE(!v.diagnostics.list.items().empty());  // what is not written yet, in full
  for (const auto& d : v.diagnostics.list.items()) {
    INFO(d.pos.path << ": " << d.message);
    CHECK(d.pos.path.find("/ny-enhet/") != std::string::npos);
  }
  CHECK(v.site.drafts_left_out.empty());

  options.units = {"hagersten-alvsjo-hemtjanst"};
  const auto other = kv::validate_content(options);  // kept: a loop over a temporary's member would dangle
  for (const auto& d : other.diagnostics.list.items()) {
    INFO(d.pos.path << ": " << d.message);
    CHECK(d.pos.path.find("/ny-enhet/") == std::string::npos);
  }

  options.units = {"hagersten-alvsjo-hemtjanstt"};
  bool named = false;
  const auto unknown = kv::validate_content(options);
  for (const auto& d : unknown.diagnostics.list.items())
    if (d.pos.path == "--enhet" && d.message.find("ingen enhet ”hagersten-alvsjo-hemtjanstt”") != std::string::npos &&
        d.hint.find("hagersten-alvsjo-hemtjanst") != std::string::npos)
      named = true;
  CHECK(named);
}

TEST_CASE("the reviewers' site names the units still drafting, and their forms leave drafts out", "[drafts][audience]") {
  WithDraft f;
  const fs::path out = f.dir.path() / "bedomning";
  auto b = f.build(out, model::Audience::kReviewers);
  INFO(b.out << b.err);
  REQUIRE(b.status == 0);
  const std::string index = read(out / "jamforelse/2024/verksamhetsberattelse/index.html");
  CHECK_THAT(index, Contains("Dokument som inte är inlämnade än") && Contains("<li>Nya enheten</li>"));
  CHECK(!fs::exists(out / "2024/ny-enhet"));
  // The public site does not name them.
  const fs::path pub = f.dir.path() / "output";
  REQUIRE(f.build(pub).status == 0);
  CHECK_THAT(read(pub / "jamforelse/2024/verksamhetsberattelse/index.html"), !Contains("Nya enheten"));
}

TEST_CASE("build --enhet makes one unit's own pages, its draft marked, in a folder of its own", "[drafts][units]") {
  WithDraft f;
  auto options = options_for(f.content, f.templates);
  options.units = {"ny-enhet"};
  options.audience = model::Audience::kPartial;
  options.output_dir = (f.dir.path() / "output-ny-enhet").string();
  std::ostringstream o, e;
  REQUIRE(kv::run_build(options, o, e) == 0);
  const fs::path out = f.dir.path() / "output-ny-enhet";
  CHECK_THAT(read(out / "2024/ny-enhet/verksamhetsberattelse/index.html"), Contains("utkast-banderoll"));
  CHECK(fs::exists(out / "2024/ny-enhet/verksamhetsberattelse/utskrift.html"));
  CHECK(!fs::exists(out / "2024/hagersten-alvsjo-hemtjanst"));  // no other unit
  CHECK(!fs::exists(out / "jamforelse"));                        // no comparison, indicator or search pages
  CHECK(!fs::exists(out / "indikatorer"));
  CHECK(!fs::exists(out / "sok"));
  CHECK(kv::output_audience(out) == std::string("del"));
  // Never over a full site, and a full site never over it.
  const fs::path full = f.dir.path() / "output";
  REQUIRE(f.build(full).status == 0);
  options.output_dir = full.string();
  std::ostringstream o2, e2;
  CHECK(kv::run_build(options, o2, e2) == 1);
  CHECK_THAT(e2.str(), Contains("byggd för allmänheten"));
  CHECK(f.build(out).status == 1);
}

namespace {

// The line (1-based) of the first line of file that starts with prefix; 0 when none.
int line_of(const fs::path& file, const std::string& prefix) {
  std::istringstream in(read(file));
  std::string line;
  for (int n = 1; std::getline(in, line); ++n)
    if (line.rfind(prefix, 0) == 0) return n;
  return 0;
}

}  // namespace

TEST_CASE("a structure's sista_dag is shown beside a draft, and a document submitted after it is a warning", "[drafts]") {
  WithDraft f;
  const fs::path templates = f.dir.path() / "templates";
  fs::copy(source_dir() / "templates", templates, fs::copy_options::recursive);
  replace(templates / "structures/verksamhetsberattelse-2024.yaml", "år: 2024\n", "år: 2024\nsista_dag: 2025-03-31\n");
  f.templates = templates;

  std::ostringstream o, e;
  kv::run_check(options_for(f.content, f.templates), o, e);
  CHECK_THAT(o.str() + e.str(), Contains("ny-enhet/2024/verksamhetsberattelse: utkast, sista dag 2025-03-31"));
  const fs::path out = f.dir.path() / "utkast";
  REQUIRE(f.build(out, model::Audience::kDrafts).status == 0);
  CHECK_THAT(read(out / "enheter/ny-enhet/index.html"), Contains("(Utkast, sista dag 2025-03-31)"));

  const fs::path submitted = f.content / "hagersten-alvsjo-hemtjanst/2024/verksamhetsberattelse/inlamning.yaml";
  auto late_warnings = [&] {
    const auto v = kv::validate_content(options_for(f.content, f.templates));
    std::vector<kv::Diagnostic> found;
    for (const auto& d : v.diagnostics.list.items())
      if (d.message.find("efter sista dag") != std::string::npos) found.push_back(d);
    return found;
  };
  CHECK(late_warnings().empty());  // no inlämnad_datum: nothing to say
  write(submitted, read(submitted) + "inlämnad_datum: 2025-04-02\n");
  const auto late = late_warnings();
  REQUIRE(late.size() == 1);
  CHECK(late[0].severity == kv::Severity::kWarning);
  CHECK(late[0].message == "inlämnad 2025-04-02, efter sista dag 2025-03-31");
  CHECK(late[0].pos.path.find("hagersten-alvsjo-hemtjanst/2024/verksamhetsberattelse/inlamning.yaml") != std::string::npos);
  CHECK(late[0].pos.line == line_of(submitted, "inlämnad_datum:"));
  replace(submitted, "inlämnad_datum: 2025-04-02", "inlämnad_datum: 2025-03-31");  // on the day is in time
  CHECK(late_warnings().empty());
}

TEST_CASE("a sista_dag that is not a date is an error in the structure", "[drafts]") {
  TempDir dir;
  const fs::path templates = dir.path() / "templates";
  fs::copy(source_dir() / "templates", templates, fs::copy_options::recursive);
  replace(templates / "structures/verksamhetsberattelse-2024.yaml", "år: 2024\n", "år: 2024\nsista_dag: 2025-02-30\n");
  const auto v = kv::validate_content(options_for(source_dir() / "content", templates));
  const auto* bad = find(v, "2025-02-30");
  REQUIRE(bad);
  CHECK(bad->severity == kv::Severity::kError);
  CHECK(bad->pos.path.find("verksamhetsberattelse-2024.yaml") != std::string::npos);
  CHECK(bad->pos.line == line_of(templates / "structures/verksamhetsberattelse-2024.yaml", "sista_dag:"));
}

TEST_CASE("a published document's link to a draft left out is a warning and plain text on the public site", "[drafts][links]") {
  WithDraft f;
  const fs::path from = f.content / "hagersten-alvsjo-hemtjanst/2024/verksamhetsberattelse/avsnitt-01.md";
  write(from, read(from) + "\nSe [den nya enhetens berättelse](../../../ny-enhet/2024/verksamhetsberattelse/avsnitt-01.md).\n");
  const auto v = kv::validate_content(options_for(f.content, f.templates));
  const auto* warned = find(v, "som är ett utkast och inte publiceras");
  REQUIRE(warned);
  CHECK(warned->severity == kv::Severity::kWarning);
  CHECK(warned->pos.path.find("avsnitt-01.md") != std::string::npos);
  CHECK(warned->pos.line == line_of(from, "Se [den nya"));

  const fs::path out = f.dir.path() / "output";
  REQUIRE(f.build(out).status == 0);
  const std::string page = read(out / "2024/hagersten-alvsjo-hemtjanst/verksamhetsberattelse/avsnitt-01/index.html");
  CHECK_THAT(page, Contains("den nya enhetens berättelse"));  // the text stays
  CHECK_THAT(page, !Contains("ny-enhet/verksamhetsberattelse"));  // no address of a page that is not there
  CHECK_THAT(page, Contains("class=\"lank-utan-mal\""));

  // With the drafts on the site, the link leads to the draft's page.
  const fs::path drafts = f.dir.path() / "utkast";
  REQUIRE(f.build(drafts, model::Audience::kDrafts).status == 0);
  CHECK_THAT(read(drafts / "2024/hagersten-alvsjo-hemtjanst/verksamhetsberattelse/avsnitt-01/index.html"),
             Contains("href=\"../../../../2024/ny-enhet/verksamhetsberattelse/avsnitt-01/index.html\""));
}

TEST_CASE("a build with nothing changed names the drafts left out again", "[drafts][incremental]") {
  WithDraft f;
  const fs::path out = f.dir.path() / "output";
  REQUIRE(f.build(out).status == 0);
  const auto again = f.build(out);
  INFO(again.out << again.err);
  REQUIRE(again.status == 0);
  REQUIRE_THAT(again.out + again.err, Contains("Inget har ändrats sedan förra bygget"));
  CHECK(count(again.out + again.err, "ny-enhet/2024/verksamhetsberattelse: utkast med 0 fel och 15 varningar") == 1);
  // What it printed was read back from the stamp, which does not carry the draft's name.
  CHECK(files_containing(out, "Nya enheten").empty());
}
