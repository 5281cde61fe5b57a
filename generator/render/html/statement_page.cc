// The accessibility statement (tillgänglighetsredogörelse), in the order and wording of the
// supervisory authority's (DIGG's) template, filled in from site.yaml.
#include "i18n/messages.h"
#include "render/format.h"
#include "render/html/pages.h"
#include "render/html/urls.h"

namespace kv {
namespace {

Msg by_status(const std::string& status, Msg full, Msg partly, Msg not_compliant) {
  return status == "helt" ? full : status == "delvis" ? partly : not_compliant;
}

data text_list(const std::vector<std::string>& items) {
  data list{data::type::list};
  for (const auto& item : items) list.push_back(data(item));
  return list;
}

data statement_data(const model::Site& site) {
  const Lang lang = site.lang;
  const model::AccessibilityStatement& s = site.accessibility;
  data d;
  d.set("title", text(lang, Msg::kUiStatementTitle, {site.title}));
  d.set("intro", text(lang, Msg::kUiStatementIntro, {s.organisation, site.title}));
  d.set("status_word", text(lang, by_status(s.status, Msg::kUiCompliantWordFull, Msg::kUiCompliantWordPartly,
                                            Msg::kUiCompliantWordNot)));
  d.set("how_accessible", text(lang, by_status(s.status, Msg::kUiAccessibleFull, Msg::kUiAccessiblePartly,
                                               Msg::kUiAccessibleNot)));
  d.set("compliance", text(lang, by_status(s.status, Msg::kUiCompliantFull, Msg::kUiCompliantPartly,
                                           Msg::kUiCompliantNot)));
  d.set("commitment", text(lang, Msg::kUiCommitment, {s.organisation}));
  d.set("email", s.email.empty() ? data(false) : data(s.email));
  d.set("phone", s.phone.empty() ? data(false) : data(s.phone));
  d.set("response_time", s.response_time.empty() ? data(false) : data(text(lang, Msg::kUiResponseTime, {s.response_time})));
  data gaps{data::type::list};
  for (const auto& g : s.gaps) {
    data gap;
    gap.set("text", g.text);
    gap.set("criterion", g.criterion.empty() ? data(false) : data(text(lang, Msg::kUiCriterion, {g.criterion})));
    gaps.push_back(gap);
  }
  d.set("gaps", gaps);
  d.set("has_gaps", data(!s.gaps.empty()));
  d.set("disproportionate", text_list(s.disproportionate));
  d.set("has_disproportionate", data(!s.disproportionate.empty()));
  d.set("out_of_scope", text_list(s.out_of_scope));
  d.set("has_out_of_scope", data(!s.out_of_scope.empty()));
  d.set("has_inaccessible", data(!s.gaps.empty() || !s.disproportionate.empty() || !s.out_of_scope.empty()));
  d.set("method", s.method);
  d.set("assessed_date", format_date(s.assessed, lang));
  d.set("assessed", text(lang, Msg::kUiLatestAssessment, {format_date(s.assessed, lang)}));
  d.set("published", s.published.empty() ? data(false) : data(text(lang, Msg::kUiPublished, {format_date(s.published, lang)})));
  d.set("updated_date", format_date(s.updated, lang));
  d.set("updated", text(lang, Msg::kUiUpdated, {format_date(s.updated, lang)}));
  return d;
}

}  // namespace

Page render_statement_page(const SiteContext& ctx) {
  const Lang lang = ctx.site.lang;
  const std::string path = statement_path(), root = root_of(path);
  data d = ctx.site.accessibility.given ? statement_data(ctx.site) : data{};
  d.set("given", data(ctx.site.accessibility.given));
  d.set("missing", text(lang, Msg::kUiStatementMissing));
  data t = labels(lang);
  for (auto [key, id] : {std::pair{"how_accessible", Msg::kUiHowAccessible}, {"what_you_can_do", Msg::kUiWhatYouCanDo},
                         {"what_you_can_do_text", Msg::kUiWhatYouCanDoText}, {"email", Msg::kUiEmail},
                         {"phone", Msg::kUiPhone}, {"report_problems", Msg::kUiReportProblems},
                         {"report_problems_text", Msg::kUiReportProblemsText}, {"supervision", Msg::kUiSupervision},
                         {"supervision_text", Msg::kUiSupervisionText}, {"supervision_link", Msg::kUiSupervisionLink},
                         {"technical", Msg::kUiTechnicalInfo}, {"not_accessible", Msg::kUiNotAccessible},
                         {"non_compliance", Msg::kUiNonCompliance}, {"disproportionate", Msg::kUiDisproportionate},
                         {"out_of_scope", Msg::kUiOutOfScope}, {"how_tested", Msg::kUiHowTested},
                         {"compliance_status", Msg::kUiComplianceStatus}, {"assessment_date", Msg::kUiAssessmentDate},
                         {"updated_date", Msg::kUiUpdatedDate}})
    t.set(key, text(lang, id));
  d.set("t", t);
  data crumbs = crumbs_from_home(ctx.site, root);
  add_crumb(crumbs, text(lang, Msg::kUiStatement), "");
  return finish(ctx, {path, "tillganglighet", text(lang, Msg::kUiStatement), crumbs}, ctx.layouts.render("statement", d));
}

}  // namespace kv
