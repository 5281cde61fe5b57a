// The reviewers' pages of one edition, from the filled review forms (model/review.h) and the
// numbers of model/review_scores.h: the result list, the calibration page and one feedback
// report (återkoppling) per unit. Every score is shown with two decimals at most, and carries
// its exact value in data-value for programs (and the tests that recompute them).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "i18n/messages.h"
#include "i18n/numbers.h"
#include "model/review_form.h"
#include "model/review_scores.h"
#include "render/html/pages.h"
#include "render/html/urls.h"
#include "util/text.h"

namespace kv {
namespace {

std::string edition_title(const model::Edition& e) { return e.structure->name + " " + std::to_string(e.year); }

// A computed score as shown: two decimals in the site's language ("3,25"), a whole one
// without ("3"); one reviewer's score (exact) as they wrote it ("3").
data score_cell(const std::optional<double>& value, Lang lang, bool exact = false) {
  data d;
  std::string shown = "\xE2\x80\x93";  // –
  if (value && (exact || std::abs(*value - std::round(*value)) < 1e-9)) {
    shown = plain_number(exact ? *value : std::round(*value), lang);
  } else if (value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.2f", *value);
    shown = buffer;
    if (lang == Lang::kSv) std::replace(shown.begin(), shown.end(), '.', ',');
  }
  d.set("text", shown);
  d.set("value", value ? plain_number(*value, Lang::kEn) : std::string());
  return d;
}

std::string scale_text(const model::ScoringSpec& scoring, Lang lang) {
  if (!scoring.defined) return "";
  return text(lang, Msg::kUiReviewScale, {plain_number(scoring.min, lang), plain_number(scoring.max, lang)});
}

data review_crumbs(const SiteContext& ctx, const model::Edition& e, const std::string& root, bool link_results) {
  data crumbs = crumbs_from_home(ctx.site, root);
  add_crumb(crumbs, text(ctx.site.lang, Msg::kUiReviewResultsTitle, {edition_title(e)}),
            link_results ? root + review_results_path(e.kind_slug, e.year) : "");
  return crumbs;
}

// Each reviewer's text split into its points (one per line, list markers dropped); the same
// point from several reviewers is given once, in the order first written.
data merged_points(const std::vector<const model::ReviewEntry*>& entries, std::string model::ReviewEntry::*field) {
  data points{data::type::list};
  std::set<std::string> seen;
  for (const auto* e : entries)
    for (const auto& point : model::review_points(e->*field))
      if (seen.insert(fold_case(point)).second) points.push_back(data("text", point));
  return points;
}

// The texts the consensus form agreed, where it has them, else the reviewers' merged.
data feedback_points(const model::QuestionResult& q, std::string model::ReviewEntry::*field,
                     std::string model::AgreedEntry::*agreed) {
  if (!q.agreed || (q.agreed->*agreed).empty()) return merged_points(q.entries, field);
  data points{data::type::list};
  for (const auto& point : model::review_points(q.agreed->*agreed)) points.push_back(data("text", point));
  return points;
}

std::vector<model::UnitResult> results_of(const model::Edition& e, const model::ReviewedEdition& r) {
  std::vector<model::UnitResult> results;
  for (const auto* s : e.submissions) results.push_back(model::unit_result(*e.structure, r, s->unit.slug));
  return results;
}

// "Preliminärt: 3 av 8 bedömda svar har inte en gemensam poäng än; …" while some scored
// answer has no agreed score, "Alla 8 bedömda svar har en gemensam poäng." once all have.
struct AgreedState {
  int scored = 0, agreed = 0;
};

void set_agreed_state(data& d, const AgreedState& state, Lang lang) {
  if (state.agreed < state.scored)
    d.set("preliminary", text(lang, Msg::kUiReviewPreliminary, {std::to_string(state.scored - state.agreed), std::to_string(state.scored)}));
  else if (state.scored > 0)
    d.set("all_agreed", text(lang, Msg::kUiReviewAllAgreed, {std::to_string(state.scored)}));
}

const model::Submission* submission_of(const model::Edition& e, const std::string& slug) {
  for (const auto* s : e.submissions)
    if (s->unit.slug == slug) return s;
  return nullptr;
}

// The units of an edition in classes by the admin field the scoring model names (klass:):
// in the order of the field's choices (typ: val), else by value; units without a value last.
// One class holding everyone when the structure names none.
struct ResultClass {
  std::string heading;  // "" without classes
  std::vector<model::UnitResult> results;
};

std::vector<ResultClass> result_classes(const model::Edition& e, const model::ReviewedEdition& r, Lang lang) {
  const std::string& key = e.structure->scoring.class_field;
  std::vector<model::UnitResult> all = results_of(e, r);
  if (key.empty()) return {{"", std::move(all)}};
  const model::AdminFieldSpec* field = nullptr;
  for (const auto& f : e.structure->admin_fields)
    if (f.key == key) field = &f;
  std::map<std::string, std::vector<model::UnitResult>> by_value;
  for (auto& result : all) {
    std::string value;
    for (const auto& a : submission_of(e, result.unit_slug)->admin)
      if (field && a.label == field->label) value = a.value;
    by_value[value].push_back(std::move(result));
  }
  std::vector<std::string> order = field ? field->choices : std::vector<std::string>{};
  for (const auto& [value, units] : by_value)
    if (!value.empty() && std::find(order.begin(), order.end(), value) == order.end()) order.push_back(value);
  std::vector<ResultClass> classes;
  const std::string label = field ? field->label : key;
  for (const auto& value : order)
    if (by_value.count(value)) classes.push_back({text(lang, Msg::kUiReviewClass, {label, value}), std::move(by_value[value])});
  if (by_value.count("")) classes.push_back({text(lang, Msg::kUiReviewNoClass, {fold_case(label)}), std::move(by_value[""])});
  return classes;
}

// with_mean: the total from the reviewers' means beside the one that counts (some score is agreed).
data result_rows(const SiteContext& ctx, const model::Edition& e, std::vector<model::UnitResult> results, const std::string& root,
                 bool with_mean) {
  const Lang lang = ctx.site.lang;
  model::sort_by_total(results);
  const std::vector<int> places = model::result_places(results);
  data rows{data::type::list};
  for (size_t i = 0; i < results.size(); ++i) {
    const model::Submission* s = submission_of(e, results[i].unit_slug);
    data row, scores{data::type::list};
    row.set("place", places[i] ? std::to_string(places[i]) : std::string("\xE2\x80\x93"));
    row.set("unit", link(root + feedback_path(e.kind_slug, e.year, s->unit.slug), s->unit.name));
    for (const auto& a : results[i].areas) scores.push_back(score_cell(a.score, lang));
    row.set("scores", scores);
    row.set("total", score_cell(results[i].total, lang));
    if (with_mean) row.set("mean_total", score_cell(results[i].mean_total, lang));
    row.set("scored", text(lang, Msg::kUiReviewScoredOf, {std::to_string(results[i].scored), std::to_string(results[i].questions)}));
    row.set("incomplete", data(!results[i].complete()));
    rows.push_back(row);
  }
  return rows;
}

// One question of a feedback report: its score (the agreed one, with the reviewers' mean
// beside it, or the mean), the strengths and improvements, and a link to the answer.
data feedback_question(const model::Structure& st, const model::Submission& s, const model::QuestionResult& q,
                       const std::string& root, Lang lang) {
  data qd;
  qd.set("heading", part_label(st, lang, q.spec->number) + ". " + q.spec->title);
  qd.set("id", "del-" + std::to_string(q.spec->number));
  qd.set("score", score_cell(q.score, lang, q.agreed_score()));
  qd.set("agreed", data(q.agreed_score()));
  qd.set("mean", score_cell(q.mean, lang));
  qd.set("has_mean", data(q.mean.has_value()));
  qd.set("reviewers", !q.score            ? text(lang, Msg::kUiReviewNotScored)
                      : q.entries.empty() ? std::string()
                                          : text(lang, Msg::kUiReviewMeanOf, {std::to_string(q.entries.size())}));
  // Each link says where it leads: a screen reader's list of links is not ten "Läs svaret".
  qd.set("answer", link(root + question_path(s, q.spec->number),
                        text(lang, Msg::kUiReviewReadAnswer, {st.part_word(lang, false) + " " + st.label(q.spec->number)})));
  data strengths = feedback_points(q, &model::ReviewEntry::strengths, &model::AgreedEntry::strengths);
  data improvements = feedback_points(q, &model::ReviewEntry::improvements, &model::AgreedEntry::improvements);
  qd.set("has_strengths", data(!strengths.is_empty_list()));
  qd.set("has_improvements", data(!improvements.is_empty_list()));
  qd.set("strengths", strengths);
  qd.set("improvements", improvements);
  return qd;
}

// A row of the calibration page, the target of the summary's links.
std::string calibration_anchor(int number, const std::string& unit_slug) {
  return "kal-" + std::to_string(number) + "-" + unit_slug;
}

// One unit's row for a question on the calibration page: each reviewer's score, the mean,
// the agreed score (empty until the consensus form gives one), the spread and the flag.
data calibration_row(const model::Submission& s, const model::QuestionResult& qr, const std::vector<std::string>& reviewers,
                     const std::string& root, Lang lang) {
  data row, scores{data::type::list};
  row.set("id", calibration_anchor(qr.spec->number, s.unit.slug));
  row.set("unit", link(root + question_path(s, qr.spec->number), s.unit.name));
  for (const auto& name : reviewers) {
    std::optional<double> score;
    for (const auto* entry : qr.entries)
      if (entry->reviewer == name) score = entry->score;
    scores.push_back(score_cell(score, lang));
  }
  row.set("scores", scores);
  row.set("mean", score_cell(qr.mean, lang));
  row.set("agreed", score_cell(qr.agreed_score() ? qr.agreed->score : std::nullopt, lang, true));
  row.set("spread", score_cell(qr.entries.empty() ? std::nullopt : std::optional<double>(qr.spread), lang));
  row.set("flag", qr.disagreement ? text(lang, Msg::kUiReviewDisagreement) : !qr.score ? text(lang, Msg::kUiCalibrationNobody) : std::string());
  row.set("flagged", data(qr.disagreement));
  row.set("unscored", data(!qr.score));
  return row;
}

// The summary's entry for one answer: "Fråga 3 · Enheten", linked to its row below.
data summary_entry(const model::Structure& st, const model::Submission& s, int number, Lang lang) {
  return link("#" + calibration_anchor(number, s.unit.slug), part_label(st, lang, number) + " \xC2\xB7 " + s.unit.name);
}

// The fixed texts of a feedback report: headings, labels and how scores are computed.
void set_feedback_labels(data& d, Lang lang) {
  d.set("agreed_label", text(lang, Msg::kUiReviewAgreedScore));
  d.set("caption", text(lang, Msg::kUiFeedbackCaption));
  d.set("head_area", text(lang, Msg::kXlsxArea));
  d.set("head_weight", capitalised(text(lang, Msg::kUiReviewWeight)));
  d.set("head_score", text(lang, Msg::kXlsxScore));
  d.set("head_total", text(lang, Msg::kUiReviewTotal));
  d.set("strengths_label", text(lang, Msg::kXlsxStrengths));
  d.set("improvements_label", text(lang, Msg::kXlsxImprovements));
  d.set("score_label", text(lang, Msg::kXlsxScore));
  d.set("method", text(lang, Msg::kUiReviewMethod));
}

}  // namespace

Page render_review_results(const SiteContext& ctx, const model::Edition& e, const model::ReviewedEdition& r) {
  const Lang lang = ctx.site.lang;
  const std::string path = review_results_path(e.kind_slug, e.year), root = root_of(path);
  data d, areas{data::type::list}, classes{data::type::list};
  for (const auto& area : e.structure->areas) {
    data a("title", area.title);
    a.set("weight", plain_number(area.weight, lang));
    areas.push_back(a);
  }
  AgreedState agreed;
  for (const auto& result : results_of(e, r)) agreed.scored += result.scored, agreed.agreed += result.agreed;
  const bool with_mean = agreed.agreed > 0;
  int n = 0;
  for (auto& c : result_classes(e, r, lang)) {
    data cd;
    cd.set("id", "resultat-" + std::to_string(++n));
    cd.set("caption", c.heading.empty() ? text(lang, Msg::kUiReviewResultsCaption) : c.heading);
    cd.set("rows", result_rows(ctx, e, std::move(c.results), root, with_mean));
    classes.push_back(cd);
  }
  set_agreed_state(d, agreed, lang);
  if (with_mean) d.set("head_mean_total", text(lang, Msg::kUiReviewTotalMean));
  const std::string title = text(lang, Msg::kUiReviewResultsTitle, {edition_title(e)});
  d.set("title", title);
  d.set("intro", text(lang, Msg::kUiReviewResultsIntro, {std::to_string(r.reviewers.size()), join(r.reviewers, ", ")}) +
                     (e.structure->scoring.defined ? " " + scale_text(e.structure->scoring, lang) : ""));
  d.set("method", text(lang, Msg::kUiReviewMethod));
  d.set("head_place", text(lang, Msg::kUiReviewPlace));
  d.set("head_unit", text(lang, Msg::kUiUnit));
  d.set("head_total", text(lang, Msg::kUiReviewTotal));
  d.set("head_scored", text(lang, Msg::kUiReviewScored, {e.structure->part_plural(lang)}));
  d.set("weight_label", text(lang, Msg::kUiReviewWeight));
  d.set("areas", areas);
  d.set("classes", classes);
  d.set("calibration", link(root + review_calibration_path(e.kind_slug, e.year), text(lang, Msg::kUiReviewCalibrationTitle, {edition_title(e)})));
  d.set("consensus", link(root + consensus_workbook_path(e.kind_slug, e.year), text(lang, Msg::kUiConsensusWorkbook)));
  d.set("compare", link(root + compare_index_path(e.kind_slug, e.year), text(lang, Msg::kUiCompareIndexTitle, {edition_title(e)})));
  return finish(ctx, {path, "resultat", title, review_crumbs(ctx, e, root, false)}, ctx.layouts.render("review_results", d));
}

Page render_calibration(const SiteContext& ctx, const model::Edition& e, const model::ReviewedEdition& r) {
  const Lang lang = ctx.site.lang;
  const model::Structure& st = *e.structure;
  const std::string path = review_calibration_path(e.kind_slug, e.year), root = root_of(path);
  const std::vector<model::UnitResult> results = results_of(e, r);
  data d, questions{data::type::list}, reviewers{data::type::list}, flagged{data::type::list}, nobody{data::type::list};
  for (const auto& name : r.reviewers) reviewers.push_back(data("name", name));
  // Every answer has its row, scored or not: an answer nobody scored is what a jury must see.
  for (const auto* q : st.questions()) {
    data qd, rows{data::type::list};
    for (const auto& unit : results)
      for (const auto& area : unit.areas)
        for (const auto& qr : area.questions) {
          if (qr.spec != q) continue;
          const model::Submission& s = *submission_of(e, unit.unit_slug);
          rows.push_back(calibration_row(s, qr, r.reviewers, root, lang));
          if (qr.disagreement) flagged.push_back(summary_entry(st, s, q->number, lang));
          if (!qr.score) nobody.push_back(summary_entry(st, s, q->number, lang));
        }
    qd.set("id", "del-" + std::to_string(q->number));
    qd.set("heading", part_label(st, lang, q->number) + ". " + q->title);
    qd.set("rows", rows);
    questions.push_back(qd);
  }
  const std::string title = text(lang, Msg::kUiReviewCalibrationTitle, {edition_title(e)});
  d.set("title", title);
  d.set("intro", st.scoring.disagreement > 0 ? text(lang, Msg::kUiCalibrationIntroThreshold, {plain_number(st.scoring.disagreement, lang)})
                                             : text(lang, Msg::kUiCalibrationNoThreshold));
  d.set("summary_heading", text(lang, Msg::kUiCalibrationSummary));
  auto counted = [&](const data& list, Msg none, Msg one, Msg many) {
    const size_t n = list.list_value().size();
    return text(lang, n == 0 ? none : n == 1 ? one : many, {std::to_string(n)});
  };
  d.set("flagged_text", counted(flagged, Msg::kUiCalibrationFlaggedNone, Msg::kUiCalibrationFlaggedOne, Msg::kUiCalibrationFlaggedMany));
  d.set("nobody_text", counted(nobody, Msg::kUiCalibrationNobodyNone, Msg::kUiCalibrationNobodyOne, Msg::kUiCalibrationNobodyMany));
  d.set("has_flagged", data(!flagged.is_empty_list()));
  d.set("has_nobody", data(!nobody.is_empty_list()));
  d.set("flagged", flagged);
  d.set("nobody", nobody);
  d.set("reviewers", reviewers);
  d.set("questions", questions);
  d.set("head_unit", text(lang, Msg::kUiUnit));
  d.set("head_mean", text(lang, Msg::kUiReviewMean));
  d.set("head_agreed", text(lang, Msg::kUiReviewAgreedHead));
  d.set("head_spread", text(lang, Msg::kUiReviewSpread));
  d.set("head_flag", text(lang, Msg::kUiReviewDisagreementHead));
  return finish(ctx, {path, "kalibrering", title, review_crumbs(ctx, e, root, true)}, ctx.layouts.render("review_calibration", d));
}

Page render_feedback(const SiteContext& ctx, const model::Edition& e, const model::ReviewedEdition& r,
                     const model::Submission& s) {
  const Lang lang = ctx.site.lang;
  const model::Structure& st = *e.structure;
  const std::string path = feedback_path(e.kind_slug, e.year, s.unit.slug), root = root_of(path);
  const model::UnitResult result = model::unit_result(st, r, s.unit.slug);
  data d, summary{data::type::list}, areas{data::type::list};
  for (const auto& a : result.areas) {
    data row("title", a.spec->title);
    row.set("weight", plain_number(a.spec->weight, lang));
    row.set("score", score_cell(a.score, lang));
    summary.push_back(row);
    data area("title", a.spec->title), questions{data::type::list};
    for (const auto& q : a.questions) questions.push_back(feedback_question(st, s, q, root, lang));
    area.set("questions", questions);
    areas.push_back(area);
  }
  const std::string title = text(lang, Msg::kUiFeedbackTitle, {s.unit.name});
  d.set("overline", edition_title(e));
  d.set("title", title);
  d.set("intro", text(lang, Msg::kUiFeedbackIntro, {edition_title(e), std::to_string(r.reviewers.size())}) +
                     (st.scoring.defined ? " " + scale_text(st.scoring, lang) : ""));
  // data(false), not "": mustache opens a section (the notice's box) for any string.
  d.set("incomplete", result.complete() ? data(false)
                                        : data(text(lang, Msg::kUiReviewIncomplete, {std::to_string(result.scored), std::to_string(result.questions),
                                                                                    st.part_plural(lang)})));
  d.set("summary", summary);
  d.set("total", score_cell(result.total, lang));
  set_agreed_state(d, {result.scored, result.agreed}, lang);
  if (result.agreed > 0) {
    d.set("mean_total", score_cell(result.mean_total, lang));
    d.set("head_mean_total", text(lang, Msg::kUiReviewTotalMean));
  }
  d.set("areas", areas);
  set_feedback_labels(d, lang);
  if (ctx.with_pdf) {
    const std::string pdf = feedback_pdf_path(e.kind_slug, e.year, s.unit.slug);
    d.set("pdf", link(pdf.substr(pdf.rfind('/') + 1), text(lang, Msg::kUiFeedbackPdf)));
  }
  return finish(ctx, {path, "aterkoppling", title, review_crumbs(ctx, e, root, true)}, ctx.layouts.render("feedback", d));
}

}  // namespace kv
