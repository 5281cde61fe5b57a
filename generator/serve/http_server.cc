#include "serve/http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

namespace kv::serve {

namespace {

using Clock = std::chrono::steady_clock;

// Accepting is paused this long when the process is out of file descriptors.
constexpr std::chrono::milliseconds kAcceptPause{100};
// Connections accepted in one turn of the loop, so that a flood of them cannot keep the
// I/O thread from the connections it has.
constexpr int kAcceptsPerTurn = 64;

struct Connection {
  enum class State {
    kReading,  // awaiting a request head (polled for input)
    kWorking,  // a worker makes the response (not polled, no deadline)
    kWriting,  // the response is being sent (polled for output)
    kStream,   // an open event stream (polled for the tab closing, and for output when some is left)
  } state = State::kReading;
  std::string in;  // bytes of request heads received, not yet parsed
  std::string out;  // bytes to send; out_at of them are sent
  std::size_t out_at = 0;
  bool fresh = true;  // kReading: no byte of this request yet
  Clock::time_point idle_until;  // kReading: closed quietly when fresh by then
  Clock::time_point deadline;    // kReading: the head's; kWriting: the response's
  bool keep_alive = false;       // after the response, read the next request
  bool close_after_out = false;  // kStream: the reload is sent, then the stream ends
  std::uint64_t since = 0;       // kStream: the generation the tab shows
  Clock::time_point next_ping;   // kStream
};

struct Job {
  int fd;
  Request request;
};

struct Done {
  int fd;
  Response response;
  bool head_only;
  bool keep_alive;
};

void close_fd(int fd) {
  if (fd >= 0) ::close(fd);
}

}  // namespace

struct HttpServer::Impl {
  Handler handler;
  Refusal refusal;
  Generation generation;
  ServerLimits limits;

  int listen_fd = -1;
  int wake_fd = -1;  // an eventfd: workers' answers, notify() and stop() wake the I/O thread
  std::atomic<bool> stopping{false};
  std::atomic<bool> new_build{false};
  bool stopped = false;
  std::thread io;
  std::vector<std::thread> workers;

  std::mutex jobs_mutex;
  std::condition_variable jobs_ready;
  std::deque<Job> jobs;

  std::mutex done_mutex;
  std::vector<Done> done;

  // Owned by the I/O thread (and by stop() once it has ended): every open connection by its socket.
  std::map<int, Connection> connections;
  Clock::time_point accept_paused_until;

  void wake() {
    const std::uint64_t one = 1;
    [[maybe_unused]] ssize_t n = ::write(wake_fd, &one, sizeof one);
  }

  // --- workers ---

  void work() {
    for (;;) {
      std::optional<Job> job;
      {
        std::unique_lock lock(jobs_mutex);
        jobs_ready.wait(lock, [&] { return stopping || !jobs.empty(); });
        if (stopping) return;
        job.emplace(std::move(jobs.front()));
        jobs.pop_front();
      }
      Response response;
      try {
        response = handler(job->request);
      } catch (...) {  // a route that failed answers 500; serve goes on
        response = Response{};
        response.status = 500;
        response.set_header("Cache-Control", "no-store");
      }
      {
        std::lock_guard lock(done_mutex);
        done.push_back({job->fd, std::move(response), job->request.method == "HEAD", job->request.keep_alive});
      }
      wake();
    }
  }

  // --- the I/O thread ---

  void drop(int fd) {
    connections.erase(fd);
    close_fd(fd);
  }

