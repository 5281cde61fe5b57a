// kvalitet kolada (generator/kolada/): Hägersten-Älvsjö's 2024 indicators compared with
// Kolada answers in Kolada's exact shape (tests/fixtures/kolada), saved or served by a local
// HTTP server: values left out are filled in by added lines only, values that differ warn
// with both figures, the site names the source; bad answers, errors and timeouts are reported.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <fstream>
#include <functional>
#include <set>
#include <thread>

#include "kolada/file_edit.h"
#include "kolada/kolada_command.h"
#include "kolada/kolada_fetch.h"
#include "kolada/kolada_values.h"
#include "util/limits.h"
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
    o.data_dir = data;
    o.dry_run = dry_run;
    std::ostringstream out, err;
    const int status = kv::run_kolada(context_for(content, source_dir() / "templates"), o, out, err);
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

// Every page from url on, in a session of its own (timeout_s from now) against the API at api.
bool fetch(const std::string& api, const std::string& url, int timeout_s, kolada::Answers& answers, kv::Diagnostics& diags) {
  kolada::FetchSession session(api, timeout_s);
  return kolada::fetch_into(url, session, answers, diags);
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

TEST_CASE("a value with decimals is written as the block writer writes numbers, and read back as written", "[kolada]") {
  WithKolada f;
  const fs::path data = f.dir.path() / "data";
  fs::copy(fixtures() / "kolada", data);
  replace(data / "u21401-2024.json", "\"value\": 13.0", "\"value\": 12.345");
  std::string out, err;
  REQUIRE(f.run(false, &out, &err, data.string()) == 0);
  const std::string after = read(f.content / kSection);
  CHECK_THAT(after, Contains("utfall: \"12,35\"\nkolada_fyllt: [utfall]\n```"));  // Kolada's two decimals, a Swedish comma
  CHECK_THAT(out, Contains("utfall: \"12,35\" från Kolada"));
  const auto v = kv::validate_content(options_for(f.content, source_dir() / "templates"));
  CHECK(!v.diagnostics.list.has_errors());
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
  // Again: nothing left to fill in, nothing changes; the values filled in equal Kolada's, so
  // the only difference is still the author's 83 against Kolada's 81.
  REQUIRE(f.run(false, &out, &err) == 0);
  CHECK(read(f.content / kSection) == after);
  CHECK_THAT(out, Contains("Kolada: 0 värden ifyllda i 0 filer; 1 avvikelser."));
  CHECK(err.find("warning:") == err.rfind("warning:"));
  CHECK_THAT(err, Contains("utfall: rapporterat 83\xC2\xA0%, Kolada 81\xC2\xA0%"));
  // The author corrects it to Kolada's figure: every value equals Kolada's, nothing is said.
  replace(f.content / kSection, "utfall: 83   # enkäten 2024\n", "utfall: 81   # enkäten 2024\n");
  REQUIRE(f.run(false, &out, &err) == 0);
  CHECK_THAT(out, Contains("Kolada: 0 värden ifyllda i 0 filer; 0 avvikelser."));
  CHECK(err.empty());
  // The site names the source of the values.
  auto options = options_for(f.content, source_dir() / "templates");
  options.output_dir = (f.dir.path() / "site").string();
  std::ostringstream o, e;
  REQUIRE(kv::run_build(options, o, e) == 0);
  const std::string page = read(f.dir.path() / "site/2024/hagersten-alvsjo-hemtjanst/verksamhetsberattelse/avsnitt-04/index.html");
  CHECK_THAT(page, Contains("<p class=\"kalla\">Från Kolada (nyckeltal <a href=\"https://www.kolada.se/verktyg/fri-sokning/?kpis=U21468\">U21468</a>)"));
}

TEST_CASE("kolada finds blocks as check does – ~~~, an indented fence, a longer closing fence – and keeps their indent",
          "[kolada]") {
  WithKolada f;
  // The second indicator (U21401, its utfall left out) fenced with ~~~ indented two spaces,
  // closed by a longer fence; the first with four backticks and a five-backtick closing fence.
  std::string text = read(f.content / kSection);
  const size_t second = text.find("```indikator\nindikator: Antal personal");
  REQUIRE(second != std::string::npos);
  const size_t close = text.find("\n```\n", second);
  std::string block;
  for (auto line : kv::split_lines(std::string_view(text).substr(second + 3, close - second - 3))) block += "  " + std::string(line) + "\n";
  text = text.substr(0, second) + "  ~~~" + block.substr(2) + "  ~~~~~" + text.substr(close + 4);
  const size_t first = text.find("```indikator\n");
  REQUIRE(first < second);
  const size_t first_close = text.find("\n```\n", first);
  text = text.substr(0, first_close) + "\n`````\n" + text.substr(first_close + 5);
  text.insert(first, "`");
  write(f.content / kSection, text);
  std::string out, err;
  REQUIRE(f.run(false, &out, &err) == 0);
  INFO(out << err);
  const std::string after = read(f.content / kSection);
  CHECK(only_added(text, after));
  CHECK_THAT(after, Contains("\n  utfall: 13\n  kolada_fyllt: [utfall]\n  ~~~~~\n"));
  CHECK_THAT(after, Contains("kvinnor: 84\nmän: 76\nkolada_fyllt: [kvinnor, män]\n`````\n"));
  CHECK_THAT(out, Contains("Kolada: 3 värden ifyllda i 1 filer; 1 avvikelser."));
  // Read back as check reads it: nothing left to fill in.
  REQUIRE(f.run(false, &out, &err) == 0);
  CHECK(read(f.content / kSection) == after);
  CHECK_THAT(out, Contains("Kolada: 0 värden ifyllda i 0 filer; 1 avvikelser."));
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
  CHECK(fetch(api, api + "/forsta", 5, answers, diags));
  CHECK(table.count({"U21468", "V15E018000201", 2024}));
  CHECK(table.count({"U21401", "V15E018000201", 2023}));  // from the next page
  CHECK(kolada::is_municipality("0180"));
  CHECK(!kolada::is_municipality("V15E018000201"));
  CHECK(fetch(api, kolada::unit_values_url(api + "/", "N00945", "0180", 2024), 5, answers, diags));
  CHECK(table.at({"N00945", "0180", 2024}).total == 5.5);
  CHECK(!fetch(api, api + "/trasig", 5, answers, diags));
  CHECK(!fetch(api, api + "/fel", 5, answers, diags));
  CHECK(!fetch(api, api + "/langsam", 1, answers, diags));
  const std::string messages = all_messages(diags);
  CHECK_THAT(messages, Contains("/v2/trasig är inget svar från Kolada (not JSON)"));
  CHECK_THAT(messages, Contains("Kolada svarade med felkod 500"));
  CHECK_THAT(messages, Contains("hämtningen från Kolada blev inte klar inom 1 s"));
  // The whole command against the local server.
  WithKolada f;
  kv::KoladaOptions o;
  o.fetch = true;
  o.api = api;
  o.timeout_s = 5;
  std::ostringstream out, err;
  const int status = kv::run_kolada(context_for(f.content, source_dir() / "templates"), o, out, err);
  INFO(out.str() << err.str());
  CHECK(status == 0);
  CHECK_THAT(read(f.content / kSection), Contains("utfall: 13\nkolada_fyllt: [utfall]\n"));
  // Each KPI and the unit's municipality asked for once; the KPI named by its title.
  CHECK(asked == std::set<std::string>{"/v2/kpi/U21401", "/v2/kpi/U21468", "/v2/ou?municipality=0180"});
  CHECK_THAT(out.str(), Contains("utfall: 13 från Kolada (U21401 ”Antal personal som en hemtjänsttagare möter"));
  // A KPI Kolada does not have: an error, nothing written.
  replace(f.content / kSection, "kolada: U21401", "kolada: U21402");
  std::ostringstream out2, err2;
  CHECK(kv::run_kolada(context_for(f.content, source_dir() / "templates"), o, out2, err2) == 1);
  CHECK_THAT(err2.str(), Contains("error: Kolada har inget nyckeltal U21402"));
  server.stop();
  thread.join();
  // No server: what to do instead.
  kv::Diagnostics offline;
  CHECK(!fetch(api, api + "/forsta", 2, answers, offline));
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

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// A server on 127.0.0.1 for answers cpp-httplib's server cannot give (headers a byte at a
// time): each connection is handed to serve in turn. It stops when the object goes; serve's
// own loops are bounded and watch stop.
class RawServer {
 public:
  using Serve = std::function<void(int fd, const std::atomic<bool>& stop)>;
  explicit RawServer(Serve serve) {
    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    REQUIRE(::bind(listener_, reinterpret_cast<sockaddr*>(&address), size) == 0);
    REQUIRE(::listen(listener_, 16) == 0);
    REQUIRE(::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &size) == 0);
    port = ntohs(address.sin_port);
    thread_ = std::thread([this, serve] {
      while (!stop_) {
        pollfd p{listener_, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0) continue;
        const int fd = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) continue;
        ++connections;
        serve(fd, stop_);
        ::close(fd);
      }
    });
  }
  ~RawServer() {
    stop_ = true;
    thread_.join();
    ::close(listener_);
  }
  std::string api() const { return "http://127.0.0.1:" + std::to_string(port) + "/v2"; }
  int port = 0;
  std::atomic<int> connections{0};

 private:
  int listener_ = -1;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// Reads the request (its headers, bounded), sends head at once and then drip one byte every
// 2 s — each byte well within any per-read timeout.
RawServer::Serve trickle(std::string head, std::string drip) {
  return [head, drip](int fd, const std::atomic<bool>& stop) {
    std::string request;
    char buffer[4096];
    while (request.find("\r\n\r\n") == std::string::npos && request.size() < 65536) {
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 2000) <= 0) return;
      const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) return;
      request.append(buffer, static_cast<size_t>(n));
    }
    if (::send(fd, head.data(), head.size(), MSG_NOSIGNAL) < 0) return;
    for (char c : drip) {
      for (int i = 0; i < 20 && !stop; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
      if (stop || ::send(fd, &c, 1, MSG_NOSIGNAL) != 1) return;
    }
  };
}

