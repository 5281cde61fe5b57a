#include "validate/structure_file.h"

#include <algorithm>
#include <functional>
#include <set>

#include "i18n/numbers.h"
#include "load/source.h"
#include "model/vocabulary.h"
#include "validate/map_reader.h"
#include "validate/part_name.h"
#include "validate/report_blocks.h"
#include "util/text.h"
#include "validate/site.h"

namespace kv {
namespace {

using Need = MapReader::Need;
namespace fs = std::filesystem;

model::PartCounts read_parts(MapReader& map, const std::string& key, const std::vector<std::string>& names) {
  model::PartCounts counts;
  if (!map.has(key)) return counts;
  YAML::Node node = map.get(key);
  Diagnostics& diagnostics = map.diagnostics();
  if (!node.IsMap()) {
    diagnostics.error(map.pos(key), diagnostics.t(Msg::kExpectedMapping), diagnostics.t(Msg::kExpectedMappingHint));
    return counts;
  }
  for (const auto& entry : node) {
    std::string name = entry.first.Scalar();
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      diagnostics.error(position(entry.first, map.origin()), diagnostics.t(Msg::kUnknownKey, {name}), diagnostics.suggest(name, names));
      continue;
    }
    auto n = read_number(entry.second, name, map.origin(), diagnostics);
    if (n) counts[name] = static_cast<int>(*n);
  }
  return counts;
}


// vikt: a positive number (default 1).
double read_weight(MapReader& map) {
  auto w = map.number("vikt", Need::kOptional);
  if (!w) return 1;
  if (*w > 0) return *w;
  Diagnostics& diagnostics = map.diagnostics();
  diagnostics.error(map.pos("vikt"), diagnostics.t(Msg::kWeightNotPositive, {plain_number(*w, diagnostics.lang)}), diagnostics.t(Msg::kWeightNotPositiveHint));
  return 1;
}

// bedömning: {från, till, steg: [{värde, etikett}], oenighet}.
void read_scoring(MapReader& top, model::Structure& s) {
  if (!top.has("bedömning")) return;
  Diagnostics& diagnostics = top.diagnostics();
  MapReader b(top.get("bedömning"), top.origin(), diagnostics, {"från", "till", "steg", "oenighet", "klass"});
  model::ScoringSpec scoring;
  scoring.defined = true;
  scoring.min = b.number("från", Need::kRequired).value_or(0);
  scoring.max = b.number("till", Need::kRequired).value_or(0);
  scoring.disagreement = b.number("oenighet", Need::kOptional).value_or(0);
  if (scoring.max <= scoring.min && b.has("från") && b.has("till"))
    diagnostics.error(b.pos("till"), diagnostics.t(Msg::kScaleEmpty, {plain_number(scoring.min, diagnostics.lang), plain_number(scoring.max, diagnostics.lang)}),
                 diagnostics.t(Msg::kScaleEmptyHint));
  for (const auto& node : b.list("steg", Need::kOptional)) {
    MapReader step(node, top.origin(), diagnostics, {"värde", "etikett"});
    auto value = step.number("värde", Need::kRequired);
    auto label = step.text("etikett", Need::kRequired);
    if (!value || !label) continue;
    if (*value < scoring.min || *value > scoring.max || (!scoring.steps.empty() && *value <= scoring.steps.back().value)) {
      diagnostics.error(step.pos("värde"), diagnostics.t(Msg::kScaleStepOutside, {plain_number(*value, diagnostics.lang), plain_number(scoring.min, diagnostics.lang),
                                                                       plain_number(scoring.max, diagnostics.lang)}),
                   diagnostics.t(Msg::kScaleStepOutsideHint));
      continue;
    }
    scoring.steps.push_back({*value, *label});
  }
  if (auto field = b.text("klass", Need::kOptional)) {
    std::vector<std::string> keys;
    for (const auto& f : s.admin_fields) keys.push_back(f.key);
    if (std::find(keys.begin(), keys.end(), *field) != keys.end()) scoring.class_field = *field;
    else diagnostics.error(b.pos("klass"), diagnostics.t(Msg::kScoringClassField, {*field}), diagnostics.suggest(*field, keys));
  }
  s.scoring = std::move(scoring);
}

// motsvarar: N (part N of the previous edition) or ny. Sets what the question corresponds to.
void read_correspondence(MapReader& q, const model::Structure& s, const model::Structure* previous, model::QuestionSpec& question) {
  Diagnostics& diagnostics = q.diagnostics();
  if (!q.has("motsvarar")) {
    if (previous && !question.label.empty())
      diagnostics.warning(q.pos("nr"), diagnostics.t(Msg::kCorrespondsMissing, {s.part_word(diagnostics.lang, true), question.label, short_title(question.title),
                                                                      previous->part_word(diagnostics.lang), previous->id}),
                     diagnostics.t(Msg::kCorrespondsMissingHint, {previous->id}));
    return;
  }
  const std::string value{trim(q.text("motsvarar", Need::kOptional).value_or(""))};
  if (value.empty()) return;  // not a text: reported by text()
  if (fold_case(value) == "ny") {
    question.is_new = true;
    return;
  }
  if (!previous) {
    if (s.previous.empty()) diagnostics.error(q.pos("motsvarar"), diagnostics.t(Msg::kCorrespondsNoPrevious), diagnostics.t(Msg::kCorrespondsNoPreviousHint));
    return;  // a named but unknown previous structure is reported once, at föregående:
  }
  const model::QuestionSpec* earlier = previous->find_label(value);
  if (!earlier) {
    auto all = previous->questions();
    const std::string range = all.empty() ? "" : all.front()->label + "\xE2\x80\x93" + all.back()->label;
    diagnostics.error(q.pos("motsvarar"), diagnostics.t(Msg::kCorrespondsUnknown, {previous->part_word(diagnostics.lang, true), value, previous->id}),
                 diagnostics.t(Msg::kCorrespondsUnknownHint, {previous->part_word(diagnostics.lang), previous->id, range}));
    return;
  }
  question.earlier = {{previous->id, earlier->number}};
  question.earlier.insert(question.earlier.end(), earlier->earlier.begin(), earlier->earlier.end());
}

// nr: as written, "" after reporting why it cannot be a label: a whole number above zero, or
// letters, digits and dots ("1.1", "2a") that are not all dots.
std::string read_label(MapReader& q) {
  const std::string label{trim(q.text("nr", Need::kRequired).value_or(""))};
  if (label.empty()) return "";
  if (auto n = parse_integer(label)) {
    if (*n > 0) return std::to_string(*n);
  } else if (std::all_of(label.begin(), label.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.';
             }) && label.find_first_not_of('.') != std::string::npos && label.front() != '.' && label.back() != '.') {
    return label;
  }
  Diagnostics& diagnostics = q.diagnostics();
  diagnostics.error(q.pos("nr"), diagnostics.t(Msg::kQuestionLabelInvalid, {label}), diagnostics.t(Msg::kQuestionLabelInvalidHint));
  return "";
}

