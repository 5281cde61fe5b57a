// Fetching Kolada's values over HTTP(S) (cpp-httplib, TLS from OpenSSL): one request per
// page, following next_page. Kolada's API: api.kolada.se/v2. Every outside input is bounded:
// one deadline for all requests of a run together (connection, headers and bodies), a size
// limit per answer (limits::kKoladaAnswerBytes), and only the API's own origin (scheme, host
// and port of --api) is ever asked — a redirect or a next_page elsewhere is an error naming it.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "diag/diagnostics.h"
#include "kolada/kolada_values.h"

namespace kv::kolada {

inline constexpr const char* kApi = "https://api.kolada.se/v2";

// One unit's values of one KPI and year: <api>/oudata/kpi/<kpi>/ou/<ou>/year/<year> for an
// organisational unit (V15E018000201), <api>/data/kpi/<kpi>/municipality/<id>/year/<year>
// for a municipality (four digits, 0180) when only the municipality's figure exists.
std::string unit_values_url(const std::string& api, const std::string& kpi, const std::string& unit, int year);

// Whether a Kolada id is a municipality's (four digits) rather than an organisational unit's.
bool is_municipality(const std::string& id);

// Where Kolada says what the ids are called: a KPI (/kpi/<id>), the organisational units of an
// OU id's municipality (/ou?municipality=<kod>, its digits 5–8: V15E018000201 → 0180), a
// municipality (/municipality/<id>).
std::string kpi_names_url(const std::string& api, const std::string& kpi);
std::string unit_names_url(const std::string& api, const std::string& unit);

// The scheme, host and port of an http(s) URL, lower case, the port always given
// ("https://api.kolada.se:443"); nullopt when url is no http(s) URL kvalitet would ask
// (another scheme, user info, spaces or control characters, no host, a bad port).
std::optional<std::string> url_origin(const std::string& url);

// One run's requests: they share one deadline (timeout_s from the session's start) and the
// API's origin, and each answer has the same size limit.
struct FetchSession {
  FetchSession(std::string api, int timeout_s);
  std::string api;
  int timeout_s;
  std::chrono::steady_clock::time_point deadline;
  std::uintmax_t max_answer_bytes;
  bool expired = false;  // the deadline was reported; later requests fail without a word
};

// Whether --api is an http(s) address kvalitet can ask; reports it otherwise.
bool check_api(const std::string& api, Diagnostics& diags);

// Every page from url on, merged into answers. On failure reports why (no connection, the
// session's deadline passed, an answer over the limit, a redirect or next_page to another
// origin, an HTTP error, not Kolada's JSON) and returns false.
bool fetch_into(const std::string& url, FetchSession& session, Answers& answers, Diagnostics& diags);

}  // namespace kv::kolada
