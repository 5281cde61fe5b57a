// An award or report structure, read from templates/structures/*.yaml.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/lang.h"

namespace kv::model {

struct AdminFieldSpec {
  std::string key, label;
  std::string type;  // one of admin_field_types()
  std::vector<std::string> choices;  // typ: val — the values allowed, as written
  bool required = false;
};

// The administrative field types a structure may use: text, telefon, e-post, heltal, datum,
// decimaltal, url, val (one of the field's val: list).
const std::vector<std::string>& admin_field_types();

// What an answer must (or should) contain: part name → minimum count.
using PartCounts = std::map<std::string, int>;

// A part of a structure: which structure, which number.
struct PartRef {
  std::string structure;  // the structure's id
  int number = 0;
  bool operator==(const PartRef&) const = default;
};

struct QuestionSpec {
  // number: what the part is known by inside kvalitet (answers, addresses): nr: itself when
  // every nr: of the structure is a whole number, else the part's place in the declared
  // order (1, 2, …). label: nr: as readers and authors see it ("7", "1.1").
  int number = 0;
  std::string label;
  std::string title;
  PartCounts required;
  PartCounts recommended;
  int direction_goal = 0;  // reports: the KF:s inriktningsmål this section follows up (0: none)
  std::string guidance;    // vägledning: advice to authors (kvalitet ny writes it as a comment)
  // följer_upp: the part of the previous year's document (same unit and kind) whose mål
  // blocks this part's uppföljning blocks follow up (0: none).
  int follows_up = 0;
  // The parts of earlier editions this one corresponds to (motsvarar:, or inherited with
  // bygger_på:), nearest edition first, through every edition before it.
  std::vector<PartRef> earlier;
  bool is_new = false;  // motsvarar: ny — declared to have no counterpart
  std::string criteria;  // kriterier: what reviewers score the answer against
  double weight = 1;     // vikt: the question's weight in its area's score
};

// What the numbered parts are called: "fråga" in an award, "avsnitt" in a report. The name
// is the front matter key, the file and page prefix (as slug) and the word in messages.
struct PartNaming {
  std::string name = "fråga";
  std::string english = "question";
  std::string slug = "fraga";
  std::string plural = "frågor";  // the key of their list in the structure file
};

struct KfGoalSpec {  // KF:s mål för verksamhetsområdet, e.g. 1.4
  std::string number, title;
};

struct DirectionGoalSpec {  // KF:s inriktningsmål, e.g. 1
  int number = 0;
  std::string title;
  std::vector<KfGoalSpec> goals;
};

struct PrincipleSpec {  // one principle of the city's quality programme
  std::string key, name;
};

// An activity report's goal frame: the city council's goals, the quality programme's
// principles and the Agenda 2030 goals the report's blocks refer to.
struct ReportSpec {
  std::vector<DirectionGoalSpec> direction_goals;
  std::vector<PrincipleSpec> principles;
  std::vector<std::string> agenda_2030;  // names of goals 1–17

