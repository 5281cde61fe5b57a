// Fetching Kolada's values over HTTP(S) (cpp-httplib, TLS from OpenSSL): one request per
// page, following next_page, each with a time limit. Kolada's API: api.kolada.se/v2.
#pragma once
#include <optional>
#include <string>

#include "diag/diagnostics.h"
#include "kolada/kolada_values.h"

namespace kv::kolada {

inline constexpr const char* kApi = "https://api.kolada.se/v2";

// <api>/oudata/kpi/<kpi>/ou/<ou>/year/<year>: one unit's values of one KPI and year.
std::string unit_values_url(const std::string& api, const std::string& kpi, const std::string& ou, int year);

// Every page from url on, merged into table. On failure reports why (no connection, no answer
// within timeout_s, an HTTP error, not Kolada's JSON) and returns false.
bool fetch_into(const std::string& url, int timeout_s, Table& table, Diagnostics& diags);

}  // namespace kv::kolada
