// Comparison pages in pages of 25 units (render/html/urls.h kCompareUnitsPerPage): no page
// grows with the number of units, and every link to a unit's answer finds its page.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include "resolve.h"
#include "support.h"

using namespace kvtest;

namespace {

// The fixture's unit and 29 more named "Enhet 01" … "Enhet 29" (sorted before Provenheten).
struct ManyUnits {
  TempDir dir;
  fs::path content = dir.path() / "content", out = dir.path() / "output";

  ManyUnits() {
    copy_fixture("valid", content);
    for (int i = 1; i <= 29; ++i) {
      char slug[16], name[16];
      std::snprintf(slug, sizeof slug, "enhet-%02d", i);
      std::snprintf(name, sizeof name, "Enhet %02d", i);
      fs::copy(content / "provenhet", content / slug, fs::copy_options::recursive);
      write(content / slug / "enhet.yaml", std::string("namn: ") + name + "\nförvaltning: Provstadens förvaltning\n");
    }
    auto options = options_for(content);
    options.output_dir = out.string();
    std::ostringstream o, e;
    const int status = kv::run_build(options, o, e);
    INFO(e.str());
    REQUIRE(status == 0);
  }
  std::string page(const std::string& rel) const { return read(out / rel); }
};

size_t count_of(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

std::vector<std::string> hrefs_in_nav(const std::string& html, const std::string& nav_class) {
  const size_t from = html.find("<nav class=\"" + nav_class + "\"");
  const std::string nav = html.substr(from, html.find("</nav>", from) - from);
  std::vector<std::string> hrefs;
  const std::regex href("href=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(nav.begin(), nav.end(), href); it != std::sregex_iterator(); ++it)
    hrefs.push_back((*it)[1]);
  return hrefs;
}

}  // namespace

TEST_CASE("a comparison of 30 units is split into pages of 25, each listing every unit", "[compare]") {
  ManyUnits site;
  const std::string first = "jamforelse/2020/prov/fraga-01/index.html", second = "jamforelse/2020/prov/fraga-01/sida-2/index.html";
  REQUIRE(fs::exists(site.out / second));
  CHECK_FALSE(fs::exists(site.out / "jamforelse/2020/prov/fraga-01/sida-3/index.html"));
  const std::string p1 = site.page(first), p2 = site.page(second);
  CHECK(count_of(p1, "<article class=\"enhetssvar\"") == 25);
  CHECK(count_of(p2, "<article class=\"enhetssvar\"") == 5);
  CHECK(p1.find("Enhet 1–25 av 30") != std::string::npos);
  CHECK(p2.find("Enhet 26–30 av 30") != std::string::npos);
  CHECK(p2.find("<span aria-current=\"page\">2</span>") != std::string::npos);
  // Sorted by name: Enhet 01 … 24 and Enhet 25 on page 1, then Enhet 26 … 29 and Provenheten.
  CHECK(p2.find("id=\"enhet-provenhet\"") != std::string::npos);
  CHECK(p1.find("id=\"enhet-enhet-25\"") != std::string::npos);
  // Each page lists all 30 units, and each link finds the unit's answer, here or on its page.
  for (const auto& [path, html] : {std::pair{first, p1}, std::pair{second, p2}}) {
    auto units = hrefs_in_nav(html, "jamfor-navigering");
    units.erase(std::remove_if(units.begin(), units.end(), [](const auto& h) { return h.find("#enhet-") == std::string::npos; }),
                units.end());
    CHECK(units.size() == 30);
    for (const auto& href : units) check_resolves(site.out, path, href);
    for (const auto& href : hrefs_in_nav(html, "sidor")) check_resolves(site.out, path, href);
  }
}

TEST_CASE("a question page links the comparison from its start, also for a unit on page 2", "[compare]") {
  ManyUnits site;
  const std::string question = "2020/provenhet/prov/fraga-01/index.html";
  const std::string html = site.page(question);
  const std::regex link("<a href=\"([^\"]*jamforelse[^\"]*)\"");
  std::smatch m;
  REQUIRE(std::regex_search(html, m, link));
  CHECK(std::string(m[1]).ends_with("jamforelse/2020/prov/fraga-01/index.html"));
  check_resolves(site.out, question, m[1]);
}
