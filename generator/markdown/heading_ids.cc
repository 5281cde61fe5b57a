#include "markdown/heading_ids.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "util/text.h"

namespace kv::markdown {
namespace {

// Every literal id in templates/layouts (tests/links_test.cc checks the list against them).
// The templated ones cannot meet a heading's id: "ar-2018" is on the start page, which has no
// prose, and where "enhet-<unit>" and "del-07" are, headings' ids carry a prefix.
constexpr std::array<std::string_view, 27> kLayoutIds = {
    "administrativa-uppgifter", "efter-ar",    "efter-enhet",          "enhetens-ar",  "enheter-i-utgavan",
    "enheter-rubrik",           "enheternas-svar", "genvagar-rubrik",  "indikatorer-rubrik", "innehall",
    "innehallsforteckning",     "inledning",   "inledning-rubrik",     "jamfor-rubrik", "nedladdningar",
    "sok-falt",                 "sok-sida",    "sokfler",              "sokresultat",  "sokstatus",  "sokvisa",
    "trend-rubrik", "krav-rubrik", "poang-rubrik", "enhetens-indikatorer",
    "enhetens-indikatorer-tabell", "att-diskutera"};

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

}  // namespace

std::string heading_slug(std::string_view heading_text) { return slugify(heading_text, "rubrik"); }

bool reserved_id(std::string_view id) {
  if (starts_with(id, "kv-")) return true;  // the blocks' own ids: kv-mal-1, kv-uppfoljning-1
  if (std::find(kLayoutIds.begin(), kLayoutIds.end(), id) != kLayoutIds.end()) return true;
  if (!starts_with(id, "diagram-")) return false;
  std::string_view rest = id.substr(8);
  if (rest.size() > 2 && (rest.substr(rest.size() - 2) == "-t" || rest.substr(rest.size() - 2) == "-d"))
    rest.remove_suffix(2);
  return all_digits(rest);
}

std::string HeadingIds::add(const std::string& slug) {
  std::string id = slug;
  for (int n = 2; reserved_id(id) || taken_.count(id); ++n) id = slug + "-" + std::to_string(n);
  taken_.insert(id);
  return id;
}

}  // namespace kv::markdown