  // Sends what c has to send, without waiting. False when the connection is gone (dropped).
  bool flush(int fd, Connection& c) {
    while (c.out_at < c.out.size()) {
      const ssize_t n = ::send(fd, c.out.data() + c.out_at, c.out.size() - c.out_at, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;
      if (n <= 0) {
        drop(fd);
        return false;
      }
      c.out_at += static_cast<std::size_t>(n);
    }
    c.out.clear();
    c.out_at = 0;
    return true;
  }

  // The response in c.out was sent whole: read the next request, or close.
  void response_sent(int fd, Connection& c) {
    if (!c.keep_alive || stopping) {
      ::shutdown(fd, SHUT_WR);
      drop(fd);
      return;
    }
    await_request(fd, c);
  }

  void await_request(int fd, Connection& c) {
    const auto now = Clock::now();
    c.state = Connection::State::kReading;
    c.fresh = c.in.empty();
    c.deadline = now + limits.head_deadline;
    c.idle_until = now + limits.keep_alive_idle;
    parse_if_complete(fd, c);  // a request sent right behind the last one
  }

  // Starts sending bytes on c, then reads the next request or closes as keep_alive says.
  void respond(int fd, Connection& c, std::string bytes, bool keep_alive) {
    c.state = Connection::State::kWriting;
    c.out = std::move(bytes);
    c.out_at = 0;
    c.keep_alive = keep_alive;
    c.deadline = Clock::now() + limits.write_deadline;
    if (flush(fd, c) && c.out.empty()) response_sent(fd, c);
  }

  void refuse(int fd, Connection& c, int status) {
    c.in.clear();
    respond(fd, c, serialize_response(refusal(status), false, false), false);
  }

  void parse_if_complete(int fd, Connection& c) {
    // Empty lines before a request line are allowed (RFC 9112 2.2).
    const std::size_t text = c.in.find_first_not_of("\r\n");
    c.in.erase(0, std::min(text, c.in.size()));
    const std::size_t end = find_head_end(c.in);
    if (end == std::string::npos || end > limits.head_max) {
      if (c.in.size() > limits.head_max) refuse(fd, c, 431);
      return;
    }
    ParsedHead parsed = parse_request_head(std::string_view(c.in).substr(0, end));
    c.in.erase(0, end);
    if (!parsed.request) {
      refuse(fd, c, parsed.refusal);
      return;
    }
    c.state = Connection::State::kWorking;
    {
      std::lock_guard lock(jobs_mutex);
      jobs.push_back({fd, std::move(*parsed.request)});
    }
    jobs_ready.notify_one();
  }

  void read_head(int fd, Connection& c) {
    char buffer[4096];
    // Never more than the limit and one byte: a longer head is refused unread.
    const std::size_t room = limits.head_max + 1 - std::min(c.in.size(), limits.head_max);
    const ssize_t n = ::recv(fd, buffer, std::min(sizeof buffer, room), MSG_DONTWAIT);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return;
    if (n <= 0) {
      drop(fd);
      return;
    }
    c.in.append(buffer, static_cast<std::size_t>(n));
    c.fresh = false;
    parse_if_complete(fd, c);
  }

  // The tab's side of an event stream: it sends nothing, so input is its closing.
  void read_stream(int fd) {
    char buffer[512];
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return;
    if (n <= 0) drop(fd);
  }

  void add_to_stream(int fd, Connection& c, std::string_view text) {
    c.out.append(text);
    if (c.out.size() - c.out_at > limits.stream_backlog) {  // the tab does not read
      drop(fd);
      return;
    }
    if (flush(fd, c) && c.out.empty() && c.close_after_out) {
      ::shutdown(fd, SHUT_WR);
      drop(fd);
    }
  }

  // The reload for a stream behind the build shown now; the page reloads, so the stream ends.
  void send_reload_if_newer(int fd, Connection& c, std::uint64_t now) {
    if (now <= c.since || c.close_after_out) return;
    c.close_after_out = true;
    add_to_stream(fd, c, "event: reload\ndata: " + std::to_string(now) + "\n\n");
  }

  void start_stream(int fd, Connection& c, const Response& r) {
    std::string head = "HTTP/1.1 " + std::to_string(r.status) + " " + std::string(status_text(r.status)) + "\r\n";
    for (const auto& [name, value] : r.headers) head += name + ": " + value + "\r\n";
    head += "Content-Type: text/event-stream\r\nConnection: close\r\n\r\n";
    head += "retry: 1000\n\n";  // reconnect soon after serve is restarted
    c.state = Connection::State::kStream;
    c.since = *r.event_stream_since;
    c.next_ping = Clock::now() + limits.ping;
    c.in.clear();
    c.out = std::move(head);
    c.out_at = 0;
    if (!flush(fd, c)) return;
    send_reload_if_newer(fd, c, generation());
  }

  void take_done() {
    std::vector<Done> finished;
    {
      std::lock_guard lock(done_mutex);
      finished.swap(done);
    }
    for (Done& d : finished) {
      auto it = connections.find(d.fd);
      if (it == connections.end()) continue;
      if (d.response.event_stream_since && !d.head_only) start_stream(d.fd, it->second, d.response);
      else respond(d.fd, it->second, serialize_response(d.response, d.head_only, d.keep_alive), d.keep_alive);
    }
  }

  void accept_new() {
    for (int turn = 0; turn < kAcceptsPerTurn; ++turn) {
      const int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        if (errno == EINTR || errno == ECONNABORTED) continue;
        if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM)
          accept_paused_until = Clock::now() + kAcceptPause;
        return;
      }
      const int yes = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
      if (connections.size() >= limits.max_connections) {
        // Answered at once, without a worker. What the client sent already is read first,
        // so that closing does not reset the connection before the answer is read.
        char buffer[4096];
        while (::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT) > 0) {
        }
        const std::string busy = serialize_response(refusal(503), false, false);
        [[maybe_unused]] ssize_t n = ::send(fd, busy.data(), busy.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        ::shutdown(fd, SHUT_WR);
        close_fd(fd);
        continue;
      }
      Connection& c = connections[fd];
      const auto now = Clock::now();
      c.deadline = c.idle_until = now + limits.head_deadline;
    }
  }

