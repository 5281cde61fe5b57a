#include "serve/session.h"

#include <cstdio>
#include <sstream>

#include "diag/print_diagnostics.h"
#include "i18n/messages.h"
#include "pipeline/resources.h"
#include "serve/watcher.h"
#include "util/escape.h"

namespace kv::serve {

namespace fs = std::filesystem;

namespace {

constexpr const char* kHost = "127.0.0.1";

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

void print_error(const ServeOptions& options, std::ostream& out, std::ostream& err, Msg message, Msg hint, const std::string& arg) {
  Diagnostics diags{options.lang, {}, {}};
  diags.error({}, diags.t(message, {arg}), diags.t(hint));
  print_diagnostics(diags, options.pipeline.style, out, err);
  err.flush();
}

}  // namespace

Session::Session(ServeOptions options, std::ostream& out, std::ostream& err)
    : options_(std::move(options)), out_(out), err_(err) {
  PipelineOptions& p = options_.pipeline;
  p.output_dir = dir_.site().string();
  p.audience = model::Audience::kPreview;  // a document being written is shown with what it has so far
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
  std::ostream& build_out = options_.pipeline.style.json ? out_ : discarded;
  const int status = run_build(options_.pipeline, build_out, err_, &seen);
  Snapshot s{0, status == 0, seen.diagnostics.lang, seen.diagnostics.list.items(), {}, seen.lix_limit};
  for (auto& page : seen.readability) s.readability.emplace(page.page, std::move(page));
  const OutputStyle& style = options_.pipeline.style;
  if (s.ok && !style.quiet)
    people_stream(style, out_, err_) << text(s.lang, Msg::kServeRebuilt, {seconds(std::chrono::steady_clock::now() - started, s.lang)})
                                     << std::endl;
  else if (!style.quiet)
    err_ << text(s.lang, Msg::kServeNotRebuilt) << std::endl;
  return s;
}

bool Session::start_watching() {
  std::vector<fs::path> roots = {options_.pipeline.content_root};
  if (!options_.pipeline.templates_dir.empty()) roots.emplace_back(options_.pipeline.templates_dir);
  if (!options_.pipeline.themes_dir.empty()) roots.emplace_back(options_.pipeline.themes_dir);
  try {
    watcher_ = std::make_unique<Watcher>(roots);
  } catch (const std::system_error& e) {
    print_error(options_, out_, err_, Msg::kServeWatchFailed, Msg::kServeWatchFailedHint, e.what());
    return false;
  }
  return true;
}

bool Session::bind_port() {
  server_ = std::make_unique<HttpServer>([this](const Request& req) { return answer(routes_, req); },
                                         [this](int status) { return refusal(routes_, status); },
                                         [this] { return state_.current()->generation; });
  port_ = server_->bind(kHost, options_.port);
  if (port_ <= 0) {
    print_error(options_, out_, err_, Msg::kServePortUnavailable, Msg::kServePortUnavailableHint, std::to_string(options_.port));
    return false;
  }
  return true;
}

bool Session::start() {
  // The port first: a second serve on a taken port says so before building anything.
  if (!start_watching() || !bind_port()) return false;
  state_.publish(build());
  server_->start();
  rebuilder_ = std::thread([this] {
    while (watcher_->wait_for_change(options_.quiet)) {
      state_.publish(build());
      server_->notify();  // open tabs reload
    }
  });
  return true;
}

void Session::stop() {
  if (stopped_) return;
  stopped_ = true;
  if (watcher_) watcher_->stop();
  if (rebuilder_.joinable()) rebuilder_.join();  // lets a build under way finish
  if (server_) server_->stop();  // closes every connection, the event streams too
}

}  // namespace kv::serve