// A cpp-httplib server on a free port of 127.0.0.1, listening until the object goes.
struct LocalServer {
  httplib::Server server;
  int port = 0;
  std::thread thread;
  void start() {
    port = server.bind_to_any_port("127.0.0.1");
    REQUIRE(port > 0);
    thread = std::thread([this] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ~LocalServer() {
    server.stop();
    if (thread.joinable()) thread.join();
  }
  std::string origin() const { return "http://127.0.0.1:" + std::to_string(port); }
  std::string api() const { return origin() + "/v2"; }
};

}  // namespace

TEST_CASE("kolada: --tidsgrans is the whole run's deadline, even for a server that trickles its headers or body", "[kolada]") {
  const std::string drip(8, 'a');  // 16 s at most
  // One request to a server that sends head, then drip a byte every 2 s: over in about 3 s.
  auto stopped_at_deadline = [&](const std::string& head) {
    RawServer server(trickle(head, drip));
    kv::Diagnostics diags;
    kolada::Answers answers;
    const auto start = Clock::now();
    CHECK(!fetch(server.api(), server.api() + "/kpi/U21468", 3, answers, diags));
    CHECK(seconds_since(start) < 6);
    CHECK_THAT(all_messages(diags), Contains("hämtningen från Kolada blev inte klar inom 3 s"));
  };
  SECTION("headers, a byte every 2 s") { stopped_at_deadline("HTTP/1.1 200 OK\r\nX-Langsam: "); }
  SECTION("a body, a byte every 2 s") {
    stopped_at_deadline("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{");
  }
  SECTION("the whole command: every request shares the 3 s, and the deadline is said once") {
    RawServer server(trickle("HTTP/1.1 200 OK\r\nX-Langsam: ", drip));
    WithKolada f;
    kv::KoladaOptions o;
    o.fetch = true;
    o.api = server.api();
    o.timeout_s = 3;
    std::ostringstream out, err;
    const auto start = Clock::now();
    CHECK(kv::run_kolada(context_for(f.content, source_dir() / "templates"), o, out, err) == 1);
    CHECK(seconds_since(start) < 6);
    const std::string once = "blev inte klar inom 3 s";
    CHECK(err.str().find(once) != std::string::npos);
    CHECK(err.str().find(once) == err.str().rfind(once));
    CHECK(read(f.content / kSection) == f.before);
  }
}

TEST_CASE("an answer from Kolada over the size limit is an error: endless, chunked or with its length said", "[kolada]") {
  constexpr size_t kCap = 256u << 20;  // the server stops here by itself
  const std::string chunk(64 * 1024, ' ');
  std::atomic<size_t> endless{0}, huge{0};
  LocalServer local;
  local.server.Get("/v2/andlos", [&](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("application/json", [&](size_t, httplib::DataSink& sink) {
      if (endless >= kCap) {
        sink.done();
        return true;
      }
      if (!sink.write(chunk.data(), chunk.size())) return false;
      endless += chunk.size();
      return true;
    });
  });
  local.server.Get("/v2/stor", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content_provider(100u << 20, "application/json", [&](size_t, size_t length, httplib::DataSink& sink) {
      const size_t n = std::min(length, chunk.size());
      if (!sink.write(chunk.data(), n)) return false;
      huge += n;
      return true;
    });
  });
  local.start();
  kv::Diagnostics diags;
  kolada::Answers answers;
  CHECK(!fetch(local.api(), local.api() + "/andlos", 30, answers, diags));
  CHECK(!fetch(local.api(), local.api() + "/stor", 30, answers, diags));
  const std::string messages = all_messages(diags);
  CHECK_THAT(messages, Contains("svaret från " + local.api() + "/andlos är större än gränsen 33 554 432 byte"));
  CHECK_THAT(messages, Contains("svaret från " + local.api() + "/stor är större än gränsen 33 554 432 byte"));
  // Read no further than the limit (and what the sockets hold): memory stays bounded.
  CHECK(endless < kv::limits::kKoladaAnswerBytes + (16u << 20));
  CHECK(huge < kv::limits::kKoladaAnswerBytes);  // Content-Length said it: refused before the body
}

