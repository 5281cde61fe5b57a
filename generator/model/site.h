// A whole site: settings and every submission, validated and typed.
#pragma once
#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "i18n/lang.h"
#include "model/audience.h"
#include "model/accessibility.h"
#include "model/blocks.h"
#include "model/decision.h"
#include "model/review.h"
#include "model/structure.h"
#include "model/theme.h"

namespace kv::model {

struct AdminValue {
  std::string label, value, type;
};

// A warning `check` gave about an answer, kept for its reviewers.
struct AnswerWarning {
  int line = 0;  // in the answer's file; 0: the file as a whole
  std::string message, hint;
};

struct Answer {
  int number = 0;
  std::string source_path;
  std::vector<Block> blocks;
  // Recommended parts its author left out on purpose, with the reason (undantag:,
  // validate/waivers.h).
  std::map<std::string, std::string> waived;
  std::vector<AnswerWarning> warnings;  // in the order check printed them
};

struct Unit {
  std::string slug, name, administration;  // administration: förvaltning
};

struct Submission {
  Unit unit;
  int year = 0;
  std::string kind_slug;  // folder name, e.g. kvalitetsutmarkelsen
  std::string source_folder;  // as the author knows it, e.g. "content/enhet/2018/kvalitetsutmarkelsen"
  std::shared_ptr<const Structure> structure;
  std::vector<AdminValue> admin;  // in the structure's order; only fields given
  std::vector<Block> intro;
  std::string intro_path;  // inledning.md as the author named it; "" without one
  std::map<int, Answer> answers;  // by question number
  std::optional<PlanDate> follow_up;  // an action plan's follow-up date (PlanSpec::follow_up_field)
  // inlamning.yaml status: utkast while the unit writes; without status: submitted.
  bool draft = false;
  std::string submitted_on;  // inlämnad_datum:, YYYY-MM-DD; "" when not given

  // Site-relative folder of this submission, e.g. "2018/skarholmen/kvalitetsutmarkelsen".
  std::string url_path() const;
};

// A draft left out of a build (model/audience.h), named in one line with its problems' count.
struct DraftNote {
  std::string unit_slug;
  std::string unit_name;
  std::string title;   // "Verksamhetsberättelse 2024"
  std::string folder;  // as the author knows it
  std::string kind_slug;
  int year = 0;
  int errors = 0, warnings = 0;
  std::string deadline;  // its structure's sista_dag:, "" when not stated
  bool operator==(const DraftNote&) const = default;
};

struct Site {
  std::string title;
  Lang lang = Lang::kSv;
  std::string theme = "default";
  // The theme's folders, as validation resolved theme (validate/theme_file.h).
  Theme theme_chain;
  std::string base_url;  // the published site's address, ending in '/'; "" when not given
  int lix_limit = 0;     // site.yaml lix_gräns: a warning for running text above it; 0: none
  AccessibilityStatement accessibility;
  // bedömare: the reviewers, each with a sheet of their own in the review forms; empty: one
  // sheet for whoever reviews.
  std::vector<std::string> reviewers;
  // frysta_år: published years whose pages must stay as archived (package/frozen_years.h).
  // Their pages, workbooks and PDFs are never rendered: the site takes them from the package.
  std::vector<int> frozen_years;
  std::vector<Submission> submissions;  // sorted by year (newest first), unit, kind
  // The filled review forms, read only by `kvalitet bedomning` (validate/review_forms.h);
  // empty in every other build, which therefore has no reviewers' pages. By kind, then year.
  std::vector<ReviewedEdition> reviews;
  // The jury's decisions (validate/decisions.h), by year then kind; public.
  std::vector<Decision> decisions;
  model::Audience audience = model::Audience::kPublic;  // who this build is for
  std::vector<DraftNote> drafts_left_out;  // sorted as submissions

  bool frozen(int year) const { return std::find(frozen_years.begin(), frozen_years.end(), year) != frozen_years.end(); }
};

}  // namespace kv::model
