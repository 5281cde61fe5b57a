#include "model/site_index.h"

#include <algorithm>
#include <set>

#include "util/text.h"

namespace kv::model {
namespace {

bool by_unit_name(const Submission* a, const Submission* b) {
  if (a->unit.name != b->unit.name) return a->unit.name < b->unit.name;
  return a->unit.slug < b->unit.slug;
}

// Which of two uses of one indicator, unit and year a series keeps: an indikator block over
// an index figure; of index figures, the one in the document of the figure's own year, then
// the one in the newest document (a later document may correct an earlier figure).
bool better_use(const IndicatorUse& a, const IndicatorUse& b) {
  if (a.index_figure != b.index_figure) return !a.index_figure;
  const bool a_own = a.submission->year == a.year, b_own = b.submission->year == b.year;
  if (a_own != b_own) return a_own;
  return a.submission->year > b.submission->year;
}

// Keeps one use per unit and year, then orders them by unit name and newest year first.
void settle(IndicatorSeries& series) {
  std::map<std::pair<std::string, int>, IndicatorUse> kept;
  for (const auto& use : series.uses) {
    auto [at, added] = kept.emplace(std::pair{use.submission->unit.slug, use.year}, use);
    if (!added && better_use(use, at->second)) at->second = use;
  }
  series.uses.clear();
  for (auto& [key, use] : kept) series.uses.push_back(use);
  std::stable_sort(series.uses.begin(), series.uses.end(), [](const IndicatorUse& a, const IndicatorUse& b) {
    if (a.submission->unit.slug != b.submission->unit.slug) return by_unit_name(a.submission, b.submission);
    return a.year > b.year;
  });
}

}  // namespace

std::string indicator_slug(const std::string& name) {
  std::string slug = slugify(name, "indikator");
  if (slug.size() > 100) slug = slug.substr(0, slug.rfind('-', 100));  // file names stay manageable
  return slug;
}

SiteIndex::SiteIndex(const Site& site) {
  std::map<std::string, UnitDocuments> units;
  std::map<std::pair<int, std::string>, Edition, std::greater<>> editions;
  std::map<std::string, IndicatorSeries> indicators;
  for (const auto& s : site.submissions) {  // newest year first
    auto& unit = units[s.unit.slug];
    unit.unit = &s.unit;
    unit.submissions.push_back(&s);
    auto& edition = editions[{s.year, s.kind_slug}];
    edition.kind_slug = s.kind_slug;
    edition.year = s.year;
    edition.structure = s.structure.get();
    edition.submissions.push_back(&s);
    for (const auto& [number, answer] : s.answers)
      for_each_block(answer.blocks, [&, n = number](const Block& b) {
        if (const auto* i = std::get_if<Indicator>(&b.value)) {
          auto& series = indicators[indicator_slug(i->name)];
          if (series.name.empty()) series.name = i->name;
          series.uses.push_back({&s, n, i, s.year, false});
        } else if (const auto* x = std::get_if<IndexSeries>(&b.value)) {
          auto& series = indicators[indicator_slug(x->name)];
          if (series.name.empty()) series.name = x->name;
          for (const auto& v : x->values) {
            auto figure = std::make_unique<Indicator>();
            figure->name = x->name;
            figure->unit = "index";
            figure->outcome = v.value;
            figure->period = std::to_string(v.year);
            series.uses.push_back({&s, n, figure.get(), v.year, true});
            index_figures_.push_back(std::move(figure));
          }
        }
      });
  }
  for (auto& [slug, unit] : units) units_.push_back(std::move(unit));
  // Within a year, kinds sort by slug; the map's greater<> would reverse them.
  for (auto& [key, edition] : editions) {
    std::sort(edition.submissions.begin(), edition.submissions.end(), by_unit_name);
    editions_.push_back(std::move(edition));
  }
  std::stable_sort(editions_.begin(), editions_.end(), [](const Edition& a, const Edition& b) {
    return a.year != b.year ? a.year > b.year : a.kind_slug < b.kind_slug;
  });
  for (auto& [slug, series] : indicators) {
    series.slug = slug;
    settle(series);
    indicators_.push_back(std::move(series));
  }
}

const Edition* SiteIndex::edition(const std::string& kind_slug, int year) const {
  for (const auto& e : editions_)
    if (e.kind_slug == kind_slug && e.year == year) return &e;
  return nullptr;
}

const IndicatorSeries* SiteIndex::indicator(const std::string& slug) const {
  auto it = std::lower_bound(indicators_.begin(), indicators_.end(), slug,
                             [](const IndicatorSeries& s, const std::string& key) { return s.slug < key; });
  return it != indicators_.end() && it->slug == slug ? &*it : nullptr;
}

std::vector<const Submission*> SiteIndex::other_years(const Submission& s) const {
  std::vector<const Submission*> out;
  // units_ is by slug: found in log(units), as every question page asks.
  auto unit = std::lower_bound(units_.begin(), units_.end(), s.unit.slug,
                               [](const UnitDocuments& u, const std::string& slug) { return u.unit->slug < slug; });
  if (unit == units_.end() || unit->unit->slug != s.unit.slug) return out;
  for (const auto* other : unit->submissions)
    if (other != &s && other->kind_slug == s.kind_slug) out.push_back(other);
  return out;
}

std::vector<int> SiteIndex::years() const {
  std::set<int, std::greater<>> years;
  for (const auto& e : editions_) years.insert(e.year);
  return {years.begin(), years.end()};
}

std::vector<int> SiteIndex::indicator_years() const {
  std::set<int> years;
  for (const auto& series : indicators_)
    for (const auto& use : series.uses)
      if (!use.index_figure) years.insert(use.submission->year);  // the years with indicator workbooks
  return {years.begin(), years.end()};
}

}  // namespace kv::model
