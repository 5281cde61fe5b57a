// kvalitet serve: the site served from a private folder with live reload, the error page and
// the source view, run in-process on a free port against a copy of the content.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <iostream>
#include <thread>

#include "serve/build_report.h"
#include "serve/error_page.h"
#include "serve/http_request.h"
#include "serve/http_response.h"
#include "serve/reload_script.h"
#include "serve/session.h"
#include "serve/site_files.h"
#include "serve/watcher.h"
#include "support.h"
#include "util/escape.h"
#include "util/url.h"

using namespace kvtest;
using namespace std::chrono_literals;
namespace serve = kv::serve;
using Clock = std::chrono::steady_clock;

namespace {

// A copy of a content folder with its own templates and themes (so that nothing another
// process changes in the source tree triggers a build), served on a free port.
struct Served {
  TempDir tmp;
  fs::path content = tmp.path() / "content";
  fs::path published = tmp.path() / "output";  // must never be touched
  std::ostringstream out, err;
  std::unique_ptr<serve::Session> session;

  explicit Served(const fs::path& from, const fs::path& templates, std::optional<kv::Lang> lang = {}) {
    fs::copy(from, content, fs::copy_options::recursive);
    fs::copy(templates, tmp.path() / "templates", fs::copy_options::recursive);
    fs::copy(source_dir() / "themes", tmp.path() / "themes", fs::copy_options::recursive);
    write(published / "index.html", "published\n");
    write(published / ".kvalitet-output", "kvalitet\n");
    kv::PipelineOptions p = options_for(content, tmp.path() / "templates");
    p.themes_dir = (tmp.path() / "themes").string();
    p.output_dir = published.string();
    p.lang = lang;
    session = std::make_unique<serve::Session>(serve::ServeOptions{p, 0}, out, err);
    REQUIRE(session->start());
  }
  explicit Served(std::optional<kv::Lang> lang = {}) : Served(fixtures() / "valid", fixtures() / "templates", lang) {}

  httplib::Client client() const {
    httplib::Client c("127.0.0.1", session->port());
    c.set_read_timeout(20s);
    return c;
  }
  std::string get(const std::string& path, int expect = 200) const {
    auto res = client().Get(path.c_str());
    REQUIRE(res);
    CHECK(res->status == expect);
    return res->body;
  }
  std::uint64_t generation() const { return session->state().current()->generation; }
  // Waits for the build after generation `after` (the watcher sees the edit, then builds).
  void wait_for_build(std::uint64_t after) const {
    const auto give_up = Clock::now() + 30s;
    while (generation() <= after && Clock::now() < give_up) std::this_thread::sleep_for(5ms);
    REQUIRE(generation() > after);
  }
  // Waits until a build for which ready holds (a copy of many files may take several builds).
  template <class Ready>
  void wait_until(Ready ready) const {
    const auto give_up = Clock::now() + 30s;
    while (!ready(*session->state().current()) && Clock::now() < give_up) std::this_thread::sleep_for(5ms);
    REQUIRE(ready(*session->state().current()));
  }
};

// An open tab's event stream, read in the background.
class EventClient {
 public:
  EventClient(int port, std::uint64_t since) {
    thread_ = std::thread([this, port, since] {
      httplib::Client c("127.0.0.1", port);
      c.set_read_timeout(30s);
      c.Get(("/_kvalitet/handelser?sedan=" + std::to_string(since)).c_str(), [this](const char* data, size_t n) {
        std::lock_guard lock(mutex_);
        stream_.append(data, n);
        connected_ = true;
        if (stream_.find("event: reload") == std::string::npos) return true;
        reload_at_ = Clock::now();
        reloaded_ = true;
        return false;
      });
      ended_ = true;
    });
  }
  ~EventClient() { thread_.join(); }
  bool wait(const std::atomic<bool>& flag) const {
    const auto give_up = Clock::now() + 30s;
    while (!flag && Clock::now() < give_up) std::this_thread::sleep_for(1ms);
    return flag;
  }
  bool wait_connected() const { return wait(connected_); }
  bool wait_reload() const { return wait(reloaded_); }
  bool wait_ended() const { return wait(ended_); }
  Clock::time_point reload_at() const {
    std::lock_guard lock(mutex_);
    return reload_at_;
  }
  std::string stream() const {
    std::lock_guard lock(mutex_);
    return stream_;
  }

 private:
  std::thread thread_;
  mutable std::mutex mutex_;
  std::string stream_;
  Clock::time_point reload_at_;
  std::atomic<bool> connected_{false}, reloaded_{false}, ended_{false};
};

// A raw connection to serve, for what an HTTP client library does not do: sending a
// request head slowly, holding a connection open half-sent.
class RawClient {
 public:
  explicit RawClient(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = fd_ >= 0 && ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  }
  ~RawClient() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;
  bool connected() const { return connected_; }
  // False once the server has closed the connection (or it failed).
  bool send(std::string_view data) const {
    return ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(data.size());
  }
  // Reads what arrives within limit, until the server closes the connection or, when
  // until is given, until the data contains it. closed: the server closed (or reset) it.
  struct Reply {
    std::string data;
    bool closed = false;
  };
  Reply read_for(std::chrono::milliseconds limit, std::string_view until = {}) const {
    Reply r;
    const auto give_up = Clock::now() + limit;
    while (Clock::now() < give_up) {
      pollfd p{fd_, POLLIN, 0};
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(give_up - Clock::now()).count();
      if (::poll(&p, 1, static_cast<int>(std::max<long>(left, 0))) <= 0) break;
      char buffer[4096];
      const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) {
        r.closed = true;
        break;
      }
      r.data.append(buffer, static_cast<size_t>(n));
      if (!until.empty() && r.data.find(until) != std::string::npos) break;
    }
    return r;
  }
  // True when the server has closed the connection by now (what it sent before is dropped).
  bool closed_now() const {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, 0) <= 0) return false;
    char buffer[4096];
    ssize_t n;
    while ((n = ::recv(fd_, buffer, sizeof buffer, MSG_DONTWAIT)) > 0) {
    }
    return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
};

