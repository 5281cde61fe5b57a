// kvalitet kolada (generator/kolada/): Hägersten-Älvsjö's 2024 indicators compared with
// Kolada answers in Kolada's exact shape (tests/fixtures/kolada), saved or served by a local
// HTTP server: values left out are filled in by added lines only, values that differ warn
// with both figures, the site names the source; bad answers, errors and timeouts are reported.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <chrono>
#include <set>
#include <thread>

#include "kolada/file_edit.h"
#include "kolada/kolada_command.h"
#include "kolada/kolada_fetch.h"
#include "kolada/kolada_values.h"
#include "support.h"
#include "util/text.h"

using namespace kvtest;
using Catch::Matchers::Contains;
namespace kolada = kv::kolada;

namespace {

const char* const kSection = "hagersten-alvsjo-hemtjanst/2024/verksamhetsberattelse/avsnitt-04.md";

// The example content with the unit's Kolada id, the first indicator of section 4 naming
// U21468 (its utfall 83 written, the genders not), the second U21401 with its utfall left out.
struct WithKolada {
  TempDir dir;
  fs::path content = dir.path() / "content";
  std::string before;  // section 4 as it was after these edits
  WithKolada() {
    fs::copy(source_dir() / "content", content, fs::copy_options::recursive);
    write(content / "hagersten-alvsjo-hemtjanst/enhet.yaml", read(content / "hagersten-alvsjo-hemtjanst/enhet.yaml") +
                                                                "# Enhetens id i Kolada\nkolada: V15E018000201\n");
    replace(content / kSection, "utfall: 83\nvb: 84\n", "utfall: 83   # enkäten 2024\nvb: 84\nkolada: U21468\n");
    replace(content / kSection, "utfall: 13\nvb: \"12,02\"\n", "vb: \"12,02\"\nkolada: U21401\n");
    before = read(content / kSection);
  }
  int run(bool dry_run, std::string* out_text, std::string* err_text, const std::string& data = (fixtures() / "kolada").string()) const {
    kv::KoladaOptions o;
    o.content_root = content;
    o.data_dir = data;
    o.dry_run = dry_run;
    std::ostringstream out, err;
    const int status = kv::run_kolada(o, out, err);
    if (out_text) *out_text = out.str();
    if (err_text) *err_text = err.str();
    return status;
  }
};

// The lines of a, in order, are all in b: an edit that only added lines.
bool only_added(const std::string& a, const std::string& b) {
  std::vector<std::string> mine, theirs;
  std::istringstream x(a), y(b);
  for (std::string l; std::getline(x, l);) mine.push_back(l);
  for (std::string l; std::getline(y, l);) theirs.push_back(l);
  size_t at = 0;
  for (const auto& l : theirs)
    if (at < mine.size() && l == mine[at]) ++at;
  return at == mine.size();
}

}  // namespace

