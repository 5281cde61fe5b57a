// The HTTP server of `kvalitet serve`, on 127.0.0.1 only. It is its own because a local
// program must not be able to starve it (cpp-httplib gives each connection a thread from
// the moment it is accepted, with per-read timeouts only: 64 clients sending one header
// line every 2 s held all its threads).
//
// One I/O thread owns every socket. It accepts connections, reads request heads from all of
// them at once with poll() — each head must arrive whole within a deadline and a size limit,
// whatever the pace of its bytes — writes every response without blocking, and keeps the
// live-reload event streams (a ping now and then, "event: reload" after a new build). Only a
// complete GET or HEAD request reaches the small pool of workers, which run the routes and
// hand the bytes back to the I/O thread; no worker ever waits on a client. Beyond a cap on
// open connections, a new one is answered 503 at once and closed.
#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "serve/http_request.h"
#include "serve/http_response.h"

namespace kv::serve {

struct ServerLimits {
  std::chrono::milliseconds head_deadline{5000};    // a whole request head, from when it is awaited
  std::size_t head_max = 16 * 1024;                 // bytes of a request head
  std::size_t max_connections = 128;                // open at once, event streams included
  std::chrono::milliseconds keep_alive_idle{2000};  // a kept-alive connection with no next request
  std::chrono::milliseconds write_deadline{30000};  // a whole response, once made
  std::size_t stream_backlog = 64 * 1024;           // unsent bytes of an event stream that is not read
  std::chrono::milliseconds ping{10000};            // how often an idle event stream is written to
  std::size_t workers = 4;                          // threads that run the routes
};

class HttpServer {
 public:
  // Runs in a worker: the answer to a parsed request (event streams: Response::event_stream_since).
  using Handler = std::function<Response(const Request&)>;
  // The server's own refusal with status (400, 405, 408, 431, 503, 505), in the site's language.
  using Refusal = std::function<Response(int status)>;
  // The generation of the build shown now (live_state.h).
  using Generation = std::function<std::uint64_t()>;

  HttpServer(Handler handler, Refusal refusal, Generation generation, ServerLimits limits = {});
  ~HttpServer();  // stop()
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds host:port (port 0: any free port) with SO_REUSEADDR only — no SO_REUSEPORT, with
  // which a second serve on the same port would start and take half the requests — and
  // listens. Returns the port, or -1 when it cannot be used.
  int bind(const std::string& host, int port);
  // Starts the I/O thread and the workers; bind() must have succeeded.
  void start();
  // A new build was published: every event stream behind it is sent "event: reload" and
  // closed. Safe from any thread.
  void notify();
  // Closes every connection (open event streams end without a reload) and waits for the
  // threads; a route already running is let finish. Idempotent.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kv::serve
