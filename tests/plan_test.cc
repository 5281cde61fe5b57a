// Action plans (handlingsplan, seed 002): the åtgärd block's dates, status and checks, the
// example plan built end to end — every line of the seed on the site, the table on the
// section page and in the workbook, printed across the page.
#include <catch2/catch.hpp>

#include <regex>

#include "model/plan_blocks.h"
#include "pipeline/pipeline.h"
#include "support.h"
#include "util/text.h"

using namespace kvtest;
using kv::Severity;
using kv::model::parse_plan_date;
using kv::model::PlanDate;

namespace {

const char* kPlan = "2007/aldreomsorgen/handlingsplan";

// The example plan alone, in a temporary content folder, checked with the real structures.
struct Plan : ExampleUnit {
  fs::path part = content / "aldreomsorgen" / "2007" / "handlingsplan" / "avsnitt-01.md";
  fs::path admin = content / "aldreomsorgen" / "2007" / "handlingsplan" / "inlamning.yaml";
  Plan() : ExampleUnit("aldreomsorgen") {}
  // Appends one action to the part file.
  void add(const std::string& yaml) { write(part, read(part) + "\n```åtgärd\n" + yaml + "```\n"); }
};

const std::string kAction = "problem: Ett problem\nåtgärd: En åtgärd.\nansvariga: [Enhetschef]\n";

const ExampleSite& built() { return example_site(); }

}  // namespace

TEST_CASE("plan dates are months or days of the calendar", "[plan]") {
  CHECK(parse_plan_date("2007-10") == PlanDate{2007, 10, 0});
  CHECK(parse_plan_date("2008-01-01") == PlanDate{2008, 1, 1});
  CHECK(parse_plan_date("2008-02-29") == PlanDate{2008, 2, 29});
  CHECK_FALSE(parse_plan_date("2007-02-29"));
  CHECK_FALSE(parse_plan_date("2007-13"));
  CHECK_FALSE(parse_plan_date("2007-10-32"));
  CHECK_FALSE(parse_plan_date("okt 2007"));
  CHECK_FALSE(parse_plan_date("2007"));
  CHECK_FALSE(parse_plan_date("2007-1"));
  CHECK(parse_plan_date("2007-10")->iso() == "2007-10");
  CHECK(parse_plan_date("2007-09-05")->iso() == "2007-09-05");
  // A month is due by its end: October 2007 is not before 2007-10-31.
  CHECK_FALSE(PlanDate{2007, 10, 0}.latest() < PlanDate{2007, 10, 31});
  CHECK(PlanDate{2007, 10, 0}.latest() < PlanDate{2007, 11, 1});
}

TEST_CASE("the example action plan has no problems", "[plan]") {
  Plan p;
  auto v = p.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.items().empty());
  REQUIRE(v.site.submissions.size() == 1);
  int actions = 0;
  for (const auto& [n, answer] : v.site.submissions[0].answers)
    kv::model::for_each_block(answer.blocks, [&](const kv::model::Block& b) {
      actions += std::holds_alternative<kv::model::ActionItem>(b.value);
    });
  CHECK(actions == 15);
}

TEST_CASE("plan rule: a date that is not a month or a day", "[plan]") {
  Plan p;
  p.add(kAction + "slutdatum: okt 2007\n");
  auto v = p.run();
  INFO(all_messages(v));
  CHECK(count(v, Severity::kError, "avsnitt-01.md", "”okt 2007” är inget datum på formen ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD") == 1);
  const auto* d = find(v, "okt 2007");
  REQUIRE(d);
  CHECK(d->hint.find("2007-10") != std::string::npos);
  std::istringstream file(read(p.part));
  std::string line;
  for (int n = 0; n < d->pos.line; ++n) std::getline(file, line);
  CHECK(line == "slutdatum: okt 2007");  // the position is the value's line in the Markdown file
}

TEST_CASE("plan rule: the end before the start", "[plan]") {
  Plan p;
  p.add(kAction + "startdatum: 2008-02\nslutdatum: 2008-01-15\n");
  auto v = p.run();
  INFO(all_messages(v));
  CHECK(count(v, Severity::kError, "avsnitt-01.md", "slutdatumet 2008-01-15 ligger före startdatumet 2008-02") == 1);
}