// Every part's number: nr: itself when all are whole numbers, else its place in the order
// the structure declares (see QuestionSpec::number).
void number_parts(model::Structure& s) {
  const bool whole = !s.has_text_labels();
  int place = 0;
  for (auto& area : s.areas)
    for (auto& q : area.questions) {
      ++place;
      q.number = q.label.empty() ? 0 : whole ? static_cast<int>(*parse_integer(q.label)) : place;
    }
}

void read_areas(MapReader& top, model::Structure& s, const model::Structure* previous) {
  std::set<std::string> labels;
  const std::string& key = s.part.plural;
  const std::vector<std::string> part_names = s.part_names();
  s.areas.clear();
  for (const auto& area_node : top.list("områden", Need::kRequired)) {
    MapReader area(area_node, top.origin(), top.diagnostics(), {"titel", key, "vikt"});
    model::AreaSpec spec;
    spec.title = area.text("titel", Need::kRequired).value_or("");
    spec.weight = read_weight(area);
    for (const auto& q_node : area.list(key, Need::kRequired)) {
      MapReader q(q_node, top.origin(), top.diagnostics(),
                  {"nr", "titel", "kräver", "rekommenderar", "inriktningsmål", "vägledning", "följer_upp", "motsvarar", "kriterier",
                   "vikt"});
      model::QuestionSpec question;
      question.label = read_label(q);
      question.title = q.text("titel", Need::kRequired).value_or("");
      question.required = read_parts(q, "kräver", part_names);
      question.recommended = read_parts(q, "rekommenderar", part_names);
      question.direction_goal = static_cast<int>(q.integer("inriktningsmål", Need::kOptional).value_or(0));
      question.guidance = q.text("vägledning", Need::kOptional).value_or("");
      question.follows_up = static_cast<int>(q.integer("följer_upp", Need::kOptional).value_or(0));
      read_correspondence(q, s, previous, question);
      question.criteria = q.text("kriterier", Need::kOptional).value_or("");
      question.weight = read_weight(q);
      // "1.1" and "1-1" would share a page address: labels are compared as their slugs.
      if (!question.label.empty() && !labels.insert(s.part_slug_of(question.label)).second)
        top.diagnostics().error(q.pos("nr"), top.diagnostics().t(Msg::kQuestionDuplicate, {s.part.name, question.label, s.id}));
      spec.questions.push_back(std::move(question));
    }
    s.areas.push_back(std::move(spec));
  }
  number_parts(s);
}