TEST_CASE("redirects and next_page are followed only on the API's own origin", "[kolada]") {
  const std::string first = read(fixtures() / "kolada/u21468-2024.json");
  const std::string second = read(fixtures() / "kolada/u21401-2024.json");
  std::atomic<int> elsewhere{0};
  LocalServer other;  // another port on 127.0.0.1: another origin
  other.server.Get("/v2/sida2", [&](const httplib::Request&, httplib::Response& res) {
    ++elsewhere;
    res.set_content(second, "application/json");
  });
  other.start();
  LocalServer local;
  local.server.Get("/v2/oudata/kpi/U21468/ou/V15E018000201/year/2024", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(first, "application/json");
  });
  local.server.Get("/v2/sida2", [&](const httplib::Request&, httplib::Response& res) { res.set_content(second, "application/json"); });
  local.server.Get("/v2/flyttad", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/v2/oudata/kpi/U21468/ou/V15E018000201/year/2024", 301);
  });
  local.server.Get("/v2/flyttad-helt", [&](const httplib::Request&, httplib::Response& res) {
    res.set_redirect(local.api() + "/sida2", 307);
  });
  local.server.Get("/v2/runt", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("runt", 302); });
  local.server.Get("/v2/bort", [&](const httplib::Request&, httplib::Response& res) { res.set_redirect(other.api() + "/sida2", 302); });
  local.server.Get("/v2/vidare", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(first.substr(0, first.rfind('}')) + ", \"next_page\": \"" + other.api() + "/sida2\"}", "application/json");
  });
  local.start();
  const std::string api = local.api();
  kv::Diagnostics diags;
  kolada::Answers answers;
  // Same origin: followed.
  CHECK(fetch(api, api + "/flyttad", 5, answers, diags));
  CHECK(answers.values.count({"U21468", "V15E018000201", 2024}));
  CHECK(fetch(api, api + "/flyttad-helt", 5, answers, diags));
  CHECK(answers.values.count({"U21401", "V15E018000201", 2024}));
  CHECK(diags.list.items().empty());
  // Elsewhere: an error naming the address, and nothing asked there.
  CHECK(!fetch(api, api + "/bort", 5, answers, diags));
  CHECK(!fetch(api, api + "/vidare", 5, answers, diags));
  CHECK(!fetch(api, api + "/runt", 5, answers, diags));
  const std::string messages = all_messages(diags);
  INFO(messages);
  CHECK_THAT(messages, Contains("Kolada hänvisade till " + other.api() + "/sida2, som inte ligger på API:ets adress " + api.substr(0, api.size() - 3)));
  CHECK_THAT(messages, Contains("Koladas svar pekar vidare (next_page) till " + other.api() + "/sida2"));
  CHECK_THAT(messages, Contains("Kolada hänvisade vidare mer än 5 gånger för " + api + "/runt"));
  CHECK(elsewhere == 0);
  CHECK(kolada::url_origin("HTTPS://API.Kolada.se/v2") == "https://api.kolada.se:443");
  CHECK(kolada::url_origin("http://[::1]:8080/v2?x") == "http://[::1]:8080");
  CHECK(!kolada::url_origin("http://user@127.0.0.1/v2"));
  CHECK(!kolada::url_origin("ftp://api.kolada.se/v2"));
  CHECK(!kolada::url_origin("http://127.0.0.1:99999/v2"));
  // --api that kvalitet cannot ask: one error, before any request.
  WithKolada f;
  kv::KoladaOptions o;
  o.fetch = true;
  o.api = "ftp://api.kolada.se/v2";
  std::ostringstream out, err;
  CHECK(kv::run_kolada(context_for(f.content, source_dir() / "templates"), o, out, err) == 1);
  CHECK_THAT(err.str(), Contains("--api ftp://api.kolada.se/v2 är ingen http- eller https-adress"));
}