TEST_CASE("plan rule: an unknown status is refused with the closest word", "[plan]") {
  Plan p;
  p.add(kAction + "status: pågående\n");
  auto v = p.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 1);
  const auto* d = find(v, "pågående");
  REQUIRE(d);
  CHECK(d->hint.find("pågår") != std::string::npos);
}

TEST_CASE("plan rule: an action with no one responsible is an error – never dropped in silence", "[plan]") {
  for (const char* empty : {"ansvariga: []\n", "ansvariga:\n"}) {
    Plan p;
    p.add(std::string("problem: Ett problem\nåtgärd: En åtgärd.\n") + empty);
    auto v = p.run();
    INFO(empty << all_messages(v));
    CHECK(count(v, Severity::kError, "avsnitt-01.md", "ansvariga") == 1);
  }
}

TEST_CASE("plan rule: a done action without an end date warns", "[plan]") {
  Plan p;
  p.add(kAction + "status: klar\n");
  auto v = p.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 0);
  CHECK(count(v, Severity::kWarning, "avsnitt-01.md", "har status ”klar” men inget slutdatum") == 1);
}

TEST_CASE("plan rule: an action past its deadline at the follow-up and not done warns", "[plan]") {
  Plan p;
  // Without a follow-up date nothing is overdue: the build does not read the clock.
  auto before = p.run();
  CHECK(before.diagnostics.list.items().empty());
  write(p.admin, read(p.admin) + "uppföljningsdatum: 2007-12-01\n");
  auto v = p.run();
  INFO(all_messages(v));
  CHECK(v.diagnostics.list.error_count() == 0);
  // Due before 2007-12-01 and not "klar" in the example: items 2, 4, 5, 8, 9, 11 and 15 (by
  // 2007-10-01, 2007-10-01, 2007-09-15, 2007-09-01, 2007-06-15, 2007-11-01, 2007-10-01);
  // 1 dec 2007 itself is not past.
  CHECK(count(v, Severity::kWarning, "avsnitt-01.md", "men är inte klar vid uppföljningen 2007-12-01") == 7);
  CHECK(count(v, Severity::kWarning, "avsnitt-01.md", "skulle vara klar 2007-06-15") == 1);
  // Marked done, or due in the follow-up's month, it is not warned about.
  p.add(kAction + "slutdatum: 2007-11-30\nstatus: klar\n");
  p.add(kAction + "slutdatum: 2007-12\nstatus: pågår\n");
  auto after = p.run();
  CHECK(count(after, Severity::kWarning, "", "vid uppföljningen") == 7);
}

TEST_CASE("a follow-up field that is not a date is refused", "[plan]") {
  Plan p;
  write(p.admin, read(p.admin) + "uppföljningsdatum: 1 dec 2007\n");
  auto v = p.run();
  INFO(all_messages(v));
  CHECK(count(v, Severity::kError, "inlamning.yaml", "”1 dec 2007” är inget datum på formen ÅÅÅÅ-MM-DD") == 1);
}

TEST_CASE("the action plan's page has the table with all fifteen actions", "[plan]") {
  const auto& b = built();
  REQUIRE(b.status == 0);
  std::string page = read(b.out / kPlan / "avsnitt-01" / "index.html");
  std::regex row("<tr id=\"kv-atgard-(\\d+)\"><th scope=\"row\" data-etikett=\"Problem/utvecklingsbehov\">");
  int rows = 0;
  for (auto it = std::sregex_iterator(page.begin(), page.end(), row); it != std::sregex_iterator(); ++it)
    CHECK((*it)[1] == std::to_string(++rows));  // numbered in order: later documents link to #åtgärd-K
  CHECK(rows == 15);
  for (const char* header : {"Problem/utvecklingsbehov", "Åtgärd/process", "Datum för åtgärd", "Ansvarig för åtgärd"})
    CHECK(page.find(std::string("<th scope=\"col\">") + header + "</th>") != std::string::npos);
  CHECK(page.find("<time datetime=\"2007-10\">oktober 2007</time>") != std::string::npos);
  CHECK(page.find("<time datetime=\"2008-01-01\">1 januari 2008</time>") != std::string::npos);
  CHECK(page.find("<span class=\"atgard-status status-pagar\">Pågår</span>") != std::string::npos);
  CHECK(page.find("<ul class=\"ansvariga\"><li>Avd.chef</li><li>Bitr.avd.chef</li><li>Enhetschef</li><li>Personalchef</li></ul>") !=
        std::string::npos);
}