  // Deadlines passed and pings due; returns when the next one falls.
  Clock::time_point check_times() {
    const auto now = Clock::now();
    auto next = now + std::chrono::hours(1);
    std::vector<int> fds;
    for (const auto& [fd, c] : connections) fds.push_back(fd);
    for (int fd : fds) {
      auto it = connections.find(fd);
      if (it == connections.end()) continue;
      Connection& c = it->second;
      switch (c.state) {
        case Connection::State::kReading:
          if (c.fresh && now >= c.idle_until) {
            drop(fd);  // nothing asked: close quietly
            continue;
          }
          if (now >= c.deadline) {
            refuse(fd, c, 408);  // the head did not come whole in time
            continue;
          }
          next = std::min(next, c.fresh ? std::min(c.idle_until, c.deadline) : c.deadline);
          break;
        case Connection::State::kWriting:
          if (now >= c.deadline) {
            drop(fd);
            continue;
          }
          next = std::min(next, c.deadline);
          break;
        case Connection::State::kStream:
          if (now >= c.next_ping) {
            c.next_ping = now + limits.ping;
            add_to_stream(fd, c, ": ping\n\n");
            if (!connections.count(fd)) continue;
          }
          next = std::min(next, c.next_ping);
          break;
        case Connection::State::kWorking:
          break;
      }
    }
    if (now < accept_paused_until) next = std::min(next, accept_paused_until);
    return next;
  }

