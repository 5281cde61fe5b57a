#include "model/submission_codec.h"

#include "util/byte_codec.h"

namespace kv {

template <typename A>
void io(A& a, Number& n) {
  io(a, n.value);
  io(a, n.decimals);
  if (n.decimals < 0 || n.decimals > kMaxDecimals) a.fail();
}

namespace model {

// An enum's value, refused beyond its last (a changed file must not make an unknown one).
template <typename A, typename E>
void io_enum(A& a, E& e, E last) {
  a.value(e);
  if (static_cast<uint64_t>(e) > static_cast<uint64_t>(last)) a.fail();
}

// Each io lists every field that reading gives, in declaration order. Left out on purpose:
// what the checks across documents fill in (ThreadRef and Reference lists, a link's resolved
// target, an answer's attached warnings), so that a kept document is as if just read.
template <typename A>
void io(A& a, Link& l) {
  io(a, l.external);
  io(a, l.url);
  io(a, l.file);
  io(a, l.fragment);
  io(a, l.source);
  io(a, l.line);
  io(a, l.col);
}
template <typename A>
void io(A& a, ProseHeading& h) {
  io(a, h.id);
  io(a, h.text);
  io(a, h.level);
  io(a, h.line);
}
template <typename A>
void io(A& a, Prose& p) {
  io(a, p.html);
  io(a, p.links);
  io(a, p.images);
  io(a, p.headings);
}
template <typename A>
void io(A& a, Goal& g) {
  io(a, g.goal);
  io(a, g.expected_result);
  io(a, g.method);
  io(a, g.follow_up);
}
template <typename A>
void io(A& a, GoalFollowUp& f) {
  io(a, f.goal);
  io(a, f.result);
  io(a, f.analysis);
  io(a, f.take_forward);
}
template <typename A>
void io(A& a, SurveyRow& r) {
  io(a, r.answer);
  io(a, r.total);
  io(a, r.women);
  io(a, r.men);
  io(a, r.other);
}
template <typename A>
void io(A& a, SurveyTable& t) {
  io(a, t.question);
  io(a, t.rows);
}
template <typename A>
void io(A& a, EconomyYear& y) {
  io(a, y.year);
  io(a, y.budget);
  io(a, y.outcome);
  io(a, y.result);
  io(a, y.forecast);
}
template <typename A>
void io(A& a, EconomyTable& t) {
  io(a, t.unit);
  io(a, t.years);
  io(a, t.footnote);
}
template <typename A>
void io(A& a, IndexValue& v) {
  io(a, v.year);
  io(a, v.value);
  io(a, v.sub_indices);
}
template <typename A>
void io(A& a, IndexSeries& s) {
  io(a, s.name);
  io(a, s.description);
  io(a, s.values);
}
template <typename A>
void io(A& a, AnnualCycle& c) {
  io(a, c.months);
}
template <typename A>
void io(A& a, Figure& f) {
  io(a, f.caption);
  io(a, f.file);
}
template <typename A>
void io(A& a, KfGoal& g) {
  io(a, g.number);
  io(a, g.title);
  io_enum(a, g.status, GoalStatus::kNoData);
}
template <typename A>
void io(A& a, SubUnitValue& v) {
  io(a, v.name);
  io(a, v.value);
}
template <typename A>
void io(A& a, Indicator& i) {
  io(a, i.name);
  io(a, i.unit);
  io(a, i.higher_is_better);
  io(a, i.outcome);
  io(a, i.men);
  io(a, i.women);
  io(a, i.previous);
  io(a, i.target);
  io(a, i.kf_target);
  io(a, i.kf_target_text);
  io(a, i.period);
  io(a, i.analysis);
  io(a, i.sub_units);
  io(a, i.kolada);
  io(a, i.from_kolada);
}
template <typename A>
void io(A& a, BoardGoal& g) {
  io(a, g.goal);
  io(a, g.description);
  io(a, g.expected_results);
}
template <typename A>
void io(A& a, Activity& x) {
  io(a, x.activity);
  io(a, x.start);
  io(a, x.end);
  io(a, x.deviation);
  io(a, x.analysis);
}
template <typename A>
void io(A& a, UnitGoal& g) {
  io(a, g.goal);
  io_enum(a, g.status, GoalStatus::kNoData);
  io(a, g.expected_results);
  io(a, g.analysis);
}
template <typename A>
void io(A& a, Principles& p) {
  io(a, p.texts);
}
template <typename A>
void io(A& a, AgendaGoal& g) {
  io(a, g.number);
  io(a, g.name);
  io(a, g.text);
}
template <typename A>
void io(A& a, Agenda2030& g) {
  io(a, g.goals);
}
template <typename A>
void io(A& a, ComplaintRow& r) {
  io(a, r.category);
  io(a, r.t1);
  io(a, r.t2);
  io(a, r.vb);
  io(a, r.total);
  io(a, r.summary);
}
template <typename A>
void io(A& a, ComplaintGroup& g) {
  io(a, g.title);
  io(a, g.rows);
}
template <typename A>
void io(A& a, Complaints& c) {
  io(a, c.groups);
}
template <typename A>
void io(A& a, PlanDate& d) {
  io(a, d.year);
  io(a, d.month);
  io(a, d.day);
}
template <typename A>
void io(A& a, ActionItem& x) {
  io(a, x.problem);
  io(a, x.action);
  io(a, x.when);
  io(a, x.start);
  io(a, x.end);
  io_enum(a, x.status, ActionStatus::kDelayed);
  io(a, x.responsible);
  io(a, x.follow_up);
}
template <typename A>
void io(A& a, Project& p) {
  io(a, p.name);
  io(a, p.period);
  io(a, p.funding);
  io(a, p.goal);
  io(a, p.result);
}
template <typename A>
void io(A& a, Block& b);
template <typename A>
void io(A& a, Container& c) {
  io(a, c.kind);
  io(a, c.children);
  io(a, c.heading);
  io(a, c.boxed);
}
template <typename A>
void io(A& a, Block& b) {
  io(a, b.value);
  io(a, b.line);
}
template <typename A>
void io(A& a, AdminValue& v) {
  io(a, v.label);
  io(a, v.value);
  io(a, v.type);
}
template <typename A>
void io(A& a, Answer& x) {
  io(a, x.number);
  io(a, x.source_path);
  io(a, x.blocks);
  io(a, x.waived);
}
template <typename A>
void io(A& a, Unit& u) {
  io(a, u.slug);
  io(a, u.name);
  io(a, u.administration);
}
template <typename A>
void io(A& a, Submission& s) {
  io(a, s.unit);
  io(a, s.year);
  io(a, s.kind_slug);
  io(a, s.source_folder);
  io(a, s.admin);
  io(a, s.intro);
  io(a, s.intro_path);
  io(a, s.answers);
  io(a, s.follow_up);
  io(a, s.draft);
  io(a, s.submitted_on);
}

namespace {
// Changes whenever a field above is added, removed or reordered.
constexpr std::string_view kFormat = "kvalitet-dokument 1\n";
}  // namespace

std::string encode_submission(const Submission& s) {
  ByteWriter w;
  w.bytes() = kFormat;
  std::string id = s.structure ? s.structure->id : "";
  io(w, id);
  io(w, const_cast<Submission&>(s));  // the writer only reads what it is given
  return std::move(w.bytes());
}

std::optional<DecodedSubmission> decode_submission(std::string_view bytes) {
  if (bytes.substr(0, kFormat.size()) != kFormat) return std::nullopt;
  ByteReader r(bytes.substr(kFormat.size()));
  DecodedSubmission d;
  io(r, d.structure_id);
  io(r, d.submission);
  if (!r.ok() || !r.at_end()) return std::nullopt;
  return d;
}

}  // namespace model
}  // namespace kv
