// Kolada's published values (the municipalities' open KPI database, api.kolada.se v2): one
// page of its JSON answer read into (KPI, unit, year) → total, women, men. The shape:
//   {"values": [{"kpi": "U21468", "ou": "V15E018000201", "period": 2024,
//                "values": [{"gender": "T", "status": "", "value": 83.0, "count": 1}, …]}],
//    "count": N, "next_page": "https://…" (absent or null on the last page)}
// with "municipality" instead of "ou" for a municipality's values. Metadata answers
// (/v2/kpi/<id>, /v2/ou?municipality=<kod>, /v2/municipality/<id>) have the same frame with
// rows {"id": "U21468", "title": "…", …}: what each id is called.
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

// id → title, for the KPIs and for the units (organisational units and municipalities).
struct Names {
  std::map<std::string, std::string> kpis, units;
};

// Everything Kolada answered: values, and names where metadata was asked for.
struct Answers {
  Table values;
  Names names;
};

// from's values and names added to into's (from's win).
void merge(Answers& into, Answers from);

struct Page {
  Answers answers;
  std::string next_page;  // "" on the last page
};

// A KPI's id: a capital letter and five digits (U21468).
bool is_kpi_id(const std::string& id);

// One page of JSON; nullopt with error set to what is wrong (in English, for the message's
// details) when it is not Kolada's shape.
std::optional<Page> parse_page(std::string_view json, std::string& error);

}  // namespace kv::kolada
