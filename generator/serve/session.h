// One run of `kvalitet serve`: builds the site into a private folder, serves it on
// 127.0.0.1, watches the author's folders and rebuilds on every save, after which open tabs
// reload. Runs in background threads between start() and stop(), so that the command (which
// waits for Ctrl-C) and the tests (which make requests) drive it the same way.
#pragma once
#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <thread>

#include "pipeline/pipeline.h"
#include "serve/build_report.h"
#include "serve/http_server.h"
#include "serve/live_state.h"
#include "serve/private_dir.h"
#include "serve/routes.h"
#include "serve/source_view.h"

namespace kv::serve {

class Watcher;

struct ServeOptions {
  PipelineOptions pipeline;  // content, templates, themes, language, threads; output_dir is ignored
  int port = 8080;           // 0: any free port
  Lang lang = Lang::kSv;     // what serve says itself: the run's (pipeline/command_context.h)
  // How long the folders must be still before a rebuild: one save is a few events within a
  // millisecond or two; a checkout that pauses longer starts a build its next files stop.
  std::chrono::milliseconds quiet{20};
};

class Session {
 public:
  // Creates the private folder (throws std::system_error when it cannot).
  Session(ServeOptions options, std::ostream& out, std::ostream& err);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Starts watching, binds 127.0.0.1, builds once (printing as `build` does) and starts
  // serving. Returns false, after printing why, when the port or the folders cannot be used.
  bool start();
  // Stops watching and serving and waits for both; idempotent.
  void stop();

  int port() const { return port_; }
  const std::filesystem::path& private_dir() const { return dir_.path(); }
  const LiveState& state() const { return state_; }

 private:
  // nullopt: stopped for a newer save (cancellable only: the first build is never stopped).
  std::optional<Snapshot> build(bool cancellable);
  // The saved document's own pages first, when the save lies in one document's folder
  // (pipeline/document_preview.h); open tabs reload, then build() brings the rest. A save
  // while that build runs stops it: that save is shown first again.
  void preview_saved_document();
  bool start_watching();
  bool bind_port();

  ServeOptions options_;
  std::ostream& out_;
  std::ostream& err_;
  PrivateDir dir_;  // first: removed last, after every thread that writes into it has ended
  BuildReport report_;  // what the terminal gets after each build
  SubmissionCache documents_;  // what the last build read, for the next (validate/submission_cache.h)
  // The last build's model, with the saved documents shown since (pipeline/document_preview.h).
  std::shared_ptr<PreviewModel> model_;
  LiveState state_;
  std::unique_ptr<SourceRoots> roots_;
  std::unique_ptr<Watcher> watcher_;
  std::unique_ptr<HttpServer> server_;
  RouteContext routes_;
  std::thread rebuilder_;
  int port_ = 0;
  bool stopped_ = false;
};

}  // namespace kv::serve
