// kvalitet serve: the site served from a private folder with live reload, the error page and
// the source view, run in-process on a free port against a copy of the content.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <iostream>
#include <thread>

#include "serve/reload_script.h"
#include "serve/session.h"
#include "serve/site_files.h"
#include "serve/watcher.h"
#include "support.h"
#include "util/escape.h"

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
  for (const char* name : {".fraga-01.md.swp", "fraga-01.md~", "#fraga-01.md#", ".#fraga-01.md", "4913", "x.swx"})
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

TEST_CASE("serve: a broken file gives a page listing the error with a link to its line, fixing it brings the site back",
          "[serve]") {
  Served s;
  const fs::path unit = s.content / "provenhet" / "enhet.yaml";
  EventClient tab(s.session->port(), s.generation());
  REQUIRE(tab.wait_connected());
  auto g = s.generation();
  replace(unit, "namn: Provenheten", "namm: Provenheten");
  s.wait_for_build(g);
  REQUIRE(tab.wait_reload());  // the open tab is told to reload, and shows the errors
  CHECK_FALSE(s.session->state().current()->ok);
  const std::string page = s.get("/");
  CHECK(page.find("Innehållet har fel") != std::string::npos);
  CHECK(page.find("<script>/* kvalitet serve */") != std::string::npos);
  const std::string place = unit.generic_string() + ":1:1";
  CHECK(page.find(kv::html_escape(place)) != std::string::npos);
  CHECK(page.find("namm") != std::string::npos);
  const std::string href = serve::source_href(unit.generic_string(), 1);
  CHECK(href.ends_with("#rad-1"));
  CHECK(page.find("<a href=\"" + kv::html_escape(href) + "\">") != std::string::npos);
  // Every page of the site shows the errors while they last; the terminal lists them too.
  CHECK(s.get("/enheter/provenhet/").find("Innehållet har fel") != std::string::npos);
  CHECK(s.err.str().find(place + ": error:") != std::string::npos);
  // The private build folder is serve's own business: no message names it.
  CHECK(s.err.str().find(s.session->private_dir().string()) == std::string::npos);
  // The link leads to the file, one anchor per line.
  const std::string source = s.get(href.substr(0, href.find('#')));
  CHECK(source.find("id=\"rad-1\"") != std::string::npos);
  CHECK(source.find("namm: Provenheten") != std::string::npos);
  // Fixed: the site is back.
  g = s.generation();
  replace(unit, "namm: Provenheten", "namn: Provenheten");
  s.wait_for_build(g);
  CHECK(s.session->state().current()->ok);
  const std::string back = s.get("/");
  CHECK(back.find("Innehållet har fel") == std::string::npos);
  CHECK(back.find("Provwebbplats") != std::string::npos);
}

TEST_CASE("serve: the error page escapes what the author wrote and speaks English with --lang en", "[serve]") {
  Served s(kv::Lang::kEn);
  auto g = s.generation();
  replace(s.content / "provenhet" / "enhet.yaml", "namn: Provenheten", "<script>alert(1)</script>: x");
  s.wait_for_build(g);
  const std::string page = s.get("/");
  CHECK(page.find("The content has errors") != std::string::npos);
  CHECK(page.find("<script>alert(1)") == std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(1)") != std::string::npos);
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
