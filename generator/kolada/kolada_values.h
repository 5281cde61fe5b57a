// Kolada's published values (the municipalities' open KPI database, api.kolada.se v2): one
// page of its JSON answer read into (KPI, unit, year) → total, women, men. The shape:
//   {"values": [{"kpi": "U21468", "ou": "V15E018000201", "period": 2024,
//                "values": [{"gender": "T", "status": "", "value": 83.0, "count": 1}, …]}],
//    "count": N, "next_page": "https://…" (absent or null on the last page)}
// with "municipality" instead of "ou" for a municipality's values.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace kv::kolada {

struct Key {
  std::string kpi, unit;  // unit: the organisational unit's or municipality's id
  int year = 0;
  auto operator<=>(const Key&) const = default;
};

struct Values {
  std::optional<double> total, women, men;  // T, K, M; a value Kolada has no figure for is empty
};

using Table = std::map<Key, Values>;

struct Page {
  Table values;
  std::string next_page;  // "" on the last page
};

// One page of JSON; nullopt with error set to what is wrong (in English, for the message's
// details) when it is not Kolada's shape.
std::optional<Page> parse_page(std::string_view json, std::string& error);

}  // namespace kv::kolada
