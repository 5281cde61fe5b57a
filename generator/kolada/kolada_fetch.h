// Fetching Kolada's values over HTTP(S) (cpp-httplib, TLS from OpenSSL): one request per
// page, following next_page, each with a time limit. Kolada's API: api.kolada.se/v2.
#pragma once
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

// Every page from url on, merged into answers. On failure reports why (no connection, no answer
// within timeout_s, an HTTP error, not Kolada's JSON) and returns false.
bool fetch_into(const std::string& url, int timeout_s, Answers& answers, Diagnostics& diags);

}  // namespace kv::kolada
