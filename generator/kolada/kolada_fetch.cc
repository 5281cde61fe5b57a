#include "kolada/kolada_fetch.h"

#include <httplib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "util/limits.h"
#include "util/text.h"

namespace kv::kolada {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kMaxPages = 500;  // a loop of next_page links ends here

struct Url {
  std::string origin;  // "https://api.kolada.se:443": scheme, host and port, as compared
  std::string target;  // "/v2/…?page=2", the fragment dropped
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

std::optional<Url> split_url(const std::string& url) {
  for (char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return std::nullopt;
  const size_t colon = url.find("://");
  if (colon == std::string::npos) return std::nullopt;
  const std::string scheme = lower(url.substr(0, colon));
  if (scheme != "http" && scheme != "https") return std::nullopt;
  const size_t start = colon + 3;
  const size_t end = std::min(url.find_first_of("/?#", start), url.size());
  const std::string authority = url.substr(start, end - start);
  if (authority.empty() || authority.find('@') != std::string::npos) return std::nullopt;
  std::string host, port;
  if (authority.front() == '[') {  // [::1]:8080
    const size_t close = authority.find(']');
    if (close == std::string::npos) return std::nullopt;
    host = authority.substr(0, close + 1);
    if (close + 1 < authority.size()) {
      if (authority[close + 1] != ':') return std::nullopt;
      port = authority.substr(close + 2);
    }
  } else {
    const size_t c = authority.find(':');
    host = authority.substr(0, c);
    if (c != std::string::npos) port = authority.substr(c + 1);
  }
  if (host.empty() || host == "[]") return std::nullopt;
  long long number = scheme == "https" ? 443 : 80;
  if (!port.empty() || (authority.back() == ':')) {
    const auto parsed = parse_integer(port);
    if (!parsed || *parsed < 1 || *parsed > 65535 || port.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    number = *parsed;
  }
  std::string target = url.substr(end);
  target = target.substr(0, target.find('#'));
  if (target.empty() || target.front() == '?') target = "/" + target;
  return Url{scheme + "://" + lower(host) + ":" + std::to_string(number), target};
}

// A redirect's Location resolved against the address it answered: absolute, scheme-relative
// (//host/…), absolute-path (/…) or relative to the current folder.
std::string resolve(const std::string& location, const std::string& current) {
  const size_t scheme_end = current.find("://");
  const size_t path = current.find_first_of("/?#", scheme_end + 3);
  const std::string origin = current.substr(0, path);
  if (location.find("://") != std::string::npos && location.find("://") < location.find_first_of("/?#")) return location;
  if (starts_with(location, "//")) return current.substr(0, scheme_end + 1) + location;
  if (starts_with(location, "/")) return origin + location;
  std::string folder = path == std::string::npos ? "/" : current.substr(path, current.find_first_of("?#", path) - path);
  folder = folder.substr(0, folder.rfind('/') + 1);
  if (folder.empty()) folder = "/";
  return origin + folder + location;
}

// Shuts a request's connection down when the session's deadline passes, whatever the server
// is doing: cpp-httplib's timeouts are per read, so a server that sends a byte of its headers
// or body now and then would hold a request forever. Every socket the client opens is
// duplicated (a duplicate keeps the number from being reused while the watchdog may still
// shut it down); shutdown(2) then ends any read or write on it, and the request fails.
class Watchdog {
 public:
  explicit Watchdog(Clock::time_point deadline) : thread_([this, deadline] { watch(deadline); }) {}
  ~Watchdog() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    wake_.notify_all();
    thread_.join();
    for (int fd : sockets_) ::close(fd);
  }
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

  // For set_socket_options: called with each socket before it connects.
  void add(int fd) {
    const int copy = ::dup(fd);
    std::lock_guard lock(mutex_);
    if (copy < 0) return;
    sockets_.push_back(copy);
    if (fired_) ::shutdown(copy, SHUT_RDWR);
  }
  bool fired() {
    std::lock_guard lock(mutex_);
    return fired_;
  }

 private:
  void watch(Clock::time_point deadline) {
    std::unique_lock lock(mutex_);
    if (wake_.wait_until(lock, deadline, [this] { return done_; })) return;
    fired_ = true;
    for (int fd : sockets_) ::shutdown(fd, SHUT_RDWR);
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<int> sockets_;
  bool done_ = false, fired_ = false;
  std::thread thread_;  // last: started once the rest is ready
};

// What one GET brought: the answer's status and Location as read from its headers, its body
// (200 only), and why it was cut short.
struct Exchange {
  int status = 0;
  std::string location;
  std::string body;
  bool too_large = false;
  bool late = false;
  httplib::Error error = httplib::Error::Success;
};

std::time_t seconds_left(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::seconds>(deadline - Clock::now()).count() + 1;
  return std::max<std::time_t>(left, 1);
}

Exchange get(const Url& url, const FetchSession& session) {
  Exchange x;
  if (Clock::now() >= session.deadline) {
    x.late = true;
    return x;
  }
  Watchdog watchdog(session.deadline);
  httplib::Client client(url.origin);
  const std::time_t left = seconds_left(session.deadline);
  client.set_connection_timeout(left, 0);
  client.set_read_timeout(left, 0);
  client.set_write_timeout(left, 0);
  client.set_follow_location(false);  // redirects are checked here (same origin only)
  client.set_socket_options([&watchdog](socket_t fd) { watchdog.add(fd); });
  auto on_headers = [&](const httplib::Response& r) {
    x.status = r.status;
    x.location = r.get_header_value("Location");
    if (r.status != 200) return false;  // its body is not read
    if (r.has_header("Content-Length")) {
      const auto length = parse_integer(r.get_header_value("Content-Length"));
      if (!length || *length < 0 || static_cast<std::uintmax_t>(*length) > session.max_answer_bytes) {
        x.too_large = length.has_value() && *length > 0;
        return !x.too_large;  // a Content-Length that is no number: counted below
      }
    }
    return true;
  };
  auto on_body = [&](const char* data, size_t size) {
    if (x.body.size() + size > session.max_answer_bytes) {
      x.too_large = true;
      return false;
    }
    if (Clock::now() >= session.deadline) {
      x.late = true;
      return false;
    }
    x.body.append(data, size);
    return true;
  };
  auto res = client.Get(url.target, on_headers, on_body);
  if (!res) x.error = res.error();
  else x.status = res->status;
  if (watchdog.fired() || Clock::now() >= session.deadline) x.late = x.late || !res;
  if (x.too_large || x.late) x.body.clear();
  return x;
}

}  // namespace

std::optional<std::string> url_origin(const std::string& url) {
  auto parts = split_url(url);
  if (!parts) return std::nullopt;
  return parts->origin;
}

FetchSession::FetchSession(std::string api_, int timeout_s_)
    : api(std::move(api_)),
      timeout_s(timeout_s_),
      deadline(Clock::now() + std::chrono::seconds(timeout_s_)),
      max_answer_bytes(limits::kKoladaAnswerBytes) {}

bool check_api(const std::string& api, Diagnostics& diags) {
  if (split_url(api)) return true;
  diags.error({"--api", 0, 0}, diags.t(Msg::kKoladaBadApi, {api}), diags.t(Msg::kKoladaBadApiHint));
  return false;
}

bool is_municipality(const std::string& id) {
  return id.size() == 4 && std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

namespace {
std::string base_of(std::string api) {
  while (!api.empty() && api.back() == '/') api.pop_back();
  return api;
}
}  // namespace

std::string kpi_names_url(const std::string& api, const std::string& kpi) { return base_of(api) + "/kpi/" + kpi; }

std::string unit_names_url(const std::string& api, const std::string& unit) {
  if (is_municipality(unit)) return base_of(api) + "/municipality/" + unit;
  const std::string municipality = unit.size() >= 8 && unit[3] == 'E' ? unit.substr(4, 4) : "";
  if (is_municipality(municipality)) return base_of(api) + "/ou?municipality=" + municipality;
  return base_of(api) + "/ou/" + unit;
}

std::string unit_values_url(const std::string& api, const std::string& kpi, const std::string& unit, int year) {
  const std::string base = base_of(api);
  if (is_municipality(unit)) return base + "/data/kpi/" + kpi + "/municipality/" + unit + "/year/" + std::to_string(year);
  return base + "/oudata/kpi/" + kpi + "/ou/" + unit + "/year/" + std::to_string(year);
}

bool fetch_into(const std::string& first, FetchSession& session, Answers& answers, Diagnostics& diags) {
  const auto api = split_url(session.api);
  if (!api) return check_api(session.api, diags);
  std::set<std::string> seen;
  std::string url = first;
  for (int page = 0; !url.empty(); ++page) {
    const SourcePos at{url, 0, 0};
    auto parts = split_url(url);
    if (!parts || page == kMaxPages || !seen.insert(url).second) {
      diags.error(at, diags.t(Msg::kKoladaBadAnswer, {url, "next_page"}), diags.t(Msg::kKoladaBadAnswerHint));
      return false;
    }
    if (parts->origin != api->origin) {
      diags.error(at, diags.t(Msg::kKoladaForeignNextPage, {url, api->origin}), diags.t(Msg::kKoladaForeignHint));
      return false;
    }
    Exchange x;
    for (int redirects = 0;; ++redirects) {
      if (session.expired) return false;  // the deadline was reported once
      x = get(*parts, session);
      if (x.late) {
        session.expired = true;
        diags.error(at, diags.t(Msg::kKoladaTimeout, {std::to_string(session.timeout_s)}), diags.t(Msg::kKoladaTimeoutHint));
        return false;
      }
      if (x.too_large) {
        diags.error(at, diags.t(Msg::kKoladaAnswerTooLarge, {url, group_digits(session.max_answer_bytes)}),
                    diags.t(Msg::kKoladaAnswerTooLargeHint));
        return false;
      }
      const bool redirect = x.status == 301 || x.status == 302 || x.status == 303 || x.status == 307 || x.status == 308;
      if (!redirect || x.location.empty()) break;
      const std::string target = resolve(x.location, parts->origin + parts->target);
      auto next = split_url(target);
      if (!next || next->origin != api->origin) {
        diags.error(at, diags.t(Msg::kKoladaForeignRedirect, {target, api->origin}), diags.t(Msg::kKoladaForeignHint));
        return false;
      }
      if (redirects == limits::kKoladaRedirects) {
        diags.error(at, diags.t(Msg::kKoladaTooManyRedirects, {std::to_string(limits::kKoladaRedirects), url}),
                    diags.t(Msg::kKoladaUnreachableHint));
        return false;
      }
      parts = std::move(next);
    }
    if (x.status == 0 || (x.status == 200 && x.error != httplib::Error::Success)) {  // no answer, or cut off
      diags.error(at, diags.t(Msg::kKoladaUnreachable, {httplib::to_string(x.error)}), diags.t(Msg::kKoladaUnreachableHint));
      return false;
    }
    if (x.status != 200) {
      diags.error(at, diags.t(Msg::kKoladaHttp, {std::to_string(x.status)}), diags.t(Msg::kKoladaUnreachableHint));
      return false;
    }
    std::string problem;
    auto parsed = parse_page(x.body, problem);
    if (!parsed) {
      diags.error(at, diags.t(Msg::kKoladaBadAnswer, {url, problem}), diags.t(Msg::kKoladaBadAnswerHint));
      return false;
    }
    merge(answers, std::move(parsed->answers));
    url = parsed->next_page;
  }
  return true;
}

}  // namespace kv::kolada