TEST_CASE("a saved answer over the limit, no regular file or a link out of --data is an error, never read", "[kolada]") {
  WithKolada f;
  const fs::path data = f.dir.path() / "data";
  fs::create_directories(data);
  fs::copy(fixtures() / "kolada/u21468-2024.json", data / "u21468-2024.json");
  fs::copy(fixtures() / "kolada/u21401-2024.json", data / "u21401-2024.json");
  std::string out, err;
  SECTION("over the limit") {
    std::ofstream(data / "stor.json").close();
    fs::resize_file(data / "stor.json", kv::limits::kKoladaDataFileBytes + 1);  // sparse: no disk used
    CHECK(f.run(false, &out, &err, data.string()) == 1);
    CHECK_THAT(err, Contains("stor.json: error: filen är 33 554 433 byte; ett sparat Kolada-svar får vara högst 33 554 432 byte"));
  }
  SECTION("a FIFO") {
    REQUIRE(::mkfifo((data / "ror.json").c_str(), 0600) == 0);
    CHECK(f.run(false, &out, &err, data.string()) == 1);
    CHECK_THAT(err, Contains("ror.json: error: ”ror.json” är ingen vanlig fil"));
  }
  SECTION("a link out of the folder") {
    write(f.dir.path() / "annan.json", read(fixtures() / "kolada/u21401-2024.json"));
    fs::create_symlink(f.dir.path() / "annan.json", data / "lank.json");
    CHECK(f.run(false, &out, &err, data.string()) == 1);
    CHECK_THAT(err, Contains("lank.json: error: ”lank.json” är en länk som leder utanför katalogen " + data.generic_string()));
  }
  CHECK(read(f.content / kSection) == f.before);
}