// behållare: [{namn, rubrik, visas: ruta|avsnitt}]: containers of the structure's own. A name
// is one word (it follows ":::") and not a name the content model already has.
void read_containers(MapReader& top, model::Structure& s) {
  Diagnostics& diagnostics = top.diagnostics();
  s.containers.clear();
  const std::vector<std::string> taken = model::part_names();
  for (const auto& node : top.list("behållare", Need::kOptional)) {
    MapReader c(node, top.origin(), diagnostics, {"namn", "rubrik", "visas"});
    auto name = c.text("namn", Need::kRequired);
    auto heading = c.text("rubrik", Need::kRequired);
    const std::string shown = c.text("visas", Need::kOptional).value_or("avsnitt");
    if (shown != "ruta" && shown != "avsnitt")
      diagnostics.error(c.pos("visas"), diagnostics.t(Msg::kContainerShownUnknown, {shown}), diagnostics.suggest(shown, {"ruta", "avsnitt"}));
    if (!name || !heading) continue;
    const bool one_word = !name->empty() && std::none_of(name->begin(), name->end(), [](char ch) {
      return ch == ' ' || ch == '\t' || ch == ':' || ch == '`' || ch == '{' || ch == '}';
    });
    if (!one_word) {
      diagnostics.error(c.pos("namn"), diagnostics.t(Msg::kContainerNameNotWord, {*name}), diagnostics.t(Msg::kContainerNameNotWordHint));
    } else if (std::find(taken.begin(), taken.end(), *name) != taken.end() || s.find_container(*name)) {
      diagnostics.error(c.pos("namn"), diagnostics.t(Msg::kContainerNameTaken, {*name}), diagnostics.t(Msg::kContainerNameTakenHint));
    } else {
      s.containers.push_back({*name, *heading, shown == "ruta"});
    }
  }
}

void read_admin_fields(MapReader& top, model::Structure& s) {
  const auto& types = model::admin_field_types();
  Diagnostics& diagnostics = top.diagnostics();
  s.admin_fields.clear();
  for (const auto& node : top.list("administrativa_uppgifter", Need::kRequired)) {
    MapReader f(node, top.origin(), diagnostics, {"nyckel", "etikett", "typ", "krävs", "val"});
    model::AdminFieldSpec field;
    field.key = f.text("nyckel", Need::kRequired).value_or("");
    field.label = f.text("etikett", Need::kRequired).value_or(field.key);
    field.type = f.text("typ", Need::kOptional).value_or("text");
    field.required = f.boolean("krävs").value_or(false);
    if (std::find(types.begin(), types.end(), field.type) == types.end()) {
      const std::string closest = closest_match(field.type, types);
      diagnostics.error(f.pos("typ"), diagnostics.t(Msg::kAdminTypeUnknown, {field.type, field.key}),
                   closest.empty() ? diagnostics.t(Msg::kAdminTypeUnknownHint, {join(types, ", ")}) : diagnostics.suggest(field.type, types));
    }
    for (const auto& choice : f.list("val", Need::kOptional))
      if (auto v = read_text(choice, "val", top.origin(), diagnostics)) field.choices.push_back(*v);
    if (field.type == "val" && field.choices.empty())
      diagnostics.error(f.pos(f.has("val") ? "val" : "typ"), diagnostics.t(Msg::kAdminChoicesMissing, {field.key}), diagnostics.t(Msg::kAdminChoicesMissingHint));
    else if (field.type != "val" && f.has("val"))
      diagnostics.error(f.pos("val"), diagnostics.t(Msg::kAdminChoicesUnused), diagnostics.t(Msg::kAdminChoicesUnusedHint));
    s.admin_fields.push_back(std::move(field));
  }
}

