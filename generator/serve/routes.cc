#include "serve/routes.h"

#include <charconv>
#include <fstream>
#include <optional>
#include <sstream>

#include "i18n/messages.h"
#include "pipeline/preview_build.h"
#include "render/html/urls.h"
#include "serve/error_page.h"
#include "serve/readability_badge.h"
#include "serve/reload_script.h"
#include "serve/site_files.h"

namespace kv::serve {

namespace fs = std::filesystem;

namespace {

constexpr const char* kHtml = "text/html; charset=utf-8";
constexpr const char* kText = "text/plain; charset=utf-8";

bool loopback_host(const Request& req) {
  std::string host = req.header("Host");
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
  const std::string v = req.param("sedan");
  std::uint64_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  return ec == std::errc() && end == v.data() + v.size() && !v.empty() ? n : fallback;
}

// The tab is told to reload as soon as a build newer than the one it shows exists; the
// server's I/O thread holds the stream, pings it and sends the event (http_server.h).
Response events(const LiveState& state, const Request& req) {
  Response res;
  res.set_header("Cache-Control", "no-store");
  res.event_stream_since = generation_param(req, state.current()->generation);
  return res;
}

// "/2018/enhet/slag/" from "2018/enhet/slag/index.html".
std::string folder_address(const std::string& index_path) {
  return "/" + index_path.substr(0, index_path.rfind('/') + 1);
}

bool under(const std::string& path, const std::string& folder) {
  return path.starts_with(folder) || path + "/" == folder;
}

// A page of a document left out of the site for its errors, or a missing page of a unit
// with errors (its unit page when all its documents are left out): that place's diagnostics
// (the unit's own files' too) and its folder. nullopt for any other address.
std::optional<std::pair<std::vector<Diagnostic>, std::string>> left_out(const Snapshot& s, const std::string& path,
                                                                       bool missing) {
  for (const auto& place : s.places) {
    bool match = false;
    std::filesystem::path folder = s.content_root / place.unit;
    if (place.year != 0 && !place.rendered) {
      model::Submission doc;
      doc.unit.slug = place.unit;
      doc.year = place.year;
      doc.kind_slug = place.kind;
      match = under(path, folder_address(overview_path(doc)));
      folder = folder / std::to_string(place.year) / place.kind;
    }
    if (!match && missing && under(path, folder_address(unit_page_path(place.unit)))) {
      match = true;
      folder = s.content_root / place.unit;
    }
    if (!match) continue;
    std::vector<Diagnostic> diags;
    for (const auto& d : s.diags) {
      auto at = preview_place(s.content_root, d.pos.path);
      if (at && at->unit == place.unit &&
          (at->year == 0 || folder == s.content_root / place.unit || (at->year == place.year && at->kind == place.kind)))
        diags.push_back(d);
    }
    return std::make_pair(std::move(diags), folder.generic_string());
  }
  return std::nullopt;
}

Response problems(const RouteContext& ctx) {
  Response res;
  res.set_header("Cache-Control", "no-store");
  res.set_content(error_page(*ctx.state->current(), *ctx.roots), kHtml);
  return res;
}

Response source(const RouteContext& ctx, const Request& req) {
  Response res;
  const auto snap = ctx.state->current();
  res.set_header("Cache-Control", "no-store");
  if (auto page = source_page(*ctx.roots, req.param("fil"), snap->lang, snap->generation)) {
    res.set_content(*page, kHtml);
    return res;
  }
  res.status = 403;
  res.set_content(refused_source_page(snap->lang, snap->generation), kHtml);
  return res;
}

Response site(const RouteContext& ctx, const Request& req) {
  Response res;
  const auto snap = ctx.state->current();
  res.set_header("Cache-Control", "no-store");
  const SiteFile f = resolve_site_path(ctx.site, req.path);
  if (f.kind == SiteFile::Kind::kRedirect) {
    res.set_redirect(f.location);
    return res;
  }
  if (!snap->ok && wants_page(req.path, f)) {
    res.set_content(error_page(*snap, *ctx.roots), kHtml);
    return res;
  }
  if (wants_page(req.path, f)) {
    if (auto place = left_out(*snap, req.path, f.kind != SiteFile::Kind::kFile)) {
      res.set_content(place_error_page(*snap, *ctx.roots, place->first, place->second), kHtml);
      return res;
    }
  }
  std::ifstream in(f.file, std::ios::binary);
  std::ostringstream body;
  if (f.kind == SiteFile::Kind::kFile) body << in.rdbuf();
  if (f.kind != SiteFile::Kind::kFile || (!in && !in.eof())) {
    res.status = 404;
    res.set_content(not_found_page(snap->lang, req.path, snap->generation), kHtml);
    return res;
  }
  if (is_html(f.file)) {
    // An answer's page also shows its readability, here only: the published site has no such note.
    std::string extra;
    auto lix = snap->readability.find(f.file.lexically_relative(ctx.site).generic_string());
    if (lix != snap->readability.end()) extra = readability_badge(lix->second, snap->lix_limit, snap->lang);
    res.set_content(inject_after_body_start(inject_at_body_end(body.str(), extra + reload_script(snap->generation)),
                                            problems_banner(*snap)),
                    kHtml);
  }
  else res.set_content(body.str(), content_type_for(f.file));
  return res;
}

}  // namespace

Response answer(const RouteContext& ctx, const Request& req) {
  if (!loopback_host(req)) {
    Response res;
    res.status = 403;
    res.set_content(text(ctx.state->current()->lang, Msg::kServeBadHost), kText);
    return res;
  }
  if (req.path == kEventsPath) return events(*ctx.state, req);
  if (req.path == kSourcePath) return source(ctx, req);
  if (req.path == kProblemsPath || req.path == std::string(kProblemsPath) + "/") return problems(ctx);
  return site(ctx, req);
}

Response refusal(const RouteContext& ctx, int status) {
  Msg message = Msg::kServeBadRequest;
  if (status == 405) message = Msg::kServeMethodNotAllowed;
  if (status == 408) message = Msg::kServeHeadTimeout;
  if (status == 431) message = Msg::kServeHeadTooLarge;
  if (status == 503) message = Msg::kServeBusy;
  return plain_response(status, text(ctx.state->current()->lang, message));
}

}  // namespace kv::serve