TEST_CASE("Kolada's answer is read by KPI, unit, year and gender", "[kolada]") {
  std::string error;
  auto page = kolada::parse_page(read(fixtures() / "kolada/u21401-2024.json"), error);
  REQUIRE(page);
  const auto& v = page->answers.values.at({"U21401", "V15E018000201", 2024});
  CHECK(v.total == 13.0);
  CHECK(!v.women);  // null: no figure published
  CHECK(page->answers.values.at({"U21401", "V15E018000201", 2023}).total == 12.0);
  CHECK(page->next_page.empty());
  auto municipal = kolada::parse_page(R"({"values":[{"kpi":"N00945","municipality":"0180","period":"2024","values":[{"gender":"T","value":5}]}],"next_page":"https://x/2"})", error);
  REQUIRE(municipal);
  CHECK(municipal->answers.values.at({"N00945", "0180", 2024}).total == 5.0);
  CHECK(municipal->next_page == "https://x/2");
  CHECK(!kolada::parse_page("{\"values\": [", error));
  CHECK(error == "not JSON");
  CHECK(!kolada::parse_page("{\"count\": 0}", error));
  CHECK(!kolada::parse_page("{\"values\": [{\"kpi\": \"U1\"}]}", error));
}

TEST_CASE("an edit adds and replaces lines and leaves every other byte", "[kolada]") {
  kolada::FileEdit edit;
  edit.insert_before[3] = {"c: 3"};
  edit.replace[2] = "b: 2";
  CHECK(kolada::apply_edit("a: 1  # kvar\nb:\n```\n", edit) == "a: 1  # kvar\nb: 2\nc: 3\n```\n");
  CHECK(kolada::apply_edit("a\r\nb\r\n", {{{2, {"x"}}}, {}}) == "a\r\nx\r\nb\r\n");
  CHECK(kolada::apply_edit("a\nb", {{{3, {"x"}}}, {}}) == "a\nbx\n");
}

TEST_CASE("values left out are filled in from Kolada and differing ones warn with both figures", "[kolada]") {
  WithKolada f;
  std::string out, err;
  REQUIRE(f.run(false, &out, &err) == 0);
  INFO(out << err);
  const std::string after = read(f.content / kSection);
  CHECK(only_added(f.before, after));
  CHECK_THAT(after, Contains("utfall: 83   # enkäten 2024\n"));  // written by the author: kept, comment and all
  CHECK_THAT(after, Contains("kvinnor: 84\nmän: 76\nkolada_fyllt: [kvinnor, män]\n```"));
  CHECK_THAT(after, Contains("utfall: 13\nkolada_fyllt: [utfall]\n```"));
  CHECK_THAT(err, Contains("avsnitt-04.md:13:1: warning: utfall: rapporterat 83\xC2\xA0%, Kolada 81\xC2\xA0% (U21468, 2024)"));
  CHECK_THAT(out, Contains("Kolada: 3 värden ifyllda i 1 filer; 1 avvikelser."));
  // Again: nothing left to fill in, nothing changes.
  REQUIRE(f.run(false, &out, &err) == 0);
  CHECK(read(f.content / kSection) == after);
  CHECK_THAT(out, Contains("Kolada: 0 värden"));
  // The site names the source of the values.
  auto options = options_for(f.content, source_dir() / "templates");
  options.output_dir = (f.dir.path() / "site").string();
  std::ostringstream o, e;
  REQUIRE(kv::run_build(options, o, e) == 0);
  const std::string page = read(f.dir.path() / "site/2024/hagersten-alvsjo-hemtjanst/verksamhetsberattelse/avsnitt-04/index.html");
  CHECK_THAT(page, Contains("<p class=\"kalla\">Från Kolada (nyckeltal <a href=\"https://www.kolada.se/verktyg/fri-sokning/?kpis=U21468\">U21468</a>)"));
}

TEST_CASE("kolada --visa shows what would be filled in and writes nothing", "[kolada]") {
  WithKolada f;
  std::string out;
  REQUIRE(f.run(true, &out, nullptr) == 0);
  CHECK_THAT(out, Contains("avsnitt-04.md"));
  CHECK_THAT(out, Contains("utfall: 13 från Kolada (U21401"));
  CHECK_THAT(out, Contains("Inget skrevs."));
  CHECK(read(f.content / kSection) == f.before);
}

TEST_CASE("an indicator left without its outcome names the way to fill it in", "[kolada]") {
  WithKolada f;
  auto v = kv::validate_content(options_for(f.content, source_dir() / "templates"));
  CHECK(count(v, kv::Severity::kError, "avsnitt-04.md", "utfall saknas") == 1);
  const auto* missing = find(v, "utfall saknas");
  REQUIRE(missing);
  CHECK_THAT(missing->hint, Contains("kvalitet kolada"));
  CHECK_THAT(missing->hint, Contains("U21401"));
}

TEST_CASE("a saved file that is no Kolada answer, or a unit without its id, stops before any write", "[kolada]") {
  WithKolada f;
  write(f.dir.path() / "data/trasig.json", "{\"values\": [");
  fs::copy(fixtures() / "kolada/u21468-2024.json", f.dir.path() / "data/u21468-2024.json");
  std::string err;
  CHECK(f.run(false, nullptr, &err, (f.dir.path() / "data").string()) == 1);
  CHECK_THAT(err, Contains("trasig.json: error: trasig.json är inget svar från Kolada (not JSON)"));
  CHECK(read(f.content / kSection) == f.before);
  replace(f.content / "hagersten-alvsjo-hemtjanst/enhet.yaml", "kolada: V15E018000201\n", "");
  CHECK(f.run(false, nullptr, &err) == 1);
  CHECK_THAT(err, Contains("avsnitt-04.md:15:1: error: enheten hagersten-alvsjo-hemtjanst har ingen Kolada-id"));
  CHECK(read(f.content / kSection) == f.before);
}

TEST_CASE("Kolada over HTTP: pages followed, errors, bad answers and a time limit reported", "[kolada]") {
  httplib::Server server;
  int port = 0;
  const std::string first = read(fixtures() / "kolada/u21468-2024.json");
  const std::string second = read(fixtures() / "kolada/u21401-2024.json");
  server.Get("/v2/oudata/kpi/U21468/ou/V15E018000201/year/2024", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(first, "application/json");
  });
  server.Get("/v2/oudata/kpi/U21401/ou/V15E018000201/year/2024", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(second, "application/json");
  });
  server.Get("/v2/data/kpi/N00945/municipality/0180/year/2024", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"values":[{"kpi":"N00945","municipality":"0180","period":2024,"values":[{"gender":"T","value":5.5}]}]})",
                    "application/json");
  });
  std::set<std::string> asked;  // metadata asked for
  server.Get(R"(/v2/kpi/(U\d+))", [&](const httplib::Request& req, httplib::Response& res) {
    asked.insert(req.path);
    const fs::path file = fixtures() / "kolada-meta" / ("kpi-" + kv::fold_case(req.matches[1].str()) + ".json");
    res.set_content(fs::exists(file) ? read(file) : "{\"values\": [], \"count\": 0}", "application/json");
  });
  server.Get("/v2/ou", [&](const httplib::Request& req, httplib::Response& res) {
    asked.insert(req.path + "?municipality=" + req.get_param_value("municipality"));
    res.set_content(read(fixtures() / "kolada-meta/ou-0180.json"), "application/json");
  });
  server.Get("/v2/sida2", [&](const httplib::Request&, httplib::Response& res) { res.set_content(second, "application/json"); });
  server.Get("/v2/trasig", [](const httplib::Request&, httplib::Response& res) { res.set_content("<html>", "text/html"); });
  server.Get("/v2/fel", [](const httplib::Request&, httplib::Response& res) { res.status = 500; });
  server.Get("/v2/langsam", [](const httplib::Request&, httplib::Response& res) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    res.set_content("{\"values\": []}", "application/json");
  });
  server.Get("/v2/forsta", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(first.substr(0, first.rfind('}')) + ", \"next_page\": \"http://127.0.0.1:" + std::to_string(port) + "/v2/sida2\"}",
                    "application/json");
  });
  port = server.bind_to_any_port("127.0.0.1");
  REQUIRE(port > 0);
  std::thread thread([&] { server.listen_after_bind(); });
  while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  const std::string api = "http://127.0.0.1:" + std::to_string(port) + "/v2";
  kv::Diagnostics diags;
  kolada::Answers answers;
  auto& table = answers.values;
  CHECK(kolada::fetch_into(api + "/forsta", 5, answers, diags));
  CHECK(table.count({"U21468", "V15E018000201", 2024}));
  CHECK(table.count({"U21401", "V15E018000201", 2023}));  // from the next page
  CHECK(kolada::is_municipality("0180"));
  CHECK(!kolada::is_municipality("V15E018000201"));
  CHECK(kolada::fetch_into(kolada::unit_values_url(api + "/", "N00945", "0180", 2024), 5, answers, diags));
  CHECK(table.at({"N00945", "0180", 2024}).total == 5.5);
  CHECK(!kolada::fetch_into(api + "/trasig", 5, answers, diags));
  CHECK(!kolada::fetch_into(api + "/fel", 5, answers, diags));
  CHECK(!kolada::fetch_into(api + "/langsam", 1, answers, diags));
  const std::string messages = all_messages(diags);
  CHECK_THAT(messages, Contains("/v2/trasig är inget svar från Kolada (not JSON)"));
  CHECK_THAT(messages, Contains("Kolada svarade med felkod 500"));
  CHECK_THAT(messages, Contains("Kolada svarade inte inom 1 s"));
  // The whole command against the local server.
  WithKolada f;
  kv::KoladaOptions o;
  o.content_root = f.content;
  o.fetch = true;
  o.api = api;
  o.timeout_s = 5;
  std::ostringstream out, err;
  const int status = kv::run_kolada(o, out, err);
  INFO(out.str() << err.str());
  CHECK(status == 0);
  CHECK_THAT(read(f.content / kSection), Contains("utfall: 13\nkolada_fyllt: [utfall]\n"));
  // Each KPI and the unit's municipality asked for once; the KPI named by its title.
  CHECK(asked == std::set<std::string>{"/v2/kpi/U21401", "/v2/kpi/U21468", "/v2/ou?municipality=0180"});
  CHECK_THAT(out.str(), Contains("utfall: 13 från Kolada (U21401 ”Antal personal som en hemtjänsttagare möter"));
  // A KPI Kolada does not have: an error, nothing written.
  replace(f.content / kSection, "kolada: U21401", "kolada: U21402");
  std::ostringstream out2, err2;
  CHECK(kv::run_kolada(o, out2, err2) == 1);
  CHECK_THAT(err2.str(), Contains("error: Kolada har inget nyckeltal U21402"));
  server.stop();
  thread.join();
  // No server: what to do instead.
  kv::Diagnostics offline;
  CHECK(!kolada::fetch_into(api + "/forsta", 2, answers, offline));
  CHECK_THAT(all_messages(offline), Contains("kunde inte nå Kolada"));
  CHECK_THAT(all_messages(offline), Contains("--data"));
}

