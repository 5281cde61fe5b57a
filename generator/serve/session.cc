#include "serve/session.h"

#include <httplib.h>
#include <sys/socket.h>

#include <cstdio>
#include <sstream>

#include "i18n/messages.h"
#include "pipeline/resources.h"
#include "serve/watcher.h"
#include "util/escape.h"

namespace kv::serve {

namespace fs = std::filesystem;

namespace {

constexpr const char* kHost = "127.0.0.1";
// Server threads: each open tab holds one for its event stream.
constexpr size_t kServerThreads = 32;

// "0,42" in Swedish, "0.42" in English.
std::string seconds(std::chrono::steady_clock::duration d, Lang lang) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", std::chrono::duration<double>(d).count());
  std::string s = buffer;
  if (lang == Lang::kSv)
    for (char& c : s)
      if (c == '.') c = ',';
  return s;
}

void print_error(std::ostream& err, Lang lang, Msg message, Msg hint, const std::string& arg) {
  err << "kvalitet: error: " << text(lang, message, {terminal_text(arg)}) << " \xE2\x80\x94 " << text(lang, hint)
      << std::endl;
}

}  // namespace

Session::Session(ServeOptions options, std::ostream& out, std::ostream& err)
    : options_(std::move(options)), out_(out), err_(err) {
  PipelineOptions& p = options_.pipeline;
  p.output_dir = dir_.site().string();
  p.preview = true;  // a document being written is shown with what it has so far
  std::vector<fs::path> roots = {p.content_root};
  // Resolved once, so that the builds, the watcher and the source view agree on them.
  if (auto t = find_resource_dir("templates", p.templates_dir, p.executable)) {
    p.templates_dir = t->string();
    roots.push_back(*t);
  }
  if (auto t = find_resource_dir("themes", p.themes_dir, p.executable)) {
    p.themes_dir = t->string();
    roots.push_back(*t);
  }
  roots_ = std::make_unique<SourceRoots>(roots);
  routes_ = RouteContext{&state_, dir_.site(), roots_.get()};
}

Session::~Session() { stop(); }

Snapshot Session::build() {
  const auto started = std::chrono::steady_clock::now();
  BuildSeen seen;
  // `build`'s "built in <folder>: N pages" would name the private folder; serve says it its
  // own way. JSON diagnostics go to out, and are kept.
  std::ostringstream discarded;
  std::ostream& build_out = options_.pipeline.json_diagnostics ? out_ : discarded;
  const int status = run_build(options_.pipeline, build_out, err_, &seen);
  Snapshot s{0, status == 0, seen.report.lang, seen.report.diags.items(), {}, seen.lix_limit};
  for (auto& page : seen.readability) s.readability.emplace(page.page, std::move(page));
  if (s.ok)
    out_ << text(s.lang, Msg::kServeRebuilt, {seconds(std::chrono::steady_clock::now() - started, s.lang)})
         << std::endl;
  else
    err_ << text(s.lang, Msg::kServeNotRebuilt) << std::endl;
  return s;
}

bool Session::start_watching() {
  const Lang lang = options_.pipeline.lang.value_or(Lang::kSv);
  std::vector<fs::path> roots = {options_.pipeline.content_root};
  if (!options_.pipeline.templates_dir.empty()) roots.emplace_back(options_.pipeline.templates_dir);
  if (!options_.pipeline.themes_dir.empty()) roots.emplace_back(options_.pipeline.themes_dir);
  try {
    watcher_ = std::make_unique<Watcher>(roots);
  } catch (const std::system_error& e) {
    print_error(err_, lang, Msg::kServeWatchFailed, Msg::kServeWatchFailedHint, e.what());
    return false;
  }
  return true;
}

bool Session::bind_port() {
  server_ = std::make_unique<httplib::Server>();
  server_->new_task_queue = [] { return new httplib::ThreadPool(kServerThreads); };
  // Idle connections are closed soon, so that stop() does not wait for them.
  server_->set_keep_alive_timeout(1);
  // httplib's default also sets SO_REUSEPORT, with which a second serve on the same port
  // would start and take half the requests; SO_REUSEADDR alone only allows a quick restart.
  server_->set_socket_options([](int sock) {
    const int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  install_routes(*server_, routes_);
  if (options_.port == 0) {
    port_ = server_->bind_to_any_port(kHost);
  } else if (server_->bind_to_port(kHost, options_.port)) {
    port_ = options_.port;
  } else {
    port_ = -1;
  }
  if (port_ <= 0) {
    print_error(err_, options_.pipeline.lang.value_or(Lang::kSv), Msg::kServePortUnavailable,
                Msg::kServePortUnavailableHint, std::to_string(options_.port));
    return false;
  }
  return true;
}

bool Session::start_listening() {
  listener_ = std::thread([this] {
    server_->listen_after_bind();
    listen_ended_ = true;
  });
  // stop() only ends a server that is running: wait until it is.
  while (!server_->is_running() && !listen_ended_) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return server_->is_running();
}

bool Session::start() {
  // The port first: a second serve on a taken port says so before building anything.
  if (!start_watching() || !bind_port()) return false;
  state_.publish(build());
  if (!start_listening()) return false;
  rebuilder_ = std::thread([this] {
    while (watcher_->wait_for_change(options_.quiet)) state_.publish(build());
  });
  return true;
}

void Session::stop() {
  if (stopped_) return;
  stopped_ = true;
  if (watcher_) watcher_->stop();
  if (rebuilder_.joinable()) rebuilder_.join();  // lets a build under way finish
  state_.stop();                                 // ends the event streams
  if (server_) server_->stop();
  if (listener_.joinable()) listener_.join();
}

}  // namespace kv::serve