void read_part_naming(MapReader& top, model::Structure& s) {
  if (!top.has("del")) return;
  MapReader del(top.get("del"), top.origin(), top.diagnostics(), {"namn", "engelska", "flertal"});
  s.part.name = del.text("namn", Need::kRequired).value_or(s.part.name);
  s.part.english = del.text("engelska", Need::kRequired).value_or(s.part.english);
  s.part.slug = suggest_slug(s.part.name);
  // The list's key: frågor in an award, avsnitt in a report, kapitel in a narrative.
  s.part.plural = del.text("flertal", Need::kOptional).value_or(s.part.name == "fråga" ? "frågor" : s.part.name);
}

void read_direction_goals(MapReader& top, model::Structure& s) {
  std::set<std::string> seen;
  s.report.direction_goals.clear();
  for (const auto& node : top.list("kf_mål", Need::kOptional)) {
    MapReader d(node, top.origin(), top.diagnostics(), {"nr", "titel", "mål"});
    model::DirectionGoalSpec direction;
    direction.number = static_cast<int>(d.integer("nr", Need::kRequired).value_or(0));
    direction.title = d.text("titel", Need::kRequired).value_or("");
    for (const auto& goal_node : d.list("mål", Need::kRequired)) {
      MapReader g(goal_node, top.origin(), top.diagnostics(), {"nr", "titel"});
      model::KfGoalSpec goal{g.text("nr", Need::kRequired).value_or(""), g.text("titel", Need::kRequired).value_or("")};
      // A KF goal's number starts with its inriktningsmål's: 1.4 belongs to 1.
      if (goal.number.rfind(std::to_string(direction.number) + ".", 0) != 0)
        top.diagnostics().error(g.pos("nr"), top.diagnostics().t(Msg::kKfGoalNumbering, {goal.number, std::to_string(direction.number)}),
                           top.diagnostics().t(Msg::kKfGoalNumberingHint, {std::to_string(direction.number)}));
      else if (!seen.insert(goal.number).second)
        top.diagnostics().error(g.pos("nr"), top.diagnostics().t(Msg::kDuplicateKey, {goal.number}), top.diagnostics().t(Msg::kDuplicateKeyHint));
      direction.goals.push_back(std::move(goal));
    }
    s.report.direction_goals.push_back(std::move(direction));
  }
}

void read_principles(MapReader& top, model::Structure& s) {
  if (top.has("kvalitetsprogram")) s.report.principles.clear();
  if (top.has("agenda_2030")) s.report.agenda_2030.clear();
  for (const auto& node : top.list("kvalitetsprogram", Need::kOptional)) {
    MapReader p(node, top.origin(), top.diagnostics(), {"nyckel", "namn"});
    auto key = p.text("nyckel", Need::kRequired);
    auto name = p.text("namn", Need::kRequired);
    if (key && name) s.report.principles.push_back({*key, *name});
  }
  for (const auto& node : top.list("agenda_2030", Need::kOptional))
    if (auto name = read_text(node, "agenda_2030", top.origin(), top.diagnostics())) s.report.agenda_2030.push_back(*name);
}

