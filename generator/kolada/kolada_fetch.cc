#include "kolada/kolada_fetch.h"

#include <httplib.h>

#include <algorithm>
#include <set>

#include "util/text.h"

namespace kv::kolada {
namespace {

constexpr int kMaxPages = 500;  // a loop of next_page links ends here

struct Url {
  std::string origin, target;  // "https://api.kolada.se", "/v2/…?page=2"
};

std::optional<Url> split_url(const std::string& url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string::npos || (url.compare(0, scheme, "https") != 0 && url.compare(0, scheme, "http") != 0)) return std::nullopt;
  const size_t path = url.find('/', scheme + 3);
  if (path == std::string::npos) return Url{url, "/"};
  return Url{url.substr(0, path), url.substr(path)};
}

}  // namespace

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

bool fetch_into(const std::string& first, int timeout_s, Answers& answers, Diagnostics& diags) {
  std::set<std::string> seen;
  std::string url = first;
  for (int page = 0; !url.empty(); ++page) {
    const SourcePos at{url, 0, 0};
    auto parts = split_url(url);
    if (!parts || page == kMaxPages || !seen.insert(url).second) {
      diags.error(at, diags.t(Msg::kKoladaBadAnswer, {url, "next_page"}), diags.t(Msg::kKoladaBadAnswerHint));
      return false;
    }
    httplib::Client client(parts->origin);
    client.set_connection_timeout(timeout_s, 0);
    client.set_read_timeout(timeout_s, 0);
    client.set_write_timeout(timeout_s, 0);
    client.set_follow_location(true);
    auto res = client.Get(parts->target);
    if (!res) {
      const auto err = res.error();
      if (err == httplib::Error::Read || err == httplib::Error::ConnectionTimeout)
        diags.error(at, diags.t(Msg::kKoladaTimeout, {std::to_string(timeout_s)}), diags.t(Msg::kKoladaUnreachableHint));
      else
        diags.error(at, diags.t(Msg::kKoladaUnreachable, {httplib::to_string(err)}), diags.t(Msg::kKoladaUnreachableHint));
      return false;
    }
    if (res->status != 200) {
      diags.error(at, diags.t(Msg::kKoladaHttp, {std::to_string(res->status)}), diags.t(Msg::kKoladaUnreachableHint));
      return false;
    }
    std::string problem;
    auto parsed = parse_page(res->body, problem);
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
