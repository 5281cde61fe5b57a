#include "serve/session.h"

#include <algorithm>

#include "diag/print_diagnostics.h"
#include "i18n/messages.h"
#include "pipeline/preview_build.h"
#include "pipeline/resources.h"
#include "serve/watcher.h"
#include "util/escape.h"

namespace kv::serve {

namespace fs = std::filesystem;

namespace {

constexpr const char* kHost = "127.0.0.1";

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
  p.documents = &documents_;  // a save reads again only what changed
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

std::optional<Snapshot> Session::build(bool cancellable) {
  const auto started = std::chrono::steady_clock::now();
  PipelineOptions options = options_.pipeline;
  if (cancellable) options.cancelled = [this] { return watcher_->changes_waiting(); };
  PreviewOutcome built = run_preview_build(options);
  if (built.cancelled) return std::nullopt;
  report_.print(built.seen.diagnostics, built.written, std::chrono::steady_clock::now() - started, options_.pipeline.style, out_,
                err_);
  model_ = std::move(built.model);
  Snapshot s;
  s.ok = built.written;
  s.lang = built.seen.diagnostics.lang;
  s.diags = built.seen.diagnostics.list.items();
  s.errors = built.seen.diagnostics.list.error_count();
  s.content_root = options_.pipeline.content_root;
  s.places = std::move(built.places);
  for (auto& page : built.seen.readability) s.readability.emplace(page.page, std::move(page));
  s.lix_limit = built.seen.lix_limit;
  return s;
}

void Session::preview_saved_document() {
  const auto& changed = watcher_->changed();
  if (!model_ || !changed) return;
  const fs::path& root = options_.pipeline.content_root;
  const auto folder = changed_document(root, *changed);
  const auto shown = state_.current();
  if (!folder || !shown->ok) return;
  // A unit with errors shows them on its pages (serve/routes.h): the build decides those.
  const std::string unit = folder->substr(0, folder->find('/'));
  for (const auto& place : shown->places)
    if (place.unit == unit) return;
  const unsigned threads = options_.pipeline.threads == 0 ? 1 : options_.pipeline.threads;
  auto preview = preview_document(*model_, {root, shown->lang, threads}, *folder, dir_.site());
  if (!preview) {
    model_.reset();  // it may hold the document as read, unchecked: the build makes the next
    return;
  }
  Snapshot s = *shown;
  // The document's diagnostics replace its last ones, where those were in the list.
  const std::string prefix = (root / *folder).generic_string() + "/";
  auto mine = [&](const Diagnostic& d) { return d.pos.path.starts_with(prefix); };
  const auto at = std::find_if(s.diags.begin(), s.diags.end(), mine) - s.diags.begin();
  s.diags.erase(std::remove_if(s.diags.begin(), s.diags.end(), mine), s.diags.end());
  s.diags.insert(s.diags.begin() + at, preview->diagnostics.begin(), preview->diagnostics.end());
  for (auto& page : preview->readability) s.readability.insert_or_assign(page.page, std::move(page));
  state_.publish(std::move(s));
  server_->notify();
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
  state_.publish(*build(false));
  server_->start();
  rebuilder_ = std::thread([this] {
    while (watcher_->wait_for_change(options_.quiet)) {
      preview_saved_document();
      auto built = build(true);
      if (!built) continue;  // a newer save is waiting
      state_.publish(std::move(*built));
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