// orientering: stående | liggande; uppföljningsdatum: the key of an admin field of type datum.
void read_print_and_follow_up(MapReader& top, model::Structure& s) {
  if (auto o = top.choice("orientering", {"stående", "liggande"}, Need::kOptional)) s.landscape = *o == "liggande";
  auto field = top.text("uppföljningsdatum", Need::kOptional);
  if (!field) return;
  for (const auto& f : s.admin_fields)
    if (f.key == *field && f.type == "datum") {
      s.plan.follow_up_field = *field;
      return;
    }
  Diagnostics& diagnostics = top.diagnostics();
  diagnostics.error(top.pos("uppföljningsdatum"), diagnostics.t(Msg::kActionFollowUpField, {*field}), diagnostics.t(Msg::kActionFollowUpFieldHint));
}

// projektantal / projektsumma: keys of admin fields of type heltal.
std::string integer_field(MapReader& top, const model::Structure& s, const std::string& key) {
  auto field = top.text(key, Need::kOptional);
  if (!field) return "";
  for (const auto& f : s.admin_fields)
    if (f.key == *field && f.type == "heltal") return *field;
  Diagnostics& diagnostics = top.diagnostics();
  diagnostics.error(top.pos(key), diagnostics.t(Msg::kTotalField, {*field, key}), diagnostics.t(Msg::kTotalFieldHint));
  return "";
}

void read_narrative(MapReader& top, model::Structure& s) {
  if (auto numbered = top.boolean("numrerade_rubriker")) s.narrative.numbered_headings = *numbered;
  if (top.has("projektantal")) s.narrative.project_count_field = integer_field(top, s, "projektantal");
  if (top.has("projektsumma")) s.narrative.project_funding_field = integer_field(top, s, "projektsumma");
}

// A structure named by bygger_på: or föregående:, reported when it does not exist.
const model::Structure* named_structure(MapReader& top, const std::string& key, const StructureSet& known, const BrokenStructures& broken) {
  auto id = top.text(key, Need::kOptional);
  if (!id) return nullptr;
  if (auto it = known.find(*id); it != known.end()) return it->second.get();
  if (broken.count(*id)) return nullptr;  // its own file's errors say what is wrong
  std::vector<std::string> ids;
  for (const auto& [other, s] : known) ids.push_back(other);
  for (const auto& [other, file] : broken) ids.push_back(other);  // meant, though it has errors itself
  Diagnostics& diagnostics = top.diagnostics();
  diagnostics.error(top.pos(key), diagnostics.t(Msg::kStructureUnknown, {*id}),
               ids.empty() ? diagnostics.t(Msg::kStructureUnknownHint, {"-"}) : diagnostics.suggest(*id, ids));
  return nullptr;
}

void read_deadline(MapReader& top, model::Structure& s) {
  s.deadline.clear();
  auto day = top.text("sista_dag", Need::kOptional);
  if (!day) return;
  if (valid_iso_date(*day)) s.deadline = *day;
  else report_bad_date(top.pos("sista_dag"), *day, top.diagnostics());
}

// A structure made from another starts as a copy of it; its parts correspond to the base's
// parts of the same number until it lists its own areas.
std::shared_ptr<model::Structure> start_from(const model::Structure* base) {
  if (!base) return std::make_shared<model::Structure>();
  auto s = std::make_shared<model::Structure>(*base);
  for (auto& area : s->areas)
    for (auto& q : area.questions) {
      std::vector<model::PartRef> earlier{{base->id, q.number}};
      earlier.insert(earlier.end(), q.earlier.begin(), q.earlier.end());
      q.earlier = std::move(earlier);
      q.is_new = false;
    }
  return s;
}

}  // namespace

