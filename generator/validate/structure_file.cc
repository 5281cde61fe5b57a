#include "validate/structure_file.h"

#include <algorithm>
#include <set>

#include "load/source.h"
#include "model/vocabulary.h"
#include "validate/map_reader.h"
#include "validate/site.h"

namespace kv {
namespace {

using Need = MapReader::Need;
namespace fs = std::filesystem;

model::PartCounts read_parts(MapReader& map, const std::string& key) {
  model::PartCounts counts;
  if (!map.has(key)) return counts;
  YAML::Node node = map.get(key);
  Report& report = map.report();
  if (!node.IsMap()) {
    report.error(map.pos(key), report.t(Msg::kExpectedMapping), report.t(Msg::kExpectedMappingHint));
    return counts;
  }
  std::vector<std::string> names = model::container_names();
  names.insert(names.end(), model::data_block_names().begin(), model::data_block_names().end());
  for (const auto& entry : node) {
    std::string name = entry.first.Scalar();
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      report.error(position(entry.first, map.origin()), report.t(Msg::kUnknownKey, {name}), report.suggest(name, names));
      continue;
    }
    auto n = read_number(entry.second, name, map.origin(), report);
    if (n) counts[name] = static_cast<int>(*n);
  }
  return counts;
}


void read_areas(MapReader& top, model::Structure& s) {
  std::set<int> numbers;
  const std::string& key = s.part.plural;
  for (const auto& area_node : top.list("områden", Need::kRequired)) {
    MapReader area(area_node, top.origin(), top.report(), {"titel", key});
    model::AreaSpec spec;
    spec.title = area.text("titel", Need::kRequired).value_or("");
    for (const auto& q_node : area.list(key, Need::kRequired)) {
      MapReader q(q_node, top.origin(), top.report(), {"nr", "titel", "kräver", "rekommenderar", "inriktningsmål", "vägledning", "följer_upp"});
      model::QuestionSpec question;
      question.number = static_cast<int>(q.integer("nr", Need::kRequired).value_or(0));
      question.title = q.text("titel", Need::kRequired).value_or("");
      question.required = read_parts(q, "kräver");
      question.recommended = read_parts(q, "rekommenderar");
      question.direction_goal = static_cast<int>(q.integer("inriktningsmål", Need::kOptional).value_or(0));
      question.guidance = q.text("vägledning", Need::kOptional).value_or("");
      question.follows_up = static_cast<int>(q.integer("följer_upp", Need::kOptional).value_or(0));
      if (question.number > 0 && !numbers.insert(question.number).second)
        top.report().error(q.pos("nr"), top.report().t(Msg::kQuestionDuplicate, {s.part.name, std::to_string(question.number), s.id}));
      spec.questions.push_back(std::move(question));
    }
    s.areas.push_back(std::move(spec));
  }
}

void read_admin_fields(MapReader& top, model::Structure& s) {
  static const std::vector<std::string> kTypes = {"text", "telefon", "e-post", "heltal", "datum"};
  for (const auto& node : top.list("administrativa_uppgifter", Need::kRequired)) {
    MapReader f(node, top.origin(), top.report(), {"nyckel", "etikett", "typ", "krävs"});
    model::AdminFieldSpec field;
    field.key = f.text("nyckel", Need::kRequired).value_or("");
    field.label = f.text("etikett", Need::kRequired).value_or(field.key);
    field.type = f.text("typ", Need::kOptional).value_or("text");
    field.required = f.boolean("krävs").value_or(false);
    if (std::find(kTypes.begin(), kTypes.end(), field.type) == kTypes.end())
      top.report().error(f.pos("typ"), top.report().t(Msg::kUnknownKey, {field.type}), top.report().suggest(field.type, kTypes));
    s.admin_fields.push_back(std::move(field));
  }
}

void read_part_naming(MapReader& top, model::Structure& s) {
  if (!top.has("del")) return;
  MapReader del(top.get("del"), top.origin(), top.report(), {"namn", "engelska", "flertal"});
  s.part.name = del.text("namn", Need::kRequired).value_or(s.part.name);
  s.part.english = del.text("engelska", Need::kRequired).value_or(s.part.english);
  s.part.slug = suggest_slug(s.part.name);
  // The list's key: frågor in an award, avsnitt in a report, kapitel in a narrative.
  s.part.plural = del.text("flertal", Need::kOptional).value_or(s.part.name == "fråga" ? "frågor" : s.part.name);
}

void read_direction_goals(MapReader& top, model::Structure& s) {
  std::set<std::string> seen;
  for (const auto& node : top.list("kf_mål", Need::kOptional)) {
    MapReader d(node, top.origin(), top.report(), {"nr", "titel", "mål"});
    model::DirectionGoalSpec direction;
    direction.number = static_cast<int>(d.integer("nr", Need::kRequired).value_or(0));
    direction.title = d.text("titel", Need::kRequired).value_or("");
    for (const auto& goal_node : d.list("mål", Need::kRequired)) {
      MapReader g(goal_node, top.origin(), top.report(), {"nr", "titel"});
      model::KfGoalSpec goal{g.text("nr", Need::kRequired).value_or(""), g.text("titel", Need::kRequired).value_or("")};
      // A KF goal's number starts with its inriktningsmål's: 1.4 belongs to 1.
      if (goal.number.rfind(std::to_string(direction.number) + ".", 0) != 0)
        top.report().error(g.pos("nr"), top.report().t(Msg::kKfGoalNumbering, {goal.number, std::to_string(direction.number)}),
                           top.report().t(Msg::kKfGoalNumberingHint, {std::to_string(direction.number)}));
      else if (!seen.insert(goal.number).second)
        top.report().error(g.pos("nr"), top.report().t(Msg::kDuplicateKey, {goal.number}), top.report().t(Msg::kDuplicateKeyHint));
      direction.goals.push_back(std::move(goal));
    }
    s.report.direction_goals.push_back(std::move(direction));
  }
}

void read_principles(MapReader& top, model::Structure& s) {
  for (const auto& node : top.list("kvalitetsprogram", Need::kOptional)) {
    MapReader p(node, top.origin(), top.report(), {"nyckel", "namn"});
    auto key = p.text("nyckel", Need::kRequired);
    auto name = p.text("namn", Need::kRequired);
    if (key && name) s.report.principles.push_back({*key, *name});
  }
  for (const auto& node : top.list("agenda_2030", Need::kOptional))
    if (auto name = read_text(node, "agenda_2030", top.origin(), top.report())) s.report.agenda_2030.push_back(*name);
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
  Report& report = top.report();
  report.error(top.pos("uppföljningsdatum"), report.t(Msg::kActionFollowUpField, {*field}), report.t(Msg::kActionFollowUpFieldHint));
}

// projektantal / projektsumma: keys of admin fields of type heltal.
std::string integer_field(MapReader& top, const model::Structure& s, const std::string& key) {
  auto field = top.text(key, Need::kOptional);
  if (!field) return "";
  for (const auto& f : s.admin_fields)
    if (f.key == *field && f.type == "heltal") return *field;
  Report& report = top.report();
  report.error(top.pos(key), report.t(Msg::kTotalField, {*field, key}), report.t(Msg::kTotalFieldHint));
  return "";
}

void read_narrative(MapReader& top, model::Structure& s) {
  s.narrative.numbered_headings = top.boolean("numrerade_rubriker").value_or(false);
  s.narrative.project_count_field = integer_field(top, s, "projektantal");
  s.narrative.project_funding_field = integer_field(top, s, "projektsumma");
}

}  // namespace