TEST_CASE("kolada walks the content as check does: a file or folder linked from outside, or a FIFO, is an error", "[kolada]") {
  WithKolada f;
  const fs::path kind = f.content / "hagersten-alvsjo-hemtjanst/2024/verksamhetsberattelse";
  std::string out, err;
  std::string shown;  // what check says about the same path
  fs::path outside;
  SECTION("a file") {
    outside = f.dir.path() / "utanfor.md";
    fs::rename(f.content / kSection, outside);
    fs::create_symlink(outside, f.content / kSection);
    shown = "”avsnitt-04.md” är en länk som leder utanför innehållsmappen";
  }
  SECTION("a folder") {
    outside = f.dir.path() / "utanfor";
    fs::rename(kind, outside);
    fs::create_symlink(outside, kind);
    outside /= "avsnitt-04.md";
    shown = "”verksamhetsberattelse” är en länk som leder utanför innehållsmappen";
  }
  const std::string outside_before = read(outside);
  CHECK(f.run(false, &out, &err) == 1);
  INFO(out << err);
  const auto validated = kv::validate_content(options_for(f.content, source_dir() / "templates"));
  const kv::Diagnostic* said = find(validated, shown);
  REQUIRE(said);
  CHECK_THAT(err, Contains(kv::format_diagnostic(*said, false)));  // word for word, at the same path
  CHECK(read(outside) == outside_before);
  CHECK_THAT(out, Contains("Kolada: 0 värden ifyllda"));
}

