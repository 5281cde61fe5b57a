// The jury's decision on an edition (content/_beslut/<år>/<slag>.yaml): the winners and the
// honourable mentions, each with the jury's motivation. Public: it is what the city
// announces; the scores and comments behind it stay on the reviewers' site.
#pragma once
#include <string>
#include <vector>

namespace kv::model {

// One unit the jury names. Invariant: the unit has a submitted document of the edition
// (validate/decisions.h), so the page can link to it.
struct Award {
  std::string unit_slug;
  std::string unit_name;
  std::vector<std::string> motivation;  // paragraphs, as written (plain text)
};

struct Decision {
  int year = 0;
  std::string kind_slug;
  std::string date;  // datum: YYYY-MM-DD, "" when not given
  std::vector<Award> winners;
  std::vector<Award> mentions;  // hedersomnämnanden
};

}  // namespace kv::model
