#include "serve/routes.h"

#include <httplib.h>

#include <charconv>
#include <fstream>
#include <sstream>

#include "i18n/messages.h"
#include "serve/error_page.h"
#include "serve/readability_badge.h"
#include "serve/reload_script.h"
#include "serve/site_files.h"

namespace kv::serve {

namespace fs = std::filesystem;
using httplib::Request;
using httplib::Response;

namespace {

constexpr const char* kHtml = "text/html; charset=utf-8";
// How often an idle event stream is written to: a closed tab is noticed then, and its
// server thread freed.
constexpr std::chrono::seconds kPing{10};

bool loopback_host(const Request& req) {
  std::string host = req.get_header_value("Host");
  if (!host.empty() && host.front() == '[') host = host.substr(0, host.find(']') + 1);
  else host = host.substr(0, host.find(':'));
  return host == "127.0.0.1" || host == "localhost";
}

// A request for a page rather than a file the page uses: an .html file, a folder, or an
// address without an extension.
bool wants_page(const std::string& path, const SiteFile& f) {
  if (f.kind == SiteFile::Kind::kFile) return is_html(f.file);
  const fs::path p(path);
  return path.empty() || path.back() == '/' || !p.has_extension() || is_html(p);
}

std::uint64_t generation_param(const Request& req, std::uint64_t fallback) {
  const std::string v = req.get_param_value("sedan");
  std::uint64_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  return ec == std::errc() && end == v.data() + v.size() && !v.empty() ? n : fallback;
}

void events(const LiveState& state, const Request& req, Response& res) {
  const std::uint64_t seen = generation_param(req, state.current()->generation);
  res.set_header("Cache-Control", "no-store");
  res.set_chunked_content_provider(
      "text/event-stream", [&state, seen, started = false](size_t, httplib::DataSink& sink) mutable {
        if (!started) {  // reconnect soon after serve is restarted
          started = true;
          constexpr std::string_view retry = "retry: 1000\n\n";
          return sink.write(retry.data(), retry.size());
        }
        const auto now = state.wait_newer(seen, kPing);
        if (!now) return false;  // shutting down
        if (*now > seen) {       // the page reloads, and so ends this stream: end it here
          const std::string event = "event: reload\ndata: " + std::to_string(*now) + "\n\n";
          sink.write(event.data(), event.size());
          sink.done();
          return true;
        }
        constexpr std::string_view ping = ": ping\n\n";
        return sink.write(ping.data(), ping.size());
      });
}

void source(const RouteContext& ctx, const Request& req, Response& res) {
  const auto snap = ctx.state->current();
  res.set_header("Cache-Control", "no-store");
  if (auto page = source_page(*ctx.roots, req.get_param_value("fil"), snap->lang, snap->generation)) {
    res.set_content(*page, kHtml);
    return;
  }
  res.status = 403;
  res.set_content(refused_source_page(snap->lang, snap->generation), kHtml);
}

void site(const RouteContext& ctx, const Request& req, Response& res) {
  const auto snap = ctx.state->current();
  res.set_header("Cache-Control", "no-store");
  const SiteFile f = resolve_site_path(ctx.site, req.path);
  if (f.kind == SiteFile::Kind::kRedirect) {
    res.set_redirect(f.location);
    return;
  }
  if (!snap->ok && wants_page(req.path, f)) {
    res.set_content(error_page(*snap, *ctx.roots), kHtml);
    return;
  }
  std::ifstream in(f.file, std::ios::binary);
  std::ostringstream body;
  if (f.kind == SiteFile::Kind::kFile) body << in.rdbuf();
  if (f.kind != SiteFile::Kind::kFile || (!in && !in.eof())) {
    res.status = 404;
    res.set_content(not_found_page(snap->lang, req.path, snap->generation), kHtml);
    return;
  }
  if (is_html(f.file)) {
    // An answer's page also shows its readability, here only: the published site has no such note.
    std::string extra;
    auto lix = snap->readability.find(f.file.lexically_relative(ctx.site).generic_string());
    if (lix != snap->readability.end()) extra = readability_badge(lix->second, snap->lix_limit, snap->lang);
    res.set_content(inject_at_body_end(body.str(), extra + reload_script(snap->generation)), kHtml);
  }
  else res.set_content(body.str(), content_type_for(f.file));
}

}  // namespace

void install_routes(httplib::Server& server, const RouteContext& ctx) {
  server.set_pre_routing_handler([&ctx](const Request& req, Response& res) {
    if (loopback_host(req)) return httplib::Server::HandlerResponse::Unhandled;
    res.status = 403;
    res.set_content(text(ctx.state->current()->lang, Msg::kServeBadHost), "text/plain; charset=utf-8");
    return httplib::Server::HandlerResponse::Handled;
  });
  server.Get(kEventsPath, [&ctx](const Request& req, Response& res) { events(*ctx.state, req, res); });
  server.Get(kSourcePath, [&ctx](const Request& req, Response& res) { source(ctx, req, res); });
  server.Get(".*", [&ctx](const Request& req, Response& res) { site(ctx, req, res); });
}

}  // namespace kv::serve