std::shared_ptr<const model::Structure> read_structure(const fs::path& file, Diagnostics& diagnostics, const StructureSet& known,
                                                       const BrokenStructures& broken) {
  auto source = read_source(file, diagnostics);
  if (!source) return nullptr;
  YamlOrigin origin{source->path, 0, source->text};
  auto root = parse_yaml(origin, diagnostics);
  if (!root) return nullptr;
  const int errors_before = diagnostics.list.error_count();
  MapReader top(*root, origin, diagnostics,
                {"id", "bygger_på", "föregående", "slag", "namn", "år", "sidfot", "sista_dag", "max_sidor", "minsta_teckenstorlek", "del",
                 "administrativa_uppgifter", "inledning", "kf_mål", "kvalitetsprogram", "agenda_2030", "områden", "orientering",
                 "uppföljningsdatum", "numrerade_rubriker", "projektantal", "projektsumma", "bedömning", "behållare"});
  const model::Structure* base = named_structure(top, "bygger_på", known, broken);
  if (top.has("bygger_på") && !base) return nullptr;  // everything else would be reported as missing
  auto s = start_from(base);
  // What a structure made from another does not state, it keeps from it.
  const Need need = base ? Need::kOptional : Need::kRequired;
  auto set_text = [&](const char* key, std::string& field, Need n) {
    if (auto v = top.text(key, n)) field = *v;
  };
  set_text("id", s->id, Need::kRequired);
  s->based_on = base ? base->id : "";
  set_text("föregående", s->previous, Need::kOptional);
  const model::Structure* previous = top.has("föregående") ? named_structure(top, "föregående", known, broken) : base;
  if (!top.has("föregående")) s->previous = s->based_on;
  set_text("slag", s->kind, need);
  set_text("namn", s->name, need);
  s->year = static_cast<int>(top.integer("år", Need::kRequired).value_or(0));
  set_text("sidfot", s->footer, Need::kOptional);
  read_deadline(top, *s);
  if (auto v = top.integer("max_sidor", Need::kOptional)) s->max_pages = static_cast<int>(*v);
  if (auto v = top.number("minsta_teckenstorlek", Need::kOptional)) s->min_font_pt = *v;
  read_part_naming(top, *s);
  if (!base || top.has("administrativa_uppgifter")) read_admin_fields(top, *s);
  read_print_and_follow_up(top, *s);
  read_narrative(top, *s);
  if (top.has("kf_mål")) read_direction_goals(top, *s);
  read_principles(top, *s);
  if (top.has("inledning")) {
    MapReader intro(top.get("inledning"), origin, diagnostics, {"titel", "krävs", "vägledning"});
    s->intro_title = intro.text("titel", Need::kRequired).value_or("Inledning");
    s->intro_required = intro.boolean("krävs").value_or(false);
    s->intro_guidance = intro.text("vägledning", Need::kOptional).value_or("");
  }
  if (top.has("behållare")) read_containers(top, *s);
  if (!base || top.has("områden")) read_areas(top, *s, previous);
  read_scoring(top, *s);
  if (diagnostics.list.error_count() > errors_before) return nullptr;
  return s;
}

std::shared_ptr<const model::Structure> read_structure(const fs::path& file, Diagnostics& diagnostics) {
  return read_structure(file, diagnostics, {}, {});
}

// What a structure file says of itself before it is read: its id and the structures it
// needs first. A broken file still names its id when its YAML can be read at all.
struct Declared {
  fs::path file;
  std::string id;
  std::vector<std::string> needs;  // bygger_på, föregående
  int id_line = 1;
};

static Declared declared(const fs::path& file) {
  Declared d{file, "", {}, 1};
  Diagnostics scratch;  // the file's problems are reported by read_structure
  auto source = read_source(file, scratch);
  if (!source) return d;
  try {
    YAML::Node root = YAML::Load(source->text);
    if (!root.IsMap()) return d;
    if (root["id"] && root["id"].IsScalar()) {
      d.id = root["id"].Scalar();
      d.id_line = root["id"].Mark().line + 1;
    }
    for (const char* key : {"bygger_på", "föregående"})
      if (root[key] && root[key].IsScalar()) d.needs.push_back(root[key].Scalar());
  } catch (const std::exception&) {
  }
  return d;
}