TEST_CASE("Kolada's metadata names the KPIs and units – an id it does not know is an error with the nearest", "[kolada]") {
  std::string error;
  auto names = kolada::parse_page(read(fixtures() / "kolada-meta/ou-0180.json"), error);
  REQUIRE(names);
  CHECK(names->answers.names.units.at("V15E018000201") == "Hemtjänst Hägersten-Älvsjö (test)");
  CHECK(names->answers.values.empty());
  auto kpi = kolada::parse_page(read(fixtures() / "kolada-meta/kpi-u21468.json"), error);
  REQUIRE(kpi);
  CHECK(kpi->answers.names.kpis.count("U21468"));
  CHECK(kolada::kpi_names_url("https://api.kolada.se/v2/", "U21468") == "https://api.kolada.se/v2/kpi/U21468");
  CHECK(kolada::unit_names_url("https://api.kolada.se/v2", "V15E018000201") == "https://api.kolada.se/v2/ou?municipality=0180");
  CHECK(kolada::unit_names_url("https://api.kolada.se/v2", "0180") == "https://api.kolada.se/v2/municipality/0180");

  // The saved values and the metadata in one folder.
  WithKolada f;
  const fs::path data = f.dir.path() / "data";
  fs::create_directories(data);
  for (const char* dir : {"kolada", "kolada-meta"})
    for (const auto& e : fs::directory_iterator(fixtures() / dir))
      if (e.path().extension() == ".json") fs::copy(e.path(), data / e.path().filename());
  std::string out, err;
  REQUIRE(f.run(true, &out, &err, data.string()) == 0);
  CHECK_THAT(out, Contains("utfall: 13 från Kolada (U21401 ”Antal personal som en hemtjänsttagare möter under 14 dagar, medelvärde”"));
  // A title from Kolada reaches the terminal without its control characters.
  write(data / "kpi-u21401.json", "{\"values\": [{\"id\": \"U21401\", \"title\": \"Antal\\u001b[2J personal\"}]}");
  REQUIRE(f.run(true, &out, &err, data.string()) == 0);
  CHECK_THAT(out, Contains("(U21401 ”Antal"));
  CHECK(out.find('\x1b') == std::string::npos);
  fs::copy(fixtures() / "kolada-meta/kpi-u21401.json", data / "kpi-u21401.json", fs::copy_options::overwrite_existing);
  CHECK_THAT(err, Contains("utfall: rapporterat 83\xC2\xA0%, Kolada 81\xC2\xA0% (U21468 ”Brukarbedömning hemtjänst"));
  // A KPI a digit off: the error names the nearest, nothing is written.
  replace(f.content / kSection, "kolada: U21468", "kolada: U21469");
  CHECK(f.run(false, &out, &err, data.string()) == 1);
  CHECK_THAT(err, Contains("avsnitt-04.md:15:1: error: Kolada har inget nyckeltal U21469 — kontrollera nyckeltalets id på kolada.se och rätta kolada:; "
                           "menade du ”U21468 – Brukarbedömning hemtjänst äldreomsorg - helhetssyn, andel (%)”?"));
  CHECK_THAT(out, Contains("0 värden"));
  replace(f.content / kSection, "kolada: U21469", "kolada: U21468");
  CHECK(read(f.content / kSection) == f.before);
  // A unit id Kolada does not have: reported once, at enhet.yaml's line, with the nearest unit.
  replace(f.content / "hagersten-alvsjo-hemtjanst/enhet.yaml", "kolada: V15E018000201", "kolada: V15E018000210");
  CHECK(f.run(false, &out, &err, data.string()) == 1);
  INFO(err);
  CHECK_THAT(err, Contains("enhet.yaml:"));
  CHECK_THAT(err, Contains("error: Kolada har ingen enhet med id V15E018000210"));
  CHECK_THAT(err, Contains("menade du ”V15E018000201 – Hemtjänst Hägersten-Älvsjö (test)”?"));
  const std::string once = "med id V15E018000210";
  CHECK(err.find(once) == err.rfind(once));  // one unit, two indicators: one error
  // No id at all: Kolada's unit whose title has the unit's name (Hägersten-Älvsjös hemtjänst)
  // is named, a letter off and in another order.
  replace(f.content / "hagersten-alvsjo-hemtjanst/enhet.yaml", "kolada: V15E018000210\n", "");
  CHECK(f.run(false, &out, &err, data.string()) == 1);
  CHECK_THAT(err, Contains("avsnitt-04.md:15:1: error: enheten hagersten-alvsjo-hemtjanst har ingen Kolada-id"));
  CHECK_THAT(err, Contains("menade du ”kolada: V15E018000201 – Hemtjänst Hägersten-Älvsjö (test)”?"));
  CHECK(read(f.content / kSection) == f.before);
  CHECK(read(f.content / kSection) == f.before);
}