TEST_CASE("kolada reports a FIFO among the sections as check does, without blocking on it", "[kolada]") {
  WithKolada f;
  const fs::path fifo = f.content / "hagersten-alvsjo-hemtjanst/2024/verksamhetsberattelse/avsnitt-99.md";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // A writer that lets a reader through (it would otherwise wait forever), until the run is over.
  std::atomic<bool> over{false};
  std::thread writer([&] {
    while (!over) {
      const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
      if (fd >= 0) ::close(fd);
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  std::string out, err;
  const int status = f.run(false, &out, &err);
  over = true;
  writer.join();
  CHECK(status == 1);
  CHECK_THAT(err, Contains("avsnitt-99.md: error: ”avsnitt-99.md” är ingen vanlig fil"));
  CHECK(read(f.content / kSection) == f.before);
}

TEST_CASE("the author's file is replaced whole: its mode kept, and a write that fails leaves every byte", "[kolada]") {
  {
    WithKolada f;
    const fs::path file = f.content / kSection;
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
    struct stat before {};
    REQUIRE(::stat(file.c_str(), &before) == 0);
    std::string out, err;
    REQUIRE(f.run(false, &out, &err) == 0);
    struct stat after {};
    REQUIRE(::stat(file.c_str(), &after) == 0);
    CHECK((after.st_mode & 07777) == 0600);
    CHECK(after.st_ino != before.st_ino);  // a new file renamed into place, not the old one truncated
    CHECK_THAT(read(file), Contains("utfall: 13\nkolada_fyllt: [utfall]\n"));
  }
  {
    // A link that stays inside the content folder is followed: its target is rewritten, the
    // link stays a link.
    WithKolada f;
    const fs::path link = f.content / kSection;
    const fs::path target = link.parent_path() / "delad" / "avsnitt-04.md";
    fs::create_directories(target.parent_path());
    fs::rename(link, target);
    fs::create_symlink("delad/avsnitt-04.md", link);
    std::string out, err;
    CHECK(f.run(false, &out, &err) == 0);
    INFO(out << err);
    CHECK(fs::is_symlink(fs::symlink_status(link)));
    CHECK_THAT(read(target), Contains("utfall: 13\nkolada_fyllt: [utfall]\n"));
  }
  // A write that stops half-way — here at the file size limit, as on a full disk: an error
  // naming the file, every byte of it kept, no temporary file left beside it.
  WithKolada f;
  const fs::path file = f.content / kSection;
  auto listing = [&] {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(file.parent_path())) names.insert(e.path().filename().string());
    return names;
  };
  const auto names_before = listing();
  rlimit old_limit{};
  REQUIRE(::getrlimit(RLIMIT_FSIZE, &old_limit) == 0);
  rlimit small = old_limit;
  small.rlim_cur = f.before.size() / 2;
  const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
  std::string out, err;
  int status = -1;
  try {
    status = f.run(false, &out, &err);
  } catch (...) {
    status = -2;  // an exception is the internal error the command must not give
  }
  ::setrlimit(RLIMIT_FSIZE, &old_limit);
  std::signal(SIGXFSZ, old_handler);
  INFO(out << err);
  CHECK(status == 1);
  CHECK_THAT(err, Contains(std::string(kSection) + ": error: filen kunde inte skrivas"));
  CHECK_THAT(err, Contains("filen är oförändrad"));
  CHECK(read(file) == f.before);
  CHECK(listing() == names_before);
  CHECK_THAT(out, Contains("Kolada: 0 värden ifyllda i 0 filer"));
}