// Clients that send a request head one header line at a time, every `every`, in a thread
// of their own, for at most `rounds` lines each; the way a hostile local program holds a
// server's threads.
class SlowClients {
 public:
  SlowClients(int port, int count, std::chrono::milliseconds every, int rounds) {
    for (int i = 0; i < count; ++i) {
      clients_.push_back(std::make_unique<RawClient>(port));
      clients_.back()->send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    }
    thread_ = std::thread([this, every, rounds] {
      for (int round = 0; round < rounds && !stop_; ++round) {
        for (int slept = 0; slept < every.count() && !stop_; slept += 10) std::this_thread::sleep_for(10ms);
        for (size_t i = 0; i < clients_.size() && !stop_; ++i)
          clients_[i]->send("X-Langsam-" + std::to_string(round) + ": " + std::to_string(i) + "\r\n");
      }
    });
  }
  ~SlowClients() {
    stop_ = true;
    thread_.join();
  }
  size_t connected() const {
    size_t n = 0;
    for (const auto& c : clients_) n += c->connected();
    return n;
  }

 private:
  std::vector<std::unique_ptr<RawClient>> clients_;
  std::thread thread_;
  std::atomic<bool> stop_{false};
};

long long ms_since(Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count();
}

std::string file_list(const fs::path& dir) {
  std::string s;
  for (const auto& e : fs::recursive_directory_iterator(dir)) s += e.path().string() + "\n";
  return s;
}

}  // namespace

TEST_CASE("serve: the reload script goes before the last </body>, or at the end", "[serve]") {
  const std::string page = serve::inject_reload_script("<p>x</p></BODY></html>", 7);
  CHECK(page.find("<script>") < page.find("</BODY>"));
  CHECK(page.find("/_kvalitet/handelser?sedan=7") != std::string::npos);
  CHECK(page.substr(page.size() - 7) == "</html>");
  const std::string bare = serve::inject_reload_script("<p>x</p>", 1);
  CHECK(bare.starts_with("<p>x</p><script>"));
  // The banner goes right after the opening <body …> tag.
  CHECK(serve::inject_after_body_start("<html><BODY class=\"a\"><p>x</p></body>", "[B]") ==
        "<html><BODY class=\"a\">[B]<p>x</p></body>");
  CHECK(serve::inject_after_body_start("<bodyx><body data-x=1><p>", "[B]") == "<bodyx><body data-x=1>[B]<p>");
  CHECK(serve::inject_after_body_start("<p>x</p>", "[B]") == "[B]<p>x</p>");
}

TEST_CASE("serve: request paths map only to files inside the site folder", "[serve]") {
  TempDir t;
  write(t.path() / "index.html", "start");
  write(t.path() / "enheter" / "a" / "index.html", "a");
  write(t.path() / ".kvalitet-output", "kvalitet\n");
  using Kind = serve::SiteFile::Kind;
  CHECK(serve::resolve_site_path(t.path(), "/").file == t.path() / "index.html");
  CHECK(serve::resolve_site_path(t.path(), "/enheter/a/").kind == Kind::kFile);
  auto redirect = serve::resolve_site_path(t.path(), "/enheter/a");
  CHECK(redirect.kind == Kind::kRedirect);
  CHECK(redirect.location == "/enheter/a/");
  for (const char* bad : {"/../x-hemlig.txt", "/enheter/../../etc/passwd", "/.kvalitet-output", "relative",
                          "/enheter/a\r\nSet-Cookie: x/", "/saknas.html"})
    CHECK(serve::resolve_site_path(t.path(), bad).kind == Kind::kMissing);
  fs::create_symlink("/etc/passwd", t.path() / "ut.txt");
  CHECK(serve::resolve_site_path(t.path(), "/ut.txt").kind == Kind::kMissing);
  CHECK(serve::content_type_for("a/b.CSS") == "text/css; charset=utf-8");
}

TEST_CASE("serve: editors' swap and backup files are not changes", "[serve]") {
  for (const char* name : {"fraga-01.md", "enhet.yaml", "ny-mapp", ""}) CHECK(serve::is_change_worth_a_build(name));
  for (const char* name : {".fraga-01.md.swp", "fraga-01.md~", "#fraga-01.md#", ".#fraga-01.md", "4913", "x.swx", "x.swo", "~$svar.docx", "Thumbs.db"})
    CHECK_FALSE(serve::is_change_worth_a_build(name));
}

