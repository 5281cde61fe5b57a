// The keys of the site's targets (write/target_log.h): each a hash of everything the target
// is made from, so that an unchanged key means unchanged bytes. A key is made of
//   - the site's inputs outside the unit folders (InputStamp::site: the generator, the
//     options, templates, themes, site.yaml, _beslut/, _arkiv/),
//   - the site's facts every page may show: unit names, documents and their titles, states
//     and parts, editions, indicators, years, references between documents,
//   - the folders it reads: a document's pages read their unit's folder (its other years are
//     linked and compared), a comparison page the documents it shows, and the site-wide
//     pages (start, search, indicators, decisions, workbooks across units) every folder,
//   - what the target is ("question", the document, the part number, …).
// Without the inputs' hashes (serve's preview, a reviewers' build) there are no keys and
// every target is made.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "load/input_hashes.h"
#include "model/site.h"
#include "model/site_index.h"

namespace kv {

class TargetKeys {
 public:
  // inputs: nullptr for a build without keys.
  TargetKeys(const InputHashes* inputs, const model::Site& site, const model::SiteIndex& index, bool with_pdf);

  // "" (make the target) when there are no keys or a folder is unknown.
  std::string unit(const std::string& unit_slug, const std::string& what) const;
  std::string documents(const std::vector<const model::Submission*>& docs, const std::string& what) const;
  std::string site(const std::string& what) const;

 private:
  bool enabled_ = false;
  std::string facts_;  // the site's inputs and facts
  std::string all_;    // and every folder
  const InputHashes* inputs_ = nullptr;
};

}  // namespace kv