  const KfGoalSpec* find_kf_goal(const std::string& number) const;
  std::vector<std::string> kf_goal_numbers() const;
};

struct PlanSpec {  // an action plan
  // uppföljningsdatum: the admin field holding the date the plan is followed up on; actions
  // due before it and not done are warned about ("": no such check).
  std::string follow_up_field;
};

struct NarrativeSpec {  // a development narrative
  // numrerade_rubriker: authors number their headings within each part ("1.1", "1.1.1");
  // the numbers are checked and the print table of contents lists the numbered headings.
  bool numbered_headings = false;
  // projektantal / projektsumma: admin fields (heltal) stating how many projekt blocks the
  // document has and what their funding adds up to ("": not checked).
  std::string project_count_field, project_funding_field;
};

// bedömning: how reviewers score an answer. A scale from min to max in whole steps, or
// labelled steps; a spread between reviewers above `disagreement` is flagged for calibration.
struct ScoreStep {
  double value = 0;
  std::string label;
};

struct ScoringSpec {
  bool defined = false;
  double min = 0, max = 0;
  std::vector<ScoreStep> steps;  // empty: every whole number from min to max
  double disagreement = 0;       // oenighet: 0 — none flagged
  // klass: the key of the admin field whose value puts a unit in a class; the result list
  // ranks each class on its own ("": one list).
  std::string class_field;
};

// behållare: a container the structure's documents may hold beside the built-in ones
// (exempel, styrkor, …), e.g. "::: lärdomar"; kräver: and rekommenderar: may name it.
struct ContainerSpec {
  std::string name;     // as authors write it after ":::"
  std::string heading;  // rubrik: shown above its content
  bool boxed = false;   // visas: ruta — set apart in a box, as Exempel; otherwise a section with a heading
};

struct AreaSpec {
  std::string title;
  std::vector<QuestionSpec> questions;
  double weight = 1;  // vikt: the area's weight in the total
};

struct Structure {
  std::string id;    // e.g. kvalitetsutmarkelsen-2018
  // bygger_på: the structure this one was made from, overriding only what it states ("": none).
  std::string based_on;
  // föregående: the earlier edition whose part numbers motsvarar: gives (default: based_on).
  std::string previous;
  std::string kind;  // e.g. kvalitetsutmarkelsen
  std::string name;  // e.g. Kvalitetsutmärkelsen
  int year = 0;
  std::string footer;  // print footer pattern, e.g. "Sida {sida} av {sidor}"
  int max_pages = 0;   // the printed document's page limit (0: none)
  // sista_dag: the day documents of this edition are due, YYYY-MM-DD ("": not stated). Never
  // inherited through bygger_på: another year's deadline would be wrong.
  std::string deadline;
  double min_font_pt = 0;  // the smallest font size allowed in print, in points (0: none)
  bool landscape = false;  // orientering: liggande — print pages across (an action plan's wide table)
  std::vector<AdminFieldSpec> admin_fields;
  std::string intro_title;  // "": the structure has no introduction (no inledning:)
  bool intro_required = false;
  std::string intro_guidance;
  std::vector<AreaSpec> areas;
  std::vector<ContainerSpec> containers;  // behållare:, in the order declared
  ScoringSpec scoring;
  PartNaming part;
  // What only some kinds of document have; empty elsewhere.
  ReportSpec report;
  PlanSpec plan;
  NarrativeSpec narrative;

  const QuestionSpec* find_question(int number) const;
  // The part an author or a structure names by its label ("1.1"; "07" for 7 too), or nullptr.
  const QuestionSpec* find_label(std::string_view label) const;
  // Part n's label ("7", "1.1"); the number itself for a part the structure does not have.
  std::string label(int number) const;
  // Whether some label is not a whole number: part files then say `fråga: "1.1"`.
  bool has_text_labels() const;
  const ContainerSpec* find_container(const std::string& name) const;
  // The containers its documents may use: the built-in ones, then its own.
  std::vector<std::string> container_names() const;
  // What kräver:, rekommenderar: and undantag: may name: model::part_names() and its own containers.
  std::vector<std::string> part_names() const;
  // "fraga-07" / "avsnitt-07" / "fraga-1-1": the file stem and page folder of part n, from
  // its label (a whole number two digits wide, other labels with '-' for what is not a letter
  // or digit).
  std::string part_slug(int number) const;
  std::string part_slug_of(std::string_view label) const;
  // "fråga" / "question"; capitalised: "Fråga" / "Question" (for headings).
  std::string part_word(Lang lang, bool capitalised = false) const;
  // "frågor" / "questions", "avsnitt" / "sections".
  std::string part_plural(Lang lang) const;
  std::vector<const QuestionSpec*> questions() const;  // in order
  const AreaSpec* area_of(int number) const;
};

// The number of the part of `to` that corresponds to part `number` of `from`; 0 when none.
// Parts correspond within one structure by number, across structures only as declared
// (motsvarar:, bygger_på:), in either direction, or through a part of an earlier edition
// both correspond to. Editions are never matched by number alone: question 8 of one year
// may ask something else than question 8 of another.
int corresponding_part(const Structure& from, int number, const Structure& to);

}  // namespace kv::model