TEST_CASE("serve: the watcher sees a save by rename, a new folder and files in it, and stops", "[serve]") {
  TempDir t;
  write(t.path() / "a" / "fraga-01.md", "x");
  serve::Watcher w({t.path()});
  std::atomic<bool> changed{false};
  auto wait_one = [&] {
    std::thread th([&] { changed = w.wait_for_change(20ms); });
    return th;
  };
  std::thread th = wait_one();
  // An editor's save: a new file renamed over the old one.
  write(t.path() / "a" / "fraga-01.md.tmp", "y");
  fs::rename(t.path() / "a" / "fraga-01.md.tmp", t.path() / "a" / "fraga-01.md");
  th.join();
  CHECK(changed);
  // A folder made after the watch began, then a file saved in it.
  fs::create_directories(t.path() / "b" / "c");
  changed = false;
  th = wait_one();
  th.join();
  CHECK(changed);
  changed = false;
  th = wait_one();
  std::this_thread::sleep_for(50ms);
  write(t.path() / "b" / "c" / "ny.md", "z");
  th.join();
  CHECK(changed);
  // Only a swap file: no change; stop() ends the wait.
  th = std::thread([&] { changed = w.wait_for_change(20ms); });
  write(t.path() / "a" / ".fraga-01.md.swp", "swap");
  std::this_thread::sleep_for(100ms);
  w.stop();
  th.join();
  CHECK_FALSE(changed);
}

TEST_CASE("serve: the watcher names what changed, and a save made while a build runs is waiting for the next wait",
          "[serve]") {
  TempDir t;
  write(t.path() / "a" / "fraga-01.md", "x");
  write(t.path() / "a" / "fraga-02.md", "x");
  serve::Watcher w({t.path()});
  CHECK_FALSE(w.changes_waiting());
  std::thread th([&] { CHECK(w.wait_for_change(20ms)); });
  write(t.path() / "a" / "fraga-01.md.tmp", "y");  // saved by a rename, beside a swap file
  write(t.path() / "a" / ".fraga-01.md.swp", "swap");
  fs::rename(t.path() / "a" / "fraga-01.md.tmp", t.path() / "a" / "fraga-01.md");
  th.join();
  REQUIRE(w.changed());
  CHECK(*w.changed() == std::set<fs::path>{t.path() / "a" / "fraga-01.md", t.path() / "a" / "fraga-01.md.tmp"});
  // A build runs now; a save meanwhile is seen without waiting, and the next wait returns
  // with it at once.
  CHECK_FALSE(w.changes_waiting());
  write(t.path() / "a" / "fraga-02.md", "y");
  std::this_thread::sleep_for(20ms);
  CHECK(w.changes_waiting());
  CHECK(w.changes_waiting());  // still, until handed out
  CHECK(w.wait_for_change(20ms));
  REQUIRE(w.changed());
  CHECK(*w.changed() == std::set<fs::path>{t.path() / "a" / "fraga-02.md"});
  CHECK_FALSE(w.changes_waiting());
}

TEST_CASE("serve: the start page comes with the reload script, the published output is never touched", "[serve]") {
  std::optional<Served> s(std::in_place);
  const fs::path private_dir = s->session->private_dir();
  const std::string before = file_list(s->published);
  CHECK(s->generation() == 1);
  CHECK(s->session->port() > 0);
  std::string page = s->get("/");
  CHECK(page.find("Provwebbplats") != std::string::npos);
  const size_t script = page.find("<script>/* kvalitet serve */");
  REQUIRE(script != std::string::npos);
  CHECK(script < page.rfind("</body>"));
  CHECK(page.find("/_kvalitet/handelser?sedan=1") != std::string::npos);
  // Files that are not pages come as they are.
  auto css = s->client().Get("/assets/style.css");
  REQUIRE(css);
  CHECK(css->status == 200);
  CHECK(css->get_header_value("Content-Type") == "text/css; charset=utf-8");
  CHECK(css->body.find("kvalitet serve") == std::string::npos);
  // A folder without its '/' is redirected; unknown addresses get serve's own page.
  auto folder = s->client().Get("/assets");
  REQUIRE(folder);
  CHECK(folder->status == 302);
  CHECK(s->get("/finns-inte/", 404).find("Sidan finns inte") != std::string::npos);
  CHECK(s->get("/%2e%2e/%2e%2e/%2e%2e/etc/passwd", 404).find("root:") == std::string::npos);
  // Only the loopback names: another Host is a page elsewhere reaching in (DNS rebinding).
  auto rebound = s->client().Get("/", {{"Host", "angripare.example:8080"}});
  REQUIRE(rebound);
  CHECK(rebound->status == 403);
  // The build went into the private folder, never into the published one.
  CHECK(fs::exists(private_dir / "site" / "index.html"));
  CHECK(private_dir.string().find(s->tmp.path().string()) == std::string::npos);
  replace(submission_dir(s->content) / "fraga-01.md", "Vi lyssnar på brukarna.", "Vi lyssnar noga.");
  const auto g = s->generation();
  s->wait_for_build(g);
  CHECK(s->session->state().current()->ok);
  CHECK(file_list(s->published) == before);
  CHECK(read(s->published / "index.html") == "published\n");
  s.reset();
  CHECK_FALSE(fs::exists(private_dir));
}

TEST_CASE("serve: saving one answer of the example content reloads an open tab with the new text", "[serve]") {
  Served s(source_dir() / "content", source_dir() / "templates");
  const fs::path answer = s.content / "skarholmen-omsorg-om-aldre" / "2018" / "kvalitetsutmarkelsen" / "fraga-01.md";
  const std::string page_path = "/2018/skarholmen-omsorg-om-aldre/kvalitetsutmarkelsen/fraga-01/";
  const std::string added = "Sparat i dag: brukarna får svar inom en timme.";
  CHECK(s.get(page_path).find(added) == std::string::npos);
  EventClient tab(s.session->port(), s.generation());
  REQUIRE(tab.wait_connected());
  // Saved the way many editors do: a new file renamed over the old one.
  std::string text = read(answer);
  const size_t at = text.find("## Brukare i centrum");
  REQUIRE(at != std::string::npos);
  text.insert(at, added + "\n\n");
  write(answer.string() + ".ny", text);
  const auto saved = Clock::now();
  fs::rename(answer.string() + ".ny", answer);
  REQUIRE(tab.wait_reload());
  const std::string page = s.get(page_path);
  const auto shown = Clock::now();
  CHECK(page.find(added) != std::string::npos);
  const auto ms = [](auto d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };
  // Measured and reported, not asserted: the time depends on the machine and its load.
  std::cout << "serve round trip on the example content: reload event " << ms(tab.reload_at() - saved)
            << " ms, new page fetched " << ms(shown - saved) << " ms after the save\n";
  WARN("serve round trip: reload event " << ms(tab.reload_at() - saved) << " ms, page " << ms(shown - saved)
                                         << " ms");
}