std::shared_ptr<const model::Structure> read_structure(const fs::path& file, Report& report) {
  auto source = read_source(file, report);
  if (!source) return nullptr;
  YamlOrigin origin{source->path, 0, source->text};
  auto root = parse_yaml(origin, report);
  if (!root) return nullptr;
  const int errors_before = report.diags.error_count();
  MapReader top(*root, origin, report,
                {"id", "slag", "namn", "år", "sidfot", "max_sidor", "minsta_teckenstorlek", "del", "administrativa_uppgifter", "inledning", "kf_mål",
                 "kvalitetsprogram", "agenda_2030", "områden", "orientering", "uppföljningsdatum", "numrerade_rubriker", "projektantal", "projektsumma"});
  auto s = std::make_shared<model::Structure>();
  s->id = top.text("id", Need::kRequired).value_or("");
  s->kind = top.text("slag", Need::kRequired).value_or("");
  s->name = top.text("namn", Need::kRequired).value_or("");
  s->year = static_cast<int>(top.integer("år", Need::kRequired).value_or(0));
  s->footer = top.text("sidfot", Need::kOptional).value_or("");
  s->max_pages = static_cast<int>(top.integer("max_sidor", Need::kOptional).value_or(0));
  s->min_font_pt = top.number("minsta_teckenstorlek", Need::kOptional).value_or(0);
  read_part_naming(top, *s);
  read_admin_fields(top, *s);
  read_print_and_follow_up(top, *s);
  read_narrative(top, *s);
  read_direction_goals(top, *s);
  read_principles(top, *s);
  if (top.has("inledning")) {
    MapReader intro(top.get("inledning"), origin, report, {"titel", "krävs", "vägledning"});
    s->intro_title = intro.text("titel", Need::kRequired).value_or("Inledning");
    s->intro_required = intro.boolean("krävs").value_or(false);
    s->intro_guidance = intro.text("vägledning", Need::kOptional).value_or("");
  }
  read_areas(top, *s);
  if (report.diags.error_count() > errors_before) return nullptr;
  return s;
}

// The id: a broken structure file still names, when its YAML can be read at all.
static std::string declared_id(const fs::path& file) {
  Report scratch;  // the file's problems are reported by read_structure
  auto source = read_source(file, scratch);
  if (!source) return "";
  try {
    YAML::Node root = YAML::Load(source->text);
    if (root.IsMap() && root["id"] && root["id"].IsScalar()) return root["id"].Scalar();
  } catch (const std::exception&) {
  }
  return "";
}

StructureSet read_structures(const fs::path& dir, Report& report, BrokenStructures* broken) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  StructureSet set;
  for (const auto& file : files) {
    if (auto s = read_structure(file, report)) {
      set[s->id] = s;
    } else if (broken) {
      (*broken)[file.stem().string()] = file.generic_string();
      if (std::string id = declared_id(file); !id.empty()) (*broken)[id] = file.generic_string();
    }
  }
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
