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

// Every page from url on, merged into table. On failure reports why (no connection, no answer
// within timeout_s, an HTTP error, not Kolada's JSON) and returns false.
bool fetch_into(const std::string& url, int timeout_s, Table& table, Diagnostics& diags);

}  // namespace kv::kolada
