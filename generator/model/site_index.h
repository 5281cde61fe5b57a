// Cross-cutting views of a site, computed once before rendering: each unit's documents,
// each edition's (document kind × year) documents, a document's other years and every
// indicator occurrence. Immutable after construction, so page jobs read it in parallel.
// Holds pointers into the Site, which must outlive it and stay unchanged.
#pragma once
#include <map>
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

// One indicator as one unit reported it in one year, in the section it appears in.
struct IndicatorUse {
  const Submission* submission = nullptr;
  int part = 0;
  const Indicator* indicator = nullptr;
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
};

}  // namespace kv::model