  void run() {
    std::vector<pollfd> polled;
    while (!stopping) {
      const auto next = check_times();
      polled.clear();
      polled.push_back({wake_fd, POLLIN, 0});
      const bool accepting = Clock::now() >= accept_paused_until;
      if (accepting) polled.push_back({listen_fd, POLLIN, 0});
      for (const auto& [fd, c] : connections) {
        short events = 0;
        if (c.state == Connection::State::kReading) events = POLLIN;
        else if (c.state == Connection::State::kWriting) events = POLLOUT;
        else if (c.state == Connection::State::kStream) events = static_cast<short>(POLLIN | (c.out.empty() ? 0 : POLLOUT));
        if (events) polled.push_back({fd, events, 0});
      }
      const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next - Clock::now()).count() + 1;
      const int ready = ::poll(polled.data(), polled.size(), static_cast<int>(std::clamp<long long>(wait, 0, 60000)));
      if (ready < 0 && errno != EINTR) break;
      if (ready <= 0 || stopping) continue;
      for (const pollfd& p : polled) {
        if (!p.revents) continue;
        if (p.fd == wake_fd) {
          std::uint64_t count;
          [[maybe_unused]] ssize_t n = ::read(wake_fd, &count, sizeof count);
          take_done();
          if (new_build.exchange(false)) {
            const std::uint64_t now = generation();
            std::vector<int> streams;
            for (const auto& [fd, c] : connections)
              if (c.state == Connection::State::kStream) streams.push_back(fd);
            for (int fd : streams)
              if (auto it = connections.find(fd); it != connections.end()) send_reload_if_newer(fd, it->second, now);
          }
          continue;
        }
        if (p.fd == listen_fd) {
          accept_new();
          continue;
        }
        auto it = connections.find(p.fd);
        if (it == connections.end()) continue;  // closed by something handled before it
        Connection& c = it->second;
        if (c.state == Connection::State::kReading) {
          read_head(p.fd, c);
        } else if (c.state == Connection::State::kWriting) {
          if ((p.revents & (POLLERR | POLLHUP)) && !(p.revents & POLLOUT)) drop(p.fd);
          else if (flush(p.fd, c) && c.out.empty()) response_sent(p.fd, c);
        } else if (c.state == Connection::State::kStream) {
          if (p.revents & (POLLIN | POLLERR | POLLHUP)) {
            read_stream(p.fd);
            if (!connections.count(p.fd)) continue;
          }
          if ((p.revents & POLLOUT) && flush(p.fd, c) && c.out.empty() && c.close_after_out) {
            ::shutdown(p.fd, SHUT_WR);
            drop(p.fd);
          }
        }
      }
    }
  }
};

HttpServer::HttpServer(Handler handler, Refusal refusal, Generation generation, ServerLimits limits)
    : impl_(std::make_unique<Impl>()) {
  impl_->handler = std::move(handler);
  impl_->refusal = std::move(refusal);
  impl_->generation = std::move(generation);
  impl_->limits = limits;
}

HttpServer::~HttpServer() { stop(); }

int HttpServer::bind(const std::string& host, int port) {
  Impl& s = *impl_;
  if (s.listen_fd >= 0 || port < 0 || port > 65535) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  if (::inet_pton(AF_INET, host.c_str(), &address.sin_addr) != 1) return -1;
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  // A quick restart on the same port, but no SO_REUSEPORT: a second serve is refused.
  const int yes = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  socklen_t length = sizeof address;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(fd, SOMAXCONN) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    close_fd(fd);
    return -1;
  }
  s.listen_fd = fd;
  return ntohs(address.sin_port);
}

void HttpServer::start() {
  Impl& s = *impl_;
  if (s.listen_fd < 0 || s.io.joinable() || s.stopped) return;
  s.wake_fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (s.wake_fd < 0) throw std::system_error(errno, std::generic_category(), "eventfd");
  for (std::size_t i = 0; i < std::max<std::size_t>(s.limits.workers, 1); ++i)
    s.workers.emplace_back([&s] { s.work(); });
  s.io = std::thread([&s] { s.run(); });
}

void HttpServer::notify() {
  Impl& s = *impl_;
  s.new_build = true;
  if (s.wake_fd >= 0) s.wake();
}

void HttpServer::stop() {
  Impl& s = *impl_;
  if (s.stopped) return;
  s.stopped = true;
  {
    std::lock_guard lock(s.jobs_mutex);
    s.stopping = true;
  }
  s.jobs_ready.notify_all();
  if (s.wake_fd >= 0) s.wake();
  for (auto& w : s.workers) w.join();
  if (s.io.joinable()) s.io.join();
  for (const auto& [fd, c] : s.connections) close_fd(fd);
  s.connections.clear();
  close_fd(s.listen_fd);
  close_fd(s.wake_fd);
  s.listen_fd = s.wake_fd = -1;
}

}  // namespace kv::serve