TEST_CASE("serve: a broken file is listed with a link to its line, the pages carry a banner, fixing it brings the site back",
          "[serve]") {
  Served s;
  const fs::path unit = s.content / "provenhet" / "enhet.yaml";
  EventClient tab(s.session->port(), s.generation());
  REQUIRE(tab.wait_connected());
  auto g = s.generation();
  replace(unit, "namn: Provenheten", "namm: Provenheten");
  s.wait_for_build(g);
  REQUIRE(tab.wait_reload());  // the open tab is told to reload, and shows the banner
  // The unit's own file: its documents are still shown (under the folder's name).
  CHECK(s.session->state().current()->ok);
  const std::string list = s.get(serve::kProblemsPath);
  CHECK(list.find("Innehållet har fel") != std::string::npos);
  CHECK(list.find("<script>/* kvalitet serve */") != std::string::npos);
  const std::string place = unit.generic_string() + ":1:1";
  CHECK(list.find(kv::html_escape(place)) != std::string::npos);
  CHECK(list.find("namm") != std::string::npos);
  const std::string href = serve::source_href(unit.generic_string(), 1);
  CHECK(href.ends_with("#rad-1"));
  CHECK(list.find("<a href=\"" + kv::html_escape(href) + "\">") != std::string::npos);
  // Every page of the site says so at its top, and links to the list; the terminal lists it.
  for (const char* path : {"/", "/enheter/provenhet/"}) {
    const std::string page = s.get(path);
    const size_t banner = page.find("<aside class=\"kvalitet-serve-fel\"");
    REQUIRE(banner != std::string::npos);
    CHECK(banner > page.find("<body"));
    CHECK(banner < page.find("<header"));
    CHECK(page.find("Innehållet har 1 fel", banner) != std::string::npos);
    CHECK(page.find("href=\"/_kvalitet/fel\"", banner) != std::string::npos);
  }
  CHECK(s.err.str().find(place + ": error:") != std::string::npos);
  // The private build folder is serve's own business: no message names it.
  CHECK(s.err.str().find(s.session->private_dir().string()) == std::string::npos);
  // The link leads to the file, one anchor per line.
  const std::string source = s.get(href.substr(0, href.find('#')));
  CHECK(source.find("id=\"rad-1\"") != std::string::npos);
  CHECK(source.find("namm: Provenheten") != std::string::npos);
  // Fixed: the site is back, without the banner.
  g = s.generation();
  replace(unit, "namm: Provenheten", "namn: Provenheten");
  s.wait_for_build(g);
  CHECK(s.session->state().current()->ok);
  const std::string back = s.get("/");
  CHECK(back.find("kvalitet-serve-fel") == std::string::npos);
  CHECK(back.find("Provwebbplats") != std::string::npos);
  CHECK(s.get(serve::kProblemsPath).find("Innehållet har inga fel") != std::string::npos);
}

TEST_CASE("serve: an error outside every unit (site.yaml) shows the list on every page until it is fixed", "[serve]") {
  Served s;
  auto g = s.generation();
  replace(s.content / "site.yaml", "språk: sv", "språk: xx");
  s.wait_for_build(g);
  CHECK_FALSE(s.session->state().current()->ok);
  for (const char* path : {"/", "/2020/provenhet/prov/fraga-01/", "/enheter/provenhet/"}) {
    const std::string page = s.get(path);
    CHECK(page.find("Innehållet har fel") != std::string::npos);
    CHECK(page.find("Webbplatsen kan inte byggas") != std::string::npos);
    CHECK(page.find("språk") != std::string::npos);
  }
  CHECK(s.err.str().find("Webbplatsen kunde inte byggas: 1 fel") != std::string::npos);
  g = s.generation();
  replace(s.content / "site.yaml", "språk: xx", "språk: sv");
  s.wait_for_build(g);
  CHECK(s.get("/").find("Provwebbplats") != std::string::npos);
}

