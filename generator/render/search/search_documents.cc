#include "render/search/search_documents.h"

#include <map>

#include "render/html/urls.h"
#include "render/search/search_index.h"
#include "util/escape.h"

// sok/dokument.js, read by the search page with the manifest:
//   (window.kvSok = window.kvSok || []).push({"format":2,"units":["slug",…],"kinds":["slug",…],
//   "parts":[[0,1,2,…],…],"documents":[[first,unit,kind,parts],…]});
// documents: one per document in page order: its first page, its unit's and kind's index in
// units and kinds, and the index in parts of its pages' thread numbers. Pages of one unit and
// kind with the same thread number are one part in several years. Thread numbers and the
// parts lists are shared (most documents of an edition have the same pages), which keeps the
// file at a few bytes per document.

namespace kv {
namespace {

// Each distinct string's index in sorted order: deterministic whatever the input order.
std::map<std::string, int> numbering(const std::vector<std::string>& values) {
  std::map<std::string, int> out;
  for (const auto& v : values) out.emplace(v, 0);
  int next = 0;
  for (auto& [value, index] : out) index = next++;
  return out;
}

void append_strings(std::string& out, const char* name, const std::map<std::string, int>& numbers) {
  out += ",\"";
  out += name;
  out += "\":[";
  bool first = true;
  for (const auto& [value, index] : numbers) {
    if (!first) out += ',';
    first = false;
    append_json_string_utf8(out, value);
  }
  out += ']';
}

}  // namespace

void write_search_documents(const std::vector<SearchDocument>& documents, const OutputTree& out) {
  std::vector<std::string> units, kinds, threads;
  for (const auto& d : documents) {
    units.push_back(d.unit);
    kinds.push_back(d.kind);
    threads.insert(threads.end(), d.threads.begin(), d.threads.end());
  }
  const auto unit_numbers = numbering(units), kind_numbers = numbering(kinds), thread_numbers = numbering(threads);
  std::map<std::vector<int>, int> part_lists;  // a document's thread numbers → its index in "parts"
  std::string parts, rows;
  for (const auto& d : documents) {
    std::vector<int> list;
    for (const auto& t : d.threads) list.push_back(thread_numbers.at(t));
    auto [at, added] = part_lists.emplace(list, static_cast<int>(part_lists.size()));
    if (added) {
      parts += part_lists.size() > 1 ? ",[" : "[";
      for (size_t i = 0; i < list.size(); ++i) parts += (i ? "," : "") + std::to_string(list[i]);
      parts += ']';
    }
    rows += rows.empty() ? "[" : ",\n[";
    rows += std::to_string(d.first_doc) + ',' + std::to_string(unit_numbers.at(d.unit)) + ',' +
            std::to_string(kind_numbers.at(d.kind)) + ',' + std::to_string(at->second) + ']';
  }
  std::string file = "/* Search index: each document's unit, kind and parts (format in search_documents.cc). */\n";
  file += kSearchPush;
  file += "{\"format\":2";
  append_strings(file, "units", unit_numbers);
  append_strings(file, "kinds", kind_numbers);
  file += ",\n\"parts\":[" + parts + "],\n\"documents\":[\n" + rows + "]});\n";
  out.write(search_documents_path(), file);
}

}  // namespace kv
