// The site's accessibility statement (tillgänglighetsredogörelse), with the parts the
// supervisory authority (DIGG) prescribes: compliance status, known gaps, how to report
// problems and when and how the site was assessed.
#pragma once
#include <string>
#include <vector>

namespace kv::model {

struct AccessibilityGap {
  std::string text;       // what does not work, in plain words
  std::string criterion;  // the WCAG success criterion, e.g. "1.1.1 Icke-textuellt innehåll"
};

struct AccessibilityStatement {
  bool given = false;        // site.yaml has a tillgänglighet: section
  std::string organisation;  // who stands behind the site
  std::string status;        // "helt", "delvis" or "inte" (förenlig med lagen)
  std::vector<AccessibilityGap> gaps;
  std::vector<std::string> disproportionate;  // oskäligt betungande anpassning
  std::vector<std::string> out_of_scope;      // innehåll som inte omfattas av lagen
  std::string email, phone, response_time;    // how to reach the organisation
  std::string assessed, method;               // date (ISO) and way of the latest assessment
  std::string published, updated;             // ISO dates
};

// The compliance words, in the order the statement lists them.
inline const std::vector<std::string>& compliance_words() {
  static const std::vector<std::string> words = {"helt", "delvis", "inte"};
  return words;
}

}  // namespace kv::model