TEST_CASE("serve: one unit's broken answer shows on that document's pages, every other unit's pages are served as usual",
          "[serve]") {
  Served s;
  // A second unit with the same document.
  fs::copy(s.content / "provenhet", s.content / "andraenheten", fs::copy_options::recursive);
  replace(s.content / "andraenheten" / "enhet.yaml", "namn: Provenheten", "namn: Andra enheten");
  const std::string other_page = "/2020/andraenheten/prov/fraga-01/";
  s.wait_until([&](const serve::Snapshot&) {
    auto res = s.client().Get(other_page.c_str());
    return res && res->status == 200 && res->body.find("Andra enheten") != std::string::npos;
  });
  // One answer of the first unit broken: a survey figure that is not a number.
  const fs::path answer = submission_dir(s.content) / "fraga-01.md";
  replace(answer, "totalt: 76", "totalt: sjuttiosex");
  s.wait_until([](const serve::Snapshot& snap) { return snap.errors > 0; });
  const auto snap = s.session->state().current();
  CHECK(snap->ok);
  CHECK(snap->errors == 1);
  // The other unit: its page as usual, with its content and the banner.
  const std::string page = s.get(other_page);
  CHECK(page.find("Andra enheten") != std::string::npos);
  CHECK(page.find("Vi lyssnar på brukarna.") != std::string::npos);
  CHECK(page.find("Blev du väl bemött?") != std::string::npos);
  CHECK(page.find("Dokumentet har fel") == std::string::npos);
  const size_t banner = page.find("<aside class=\"kvalitet-serve-fel\"");
  REQUIRE(banner != std::string::npos);
  CHECK(page.find("Innehållet har 1 fel", banner) != std::string::npos);
  CHECK(s.get("/2020/andraenheten/prov/").find("Andra enheten") != std::string::npos);
  CHECK(s.get("/").find("Andra enheten") != std::string::npos);
  // The broken document: each of its pages shows its own error, linked to the line.
  for (const char* path : {"/2020/provenhet/prov/fraga-01/", "/2020/provenhet/prov/", "/2020/provenhet/prov/fraga-02/",
                           "/2020/provenhet/prov/utskrift.html", "/enheter/provenhet/"}) {
    INFO(path);
    const std::string broken = s.get(path);
    CHECK(broken.find("Dokumentet har fel") != std::string::npos);
    CHECK(broken.find("sjuttiosex") != std::string::npos);
    CHECK(broken.find(kv::html_escape(serve::source_href(answer.generic_string(), 14))) != std::string::npos);
    CHECK(broken.find("Andra enheten") == std::string::npos);
    CHECK(broken.find("<script>/* kvalitet serve */") != std::string::npos);
  }
  // Fixed: the document is back.
  replace(answer, "totalt: sjuttiosex", "totalt: 76");
  s.wait_until([](const serve::Snapshot& snap) { return snap.errors == 0; });
  const std::string fixed = s.get("/2020/provenhet/prov/fraga-01/");
  CHECK(fixed.find("Dokumentet har fel") == std::string::npos);
  CHECK(fixed.find("Vi lyssnar på brukarna.") != std::string::npos);
  CHECK(fixed.find("kvalitet-serve-fel") == std::string::npos);
}

TEST_CASE("serve: after the first build the terminal gets only new problems and one line of counts per save", "[serve]") {
  Served s;
  const fs::path answer = submission_dir(s.content) / "fraga-01.md";
  const fs::path second = submission_dir(s.content) / "fraga-02.md";
  const std::string first = s.out.str() + s.err.str();
  CHECK(first.find("Webbplatsen är uppdaterad (") != std::string::npos);
  // A problem the site has all along, printed by the build that found it only.
  auto g = s.generation();
  replace(s.content / "provenhet" / "enhet.yaml", "namn: Provenheten", "namn: Provenheten\nokänd_nyckel: x");
  s.wait_for_build(g);
  const auto known_count = [&](const std::string& text) {
    size_t n = 0;
    for (size_t at = text.find("okänd_nyckel"); at != std::string::npos; at = text.find("okänd_nyckel", at + 1)) ++n;
    return n;
  };
  REQUIRE(s.session->state().current()->errors >= 1);
  s.out.str("");
  s.err.str("");
  // One new error: it is printed, the one already known is not, and the line counts both.
  g = s.generation();
  replace(answer, "totalt: 76", "totalt: sjuttiosex");
  s.wait_for_build(g);
  std::string printed = s.out.str() + s.err.str();
  CHECK(printed.find(answer.generic_string() + ":14:") != std::string::npos);
  CHECK(known_count(printed) == 0);
  CHECK(printed.find("2 fel (1 nytt)") != std::string::npos);
  // One fixed, another made: both said, only the new one printed.
  s.out.str("");
  s.err.str("");
  g = s.generation();
  replace(answer, "totalt: sjuttiosex", "totalt: 76");
  replace(second, "fråga: 2", "fråga: 2\nokänd: 1");
  s.wait_for_build(g);
  printed = s.out.str() + s.err.str();
  CHECK(printed.find(answer.generic_string() + ":14:") == std::string::npos);
  CHECK(printed.find(second.generic_string() + ":") != std::string::npos);
  CHECK(known_count(printed) == 0);
  CHECK(printed.find("2 fel (1 nytt, 1 åtgärdat)") != std::string::npos);
  // A save that changes no problem: the counts alone.
  s.out.str("");
  s.err.str("");
  g = s.generation();
  replace(second, "okänd: 1", "okänd: 2");
  s.wait_for_build(g);
  printed = s.out.str() + s.err.str();
  CHECK(printed.find(": error:") == std::string::npos);
  CHECK(printed.find("Webbplatsen är uppdaterad (") != std::string::npos);
  CHECK(printed.find("): 2 fel") != std::string::npos);
  CHECK(printed.find("nytt") == std::string::npos);
  CHECK(printed.find("åtgärdat") == std::string::npos);
}