// Files in an order where every structure comes after those it builds on (otherwise in name
// order). A ring of structures is reported at each of its files, which are then left out.
static std::vector<Declared> dependency_order(const std::vector<fs::path>& files, Diagnostics& diagnostics, BrokenStructures* broken) {
  std::vector<Declared> all;
  for (const auto& f : files) all.push_back(declared(f));
  std::map<std::string, size_t> by_id;
  for (size_t i = 0; i < all.size(); ++i)
    if (!all[i].id.empty()) by_id.emplace(all[i].id, i);
  std::vector<int> state(all.size(), 0);  // 0 new, 1 on the path, 2 done
  std::vector<Declared> order;
  std::vector<size_t> path;
  std::function<void(size_t)> visit = [&](size_t i) {
    if (state[i] == 2) return;
    if (state[i] == 1) {  // a ring: the path from i back to i
      auto from = std::find(path.begin(), path.end(), i);
      std::string ring;
      for (auto it = from; it != path.end(); ++it) ring += all[*it].id + " \xE2\x86\x92 ";
      ring += all[i].id;
      for (auto it = from; it != path.end(); ++it) {
        diagnostics.error({all[*it].file.generic_string(), 1, 1}, diagnostics.t(Msg::kStructureCycle, {ring}), diagnostics.t(Msg::kStructureCycleHint));
        if (broken) {
          (*broken)[all[*it].id] = all[*it].file.generic_string();
          (*broken)[all[*it].file.stem().string()] = all[*it].file.generic_string();
        }
        state[*it] = 3;
      }
      return;
    }
    if (state[i] == 3) return;
    state[i] = 1;
    path.push_back(i);
    for (const auto& need : all[i].needs)  // one naming itself is a ring of one
      if (auto it = by_id.find(need); it != by_id.end()) visit(it->second);
    path.pop_back();
    if (state[i] == 1) {
      state[i] = 2;
      order.push_back(all[i]);
    }
  };
  for (size_t i = 0; i < all.size(); ++i) visit(i);
  return order;
}

// A structure of a kind that has an earlier year, linked to none: its years would not meet
// (no changes pages, no "same part in other years"), which a copied file does silently.
static void warn_unlinked_editions(const std::vector<Declared>& order, const StructureSet& set, Diagnostics& diagnostics) {
  for (const auto& d : order) {
    auto it = set.find(d.id);
    if (it == set.end() || !it->second->previous.empty() || !it->second->based_on.empty()) continue;
    const model::Structure& s = *it->second;
    const model::Structure* latest = nullptr;  // the latest earlier edition of its kind
    for (const auto& [id, other] : set)
      if (other->kind == s.kind && other->year < s.year && (!latest || other->year > latest->year)) latest = other.get();
    if (!latest) continue;
    diagnostics.warning({d.file.generic_string(), d.id_line, 1},
                        diagnostics.t(Msg::kEditionUnlinked, {s.id, latest->id, std::to_string(latest->year)}),
                        diagnostics.t(Msg::kEditionUnlinkedHint, {latest->id, latest->id}));
  }
}

StructureSet read_structures(const fs::path& dir, Diagnostics& diagnostics, BrokenStructures* broken) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  StructureSet set;
  BrokenStructures local;
  BrokenStructures& bad = broken ? *broken : local;
  const auto order = dependency_order(files, diagnostics, &bad);
  for (const auto& d : order) {
    const int errors_before = diagnostics.list.error_count();
    if (auto s = read_structure(d.file, diagnostics, set, bad)) {
      set[s->id] = s;
      continue;
    }
    // Left out without an error of its own: the structure it builds on has them, and the
    // documents of this edition are told to fix that file.
    std::string at = d.file.generic_string();
    if (diagnostics.list.error_count() == errors_before)
      for (const auto& need : d.needs)
        if (auto it = bad.find(need); it != bad.end()) at = it->second;
    bad[d.file.stem().string()] = at;
    if (!d.id.empty()) bad[d.id] = at;
  }
  warn_unlinked_editions(order, set, diagnostics);
  return set;
}

std::vector<std::string> part_slugs(const StructureSet& structures) {
  std::vector<std::string> slugs;
  for (const auto& [id, s] : structures)
    if (std::find(slugs.begin(), slugs.end(), s->part.slug) == slugs.end()) slugs.push_back(s->part.slug);
  if (slugs.empty()) slugs.push_back("fraga");
  return slugs;
}

}  // namespace kv