TEST_CASE("the action plan prints across the page", "[plan]") {
  const auto& b = built();
  std::string print = read(b.out / kPlan / "utskrift.html");
  CHECK(print.find("@page { size: A4 landscape; }") != std::string::npos);
  std::string award = read(b.out / "2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen/utskrift.html");
  CHECK(award.find("landscape") == std::string::npos);
}

TEST_CASE("every line of the source action plan appears on the site", "[plan]") {
  const auto& b = built();
  std::string site = visible_text(read(b.out / kPlan / "avsnitt-01" / "index.html")) + " " +
                     visible_text(read(b.out / kPlan / "index.html"));
  std::string seed = read(fixtures() / "seeds" / "002-handlingsplan-2007.txt");
  std::istringstream lines(seed);
  // The extraction broke words at line ends ("Implemen-", "terings-"): a line's first word
  // continues the previous line's last, so both fragments are left out and the rest of the
  // line is looked for. A line where table cells ran together (the title and its department,
  // "Förtydliga enhetschefernas Enhetschefernas övergripande …") is checked word by word.
  auto words_on_site = [&](const std::string& t) {
    std::istringstream words(std::regex_replace(t, std::regex("[()]"), " "));
    for (std::string w; words >> w;)
      if (site.find(w) == std::string::npos) return false;
    return true;
  };
  int checked = 0;
  std::vector<std::string> missing;
  bool continued = false;
  for (std::string line; std::getline(lines, line);) {
    std::string t(kv::trim(visible_text(line)));
    const bool breaks = t.size() > 1 && t.back() == '-' && t[t.size() - 2] != ' ';
    if (continued && t.find(' ') != std::string::npos) t.erase(0, t.find(' ') + 1);
    if (breaks) t.erase(t.rfind(' ') == std::string::npos ? 0 : t.rfind(' '));
    continued = breaks;
    static const std::regex furniture("^Bilaga 2|^Problem/utvecklingsbehov");
    if (kv::utf8_length(t) < 25 || std::regex_search(t, furniture)) continue;
    ++checked;
    if (site.find(t) == std::string::npos && !words_on_site(t)) missing.push_back(t);
  }
  INFO("missing lines:\n" << [&] { std::string s; for (auto& m : missing) s += m + "\n"; return s; }());
  CHECK(checked > 120);
  CHECK(missing.empty());
}

TEST_CASE("the action plan's workbook has the actions with Excel dates", "[plan]") {
  const auto& b = built();
  const fs::path book = b.out / kPlan / "tabeller.xlsx";
  REQUIRE(fs::exists(book));
  TempDir tmp;
  const fs::path cells = tmp.path() / "cells";
  REQUIRE(std::system(("/usr/bin/python3 " + (source_dir() / "tests" / "xlsx_cells.py").string() + " " + book.string() +
                       " " + cells.string())
                          .c_str()) == 0);
  std::string all = read(cells);
  std::vector<std::string> f;
  for (size_t start = 0, end; start <= all.size(); start = end + 1) {
    end = all.find('\0', start);
    if (end == std::string::npos) end = all.size();
    f.push_back(all.substr(start, end - start));
  }
  auto has = [&](const std::string& kind, const std::string& value) {
    for (size_t i = 0; i + 1 < f.size(); ++i)
      if (f[i] == kind && f[i + 1] == value) return true;
    return false;
  };
  INFO(all.substr(0, 400));
  CHECK(std::find(f.begin(), f.end(), "Åtgärder") != f.end());
  CHECK(has("d", "2008-01-01"));  // 1 jan. 2008, a day
  CHECK(has("d", "2007-10-01"));  // okt 2007, a month, stored as its first day
  CHECK(has("s", "Utveckla en gemensam värdegrund för Äldreomsorgen"));
}