TEST_CASE("serve: counts and changes between two builds' diagnostics", "[serve]") {
  auto d = [](kv::Severity sev, std::string path, int line, std::string message) {
    return kv::Diagnostic{sev, {std::move(path), line, 1}, std::move(message), ""};
  };
  const auto E = kv::Severity::kError, W = kv::Severity::kWarning;
  const std::vector<kv::Diagnostic> before = {d(E, "a.md", 3, "x"), d(E, "b.md", 1, "y"), d(W, "c.md", 1, "z")};
  // The same problem on another line (a line added above it) is not new.
  const std::vector<kv::Diagnostic> after = {d(E, "a.md", 4, "x"), d(E, "d.md", 1, "n"), d(E, "d.md", 2, "m"),
                                             d(W, "c.md", 1, "z")};
  CHECK(serve::new_diagnostics(after, before).size() == 2);
  CHECK(serve::diagnostic_counts(after, &before, kv::Lang::kSv) == "3 fel (2 nya, 1 åtgärdat), 1 varning");
  CHECK(serve::diagnostic_counts(after, &before, kv::Lang::kEn) == "3 errors (2 new, 1 fixed), 1 warning");
  CHECK(serve::diagnostic_counts(before, nullptr, kv::Lang::kSv) == "2 fel, 1 varning");
  CHECK(serve::diagnostic_counts({}, &before, kv::Lang::kSv) == "0 fel (2 åtgärdade), 0 varningar (1 åtgärdad)");
  CHECK(serve::diagnostic_counts({}, nullptr, kv::Lang::kSv).empty());
}

TEST_CASE("serve: the list of problems escapes what the author wrote and speaks English with --lang en", "[serve]") {
  Served s(kv::Lang::kEn);
  auto g = s.generation();
  replace(s.content / "provenhet" / "enhet.yaml", "namn: Provenheten", "<script>alert(1)</script>: x");
  s.wait_for_build(g);
  const std::string page = s.get(serve::kProblemsPath);
  CHECK(page.find("The content has errors") != std::string::npos);
  CHECK(page.find("<script>alert(1)") == std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(1)") != std::string::npos);
  const std::string start = s.get("/");
  CHECK(start.find("The content has ") != std::string::npos);
  CHECK(start.find("Show every error and warning") != std::string::npos);
}

TEST_CASE("serve: the source view shows only files inside the content, templates and themes folders", "[serve]") {
  Served s;
  auto view = [&](const std::string& path) {
    auto res = s.client().Get(serve::kSourcePath, httplib::Params{{"fil", path}}, httplib::Headers{});
    REQUIRE(res);
    return res->status;
  };
  const fs::path inside = submission_dir(s.content) / "fraga-01.md";
  CHECK(view(inside.string()) == 200);
  CHECK(view((s.tmp.path() / "templates").string() + "/structures/" +
             fs::directory_iterator(s.tmp.path() / "templates" / "structures")->path().filename().string()) == 200);
  CHECK(view("/etc/passwd") == 403);
  CHECK(view("../../../../../../../../etc/passwd") == 403);
  CHECK(view(s.content.string() + "/../../../../../../../../etc/passwd") == 403);
  CHECK(view(s.content.string()) == 403);  // a folder
  fs::create_symlink("/etc/passwd", s.content / "provenhet" / "lank.md");
  CHECK(view((s.content / "provenhet" / "lank.md").string()) == 403);
  write(s.tmp.path() / "bredvid.md", "utanför");
  CHECK(view((s.tmp.path() / "bredvid.md").string()) == 403);
  CHECK(view(s.session->private_dir().string() + "/site/index.html") == 403);
}

TEST_CASE("serve: stop ends open event streams, a taken port is refused with a message", "[serve]") {
  std::optional<Served> s(std::in_place);
  {
    EventClient tab(s->session->port(), s->generation());
    REQUIRE(tab.wait_connected());
    // A second serve on the same port cannot start, and says why.
    kv::PipelineOptions p = options_for(s->content, s->tmp.path() / "templates");
    std::ostringstream out, err;
    serve::Session second(serve::ServeOptions{p, s->session->port()}, out, err);
    CHECK_FALSE(second.start());
    CHECK(err.str().find("port " + std::to_string(s->session->port())) != std::string::npos);
    s->session->stop();
    CHECK(tab.wait_ended());
    CHECK_FALSE(tab.stream().find("event: reload") != std::string::npos);
  }
  const fs::path private_dir = s->session->private_dir();
  s.reset();
  CHECK_FALSE(fs::exists(private_dir));
}

TEST_CASE("serve: an answer's page shows its readability (LIX), and whether it is above site.yaml's limit",
          "[serve]") {
  Served s;
  const std::string page_path = "/2020/provenhet/prov/fraga-01/";
  std::string page = s.get(page_path);
  const size_t badge = page.find("<aside class=\"kvalitet-serve-lix\"");
  REQUIRE(badge != std::string::npos);
  CHECK(badge < page.rfind("</body>"));
  CHECK(page.find("LIX ", badge) != std::string::npos);
  CHECK(page.find("Fråga 1", badge) != std::string::npos);
  CHECK(page.find("över gränsen") == std::string::npos);
  // The introduction's on the document's overview; pages without an answer get none.
  CHECK(s.get("/2020/provenhet/prov/").find("Inledningen") != std::string::npos);
  CHECK(s.get("/").find("kvalitet-serve-lix") == std::string::npos);
  // Only what serve answers: the built file has no such note.
  CHECK(read(s.session->private_dir() / "site" / "2020/provenhet/prov/fraga-01/index.html").find("kvalitet-serve-lix") ==
        std::string::npos);
  write(s.content / "site.yaml", read(s.content / "site.yaml") + "lix_gräns: 10\n");
  const auto g = s.generation();
  s.wait_for_build(g);
  CHECK(s.get(page_path).find("över gränsen 10 i site.yaml") != std::string::npos);
}

TEST_CASE("serve: 64 clients sending their request heads slowly do not hold up a page, nor stop()", "[serve]") {
  Served s;
  SlowClients slow(s.session->port(), 64, 2000ms, 4);
  REQUIRE(slow.connected() == 64);
  std::this_thread::sleep_for(300ms);  // every one of them is being read by now
  const auto asked = Clock::now();
  httplib::Client c("127.0.0.1", s.session->port());
  c.set_connection_timeout(5s);
  c.set_read_timeout(5s);
  auto res = c.Get("/");
  const auto took = ms_since(asked);
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->body.find("Provwebbplats") != std::string::npos);
  CHECK(took < 2000);
  // Ctrl-C ends serve at once, whoever is still sending.
  const auto stopping = Clock::now();
  s.session->stop();
  CHECK(ms_since(stopping) < 2000);
}

