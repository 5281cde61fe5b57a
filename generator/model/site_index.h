// Cross-cutting views of a site, computed once before rendering: each unit's documents,
// each edition's (document kind × year) documents, a document's other years and every
// indicator occurrence. Immutable after construction, so page jobs read it in parallel.
// Holds pointers into the Site, which must outlive it and stay unchanged.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/site.h"

namespace kv::model {

struct UnitDocuments {
  const Unit* unit = nullptr;
  std::vector<const Submission*> submissions;  // newest year first, then kind
};

// All units' documents of one kind and year, e.g. every Kvalitetsutmärkelsen 2018.
struct Edition {
  std::string kind_slug;
  int year = 0;
  const Structure* structure = nullptr;
  std::vector<const Submission*> submissions;  // by unit name
};

// One indicator as one unit reported it for one year, in the part it appears in: a report's
// indikator block, or one year's figure of an award's index block (AMI per year), which
// joins the trend of the indicator with the same name.
struct IndicatorUse {
  const Submission* submission = nullptr;  // the document reporting it
  int part = 0;
  // The indikator block; for an index figure, an indicator made from it (owned by the
  // SiteIndex): its name, the unit "index", the figure as outcome, the year as period.
  const Indicator* indicator = nullptr;
  int year = 0;  // the year the value is for: the document's, or the index figure's own
  bool index_figure = false;  // no target, no split by gender
};

struct IndicatorSeries {
  std::string slug, name;           // name: as first written (newest year)
  std::vector<IndicatorUse> uses;   // by unit name, then year (newest first)
};

// Indicators are the same indicator when their names give the same slug.
std::string indicator_slug(const std::string& name);

class SiteIndex {
 public:
  explicit SiteIndex(const Site& site);
  SiteIndex(const SiteIndex&) = delete;  // uses point into index_figures_
  SiteIndex& operator=(const SiteIndex&) = delete;

  const std::vector<UnitDocuments>& units() const { return units_; }          // by slug
  const std::vector<Edition>& editions() const { return editions_; }          // newest first, then kind
  const std::vector<IndicatorSeries>& indicators() const { return indicators_; }  // by slug
  const Edition* edition(const std::string& kind_slug, int year) const;
  const IndicatorSeries* indicator(const std::string& slug) const;
  // The same unit's documents of the same kind in other years, newest first.
  std::vector<const Submission*> other_years(const Submission& s) const;
  std::vector<int> years() const;  // every year with a document, newest first
  std::vector<int> indicator_years() const;  // years with at least one indicator, oldest first

 private:
  std::vector<UnitDocuments> units_;
  std::vector<Edition> editions_;
  std::vector<IndicatorSeries> indicators_;
  std::vector<std::unique_ptr<Indicator>> index_figures_;  // stable addresses
};

}  // namespace kv::model
