#include "kolada/kolada_values.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace kv::kolada {
namespace {

using nlohmann::json;

std::optional<int> period_of(const json& row) {
  const auto it = row.find("period");
  if (it == row.end()) return std::nullopt;
  if (it->is_number_integer()) return it->get<int>();
  if (it->is_string()) {
    try {
      return std::stoi(it->get<std::string>());
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

// One row's unit: "ou" or "municipality", a string.
std::optional<std::string> unit_of(const json& row) {
  for (const char* key : {"ou", "municipality"}) {
    const auto it = row.find(key);
    if (it != row.end() && it->is_string()) return it->get<std::string>();
  }
  return std::nullopt;
}

// A metadata row: {"id": …, "title": …}, into the KPIs' or the units' names.
bool read_name(const json& row, Names& names) {
  if (!row.contains("id") || !row["id"].is_string() || !row.contains("title") || !row["title"].is_string()) return false;
  const std::string id = row["id"].get<std::string>();
  (is_kpi_id(id) ? names.kpis : names.units)[id] = row["title"].get<std::string>();
  return true;
}

}  // namespace

bool is_kpi_id(const std::string& id) {
  return id.size() == 6 && id[0] >= 'A' && id[0] <= 'Z' &&
         std::all_of(id.begin() + 1, id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void merge(Answers& into, Answers from) {
  for (auto& [key, values] : from.values) into.values[key] = values;
  for (auto& [id, title] : from.names.kpis) into.names.kpis[id] = std::move(title);
  for (auto& [id, title] : from.names.units) into.names.units[id] = std::move(title);
}

std::optional<Page> parse_page(std::string_view text, std::string& error) {
  const json doc = json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded()) {
    error = "not JSON";
    return std::nullopt;
  }
  if (!doc.is_object() || !doc.contains("values") || !doc["values"].is_array()) {
    error = "no \"values\" list";
    return std::nullopt;
  }
  Page page;
  for (const auto& row : doc["values"]) {
    if (row.is_object() && !row.contains("kpi") && read_name(row, page.answers.names)) continue;
    const auto year = row.is_object() ? period_of(row) : std::nullopt;
    const auto unit = row.is_object() ? unit_of(row) : std::nullopt;
    if (!row.is_object() || !row.contains("kpi") || !row["kpi"].is_string() || !unit || !year || !row.contains("values") ||
        !row["values"].is_array()) {
      error = "a value without kpi, ou or municipality, period and values (or id and title)";
      return std::nullopt;
    }
    Values& v = page.answers.values[{row["kpi"].get<std::string>(), *unit, *year}];
    for (const auto& g : row["values"]) {
      if (!g.is_object() || !g.contains("gender") || !g["gender"].is_string()) continue;
      const auto value = g.find("value");
      if (value == g.end() || !value->is_number()) continue;  // null: no figure published
      const std::string gender = g["gender"].get<std::string>();
      if (gender == "T") v.total = value->get<double>();
      else if (gender == "K") v.women = value->get<double>();
      else if (gender == "M") v.men = value->get<double>();
    }
  }
  if (const auto next = doc.find("next_page"); next != doc.end() && next->is_string()) page.next_page = next->get<std::string>();
  return page;
}

}  // namespace kv::kolada