TEST_CASE("serve: a client that trickles its request head is dropped at the deadline", "[serve]") {
  Served s;
  RawClient c(s.session->port());
  REQUIRE(c.connected());
  const auto connected = Clock::now();
  REQUIRE(c.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Langsam: "));
  bool dropped = false;
  // One byte every half second: each read is quick, the whole head never comes.
  for (int i = 0; i < 20 && !dropped; ++i) {
    std::this_thread::sleep_for(500ms);
    dropped = c.closed_now() || !c.send("a");
  }
  const auto took = ms_since(connected);
  CHECK(dropped);
  CHECK(took < 8000);
  CHECK(took >= 4000);
  // Others are served all along.
  s.get("/");
}

TEST_CASE("serve: a request head larger than the limit is refused and the connection closed", "[serve]") {
  Served s;
  RawClient c(s.session->port());
  REQUIRE(c.connected());
  std::string head = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  while (head.size() < 20 * 1024) head += "X-Stor: " + std::string(100, 'a') + "\r\n";
  c.send(head);
  auto reply = c.read_for(5000ms);
  CHECK(reply.closed);
  CHECK((reply.data.empty() || reply.data.starts_with("HTTP/1.1 431")));
  s.get("/");
}

TEST_CASE("serve: beyond the connection cap a new connection is refused at once, open ones still work", "[serve]") {
  Served s;
  constexpr int kCap = 128;
  std::vector<std::unique_ptr<RawClient>> held;
  for (int i = 0; i < kCap; ++i) {
    held.push_back(std::make_unique<RawClient>(s.session->port()));
    REQUIRE(held.back()->connected());
    REQUIRE(held.back()->send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
  }
  std::this_thread::sleep_for(200ms);
  const auto asked = Clock::now();
  {
    RawClient extra(s.session->port());
    REQUIRE(extra.connected());
    extra.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    auto reply = extra.read_for(2000ms, "\r\n\r\n");
    INFO(reply.data);
    CHECK((reply.data.starts_with("HTTP/1.1 503") || (reply.data.empty() && reply.closed)));
    CHECK(ms_since(asked) < 1500);
  }
  // A connection already open is answered.
  REQUIRE(held[0]->send("\r\n"));
  auto reply = held[0]->read_for(3000ms, "</html>");
  CHECK(reply.data.starts_with("HTTP/1.1 200"));
  // Once they are gone, new connections are served again.
  held.clear();
  std::this_thread::sleep_for(200ms);
  s.get("/");
}

TEST_CASE("serve: 40 open tabs' event streams leave pages free, and each gets the reload", "[serve]") {
  Served s;
  constexpr int kTabs = 40;
  std::vector<std::unique_ptr<EventClient>> tabs;
  for (int i = 0; i < kTabs; ++i) tabs.push_back(std::make_unique<EventClient>(s.session->port(), s.generation()));
  // Whatever fails below, serve is stopped before the tabs are waited for: that ends their streams.
  struct StopFirst {
    serve::Session& session;
    ~StopFirst() { session.stop(); }
  } stop_first{*s.session};
  const auto give_up = Clock::now() + 5s;
  auto count = [&](auto what) {
    int n = 0;
    for (const auto& t : tabs) n += what(*t);
    return n;
  };
  auto connected = [](const EventClient& t) { return t.stream().find("retry:") != std::string::npos; };
  while (count(connected) < kTabs && Clock::now() < give_up) std::this_thread::sleep_for(10ms);
  CHECK(count(connected) == kTabs);
  const auto asked = Clock::now();
  httplib::Client c("127.0.0.1", s.session->port());
  c.set_connection_timeout(5s);
  c.set_read_timeout(5s);
  auto res = c.Get("/");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(ms_since(asked) < 2000);
  const auto g = s.generation();
  replace(submission_dir(s.content) / "fraga-01.md", "Vi lyssnar på brukarna.", "Vi lyssnar noga.");
  s.wait_for_build(g);
  for (const auto& t : tabs) CHECK(t->wait_reload());
}

TEST_CASE("serve: an idle kept-alive connection is closed soon", "[serve]") {
  Served s;
  RawClient c(s.session->port());
  REQUIRE(c.send("GET /assets/style.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  auto reply = c.read_for(3000ms, "\r\n\r\n");
  REQUIRE(reply.data.starts_with("HTTP/1.1 200"));
  const auto answered = Clock::now();
  bool closed = false;
  for (int i = 0; i < 100 && !closed; ++i) {
    std::this_thread::sleep_for(50ms);
    closed = c.closed_now();
  }
  CHECK(closed);
  CHECK(ms_since(answered) < 5000);
}

TEST_CASE("serve: HEAD gives the headers only, other methods and malformed requests are refused", "[serve]") {
  Served s;
  auto ask = [&](const std::string& request) {
    RawClient c(s.session->port());
    c.send(request);
    return c.read_for(3000ms, "\r\n\r\n").data;
  };
  const std::string head = ask("HEAD / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
  CHECK(head.starts_with("HTTP/1.1 200"));
  CHECK(head.find("Content-Length: ") != std::string::npos);
  CHECK(head.find("<html") == std::string::npos);
  CHECK(ask("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n").starts_with("HTTP/1.1 405"));
  CHECK(ask("GET /\r\n\r\n").starts_with("HTTP/1.1 400"));
  CHECK(ask("GET / HTTP/1.1\r\nHost: localhost\r\nFel rad\r\n\r\n").starts_with("HTTP/1.1 400"));
  CHECK(ask("GET / HTTP/1.1\r\nHost: [::1]:80\r\n\r\n").starts_with("HTTP/1.1 403"));
}

TEST_CASE("serve: request heads are parsed for what serve needs, anything else refused", "[serve]") {
  using serve::parse_request_head;
  auto ok = parse_request_head(
      "GET /2018/enhet%20a/fr%C3%A5ga+1/?fil=%2Fetc%2Fpasswd&sedan=4&tom&x=a+b HTTP/1.1\r\n"
      "HOST:  localhost:8080 \r\nX-Tom:\r\n\r\n");
  REQUIRE(ok.request);
  CHECK(ok.request->method == "GET");
  CHECK(ok.request->path == "/2018/enhet a/fr\xC3\xA5ga+1/");  // '+' in a path is a plus
  CHECK(ok.request->param("fil") == "/etc/passwd");
  CHECK(ok.request->param("sedan") == "4");
  CHECK(ok.request->param("x") == "a b");
  CHECK(ok.request->param("saknas").empty());
  CHECK(ok.request->header("Host") == "localhost:8080");
  CHECK(ok.request->header("x-tom").empty());
  CHECK(ok.request->keep_alive);
  // Lenient line ends, HTTP/1.0 (closes unless asked), HEAD.
  auto old = parse_request_head("HEAD / HTTP/1.0\nHost: 127.0.0.1\n\n");
  REQUIRE(old.request);
  CHECK(old.request->method == "HEAD");
  CHECK_FALSE(old.request->keep_alive);
  CHECK_FALSE(parse_request_head("GET / HTTP/1.1\r\nConnection: Keep-Alive, close\r\n\r\n").request->keep_alive);
  // Encoded dots are decoded, and refused by the site's path check as today.
  auto dots = parse_request_head("GET /%2e%2e/%2E%2E/etc/passwd HTTP/1.1\r\n\r\n");
  REQUIRE(dots.request);
  CHECK(dots.request->path == "/../../etc/passwd");
  TempDir t;
  CHECK(serve::resolve_site_path(t.path(), dots.request->path).kind == serve::SiteFile::Kind::kMissing);
  CHECK(serve::resolve_site_path(t.path(), parse_request_head("GET /a%00b HTTP/1.1\r\n\r\n").request->path).kind ==
        serve::SiteFile::Kind::kMissing);
  CHECK(kv::percent_decode("%zz%4", false) == "%zz%4");  // not an escape: kept
  // Refused: malformed request lines and headers, other methods, other versions, bodies.
  for (const char* bad : {"", "GET\r\n\r\n", "GET /\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1 x\r\n\r\n",
                          "GET x HTTP/1.1\r\n\r\n", "GET http://a/ HTTP/1.1\r\n\r\n", "GET / HTTP/11\r\n\r\n",
                          "GET / FTP/1.1\r\n\r\n", "G(T / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nFel rad\r\n\r\n",
                          "GET / HTTP/1.1\r\nNamn : v\r\n\r\n", "GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n",
                          "GET / HTTP/1.1\r\nA: b\x01c\r\n\r\n", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
                          "GET / HTTP/1.1\r\nContent-Length: 5\r\n\r\n", "GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"}) {
    INFO(bad);
    auto r = parse_request_head(bad);
    CHECK_FALSE(r.request);
    CHECK(r.refusal == 400);
  }
  CHECK(parse_request_head("POST / HTTP/1.1\r\n\r\n").refusal == 405);
  CHECK(parse_request_head("DELETE / HTTP/1.1\r\n\r\n").refusal == 405);
  CHECK(parse_request_head("GET / HTTP/2.0\r\n\r\n").refusal == 505);
  // Where a head ends, in what has arrived so far.
  CHECK(serve::find_head_end("GET / HTTP/1.1\r\nHost: a\r\n") == std::string::npos);
  CHECK(serve::find_head_end("GET / HTTP/1.1\r\n\r\nGET") == 18);
  CHECK(serve::find_head_end("GET / HTTP/1.1\n\nx") == 16);
}

TEST_CASE("serve: responses carry their length and how the connection goes on", "[serve]") {
  serve::Response r;
  r.set_content("<p>hej</p>", "text/html; charset=utf-8");
  r.set_header("Cache-Control", "no-store");
  const std::string full = serve::serialize_response(r, false, true);
  CHECK(full.starts_with("HTTP/1.1 200 OK\r\n"));
  CHECK(full.find("Content-Length: 10\r\n") != std::string::npos);
  CHECK(full.find("Connection: keep-alive\r\n\r\n<p>hej</p>") != std::string::npos);
  const std::string head = serve::serialize_response(r, true, false);
  CHECK(head.ends_with("Connection: close\r\n\r\n"));
  CHECK(head.find("Content-Length: 10\r\n") != std::string::npos);
  serve::Response moved;
  moved.set_redirect("/a/");
  CHECK(serve::serialize_response(moved, false, true).starts_with("HTTP/1.1 302 Found\r\nLocation: /a/\r\n"));
}
