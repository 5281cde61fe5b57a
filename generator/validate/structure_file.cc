#include "validate/structure_file.h"

#include <algorithm>
#include <set>

#include "load/source.h"
#include "model/vocabulary.h"
#include "validate/map_reader.h"

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
  for (const auto& area_node : top.list("områden", Need::kRequired)) {
    MapReader area(area_node, top.origin(), top.report(), {"titel", "frågor"});
    model::AreaSpec spec;
    spec.title = area.text("titel", Need::kRequired).value_or("");
    for (const auto& q_node : area.list("frågor", Need::kRequired)) {
      MapReader q(q_node, top.origin(), top.report(), {"nr", "titel", "kräver", "rekommenderar"});
      model::QuestionSpec question;
      question.number = static_cast<int>(q.integer("nr", Need::kRequired).value_or(0));
      question.title = q.text("titel", Need::kRequired).value_or("");
      question.required = read_parts(q, "kräver");
      question.recommended = read_parts(q, "rekommenderar");
      if (question.number > 0 && !numbers.insert(question.number).second)
        top.report().error(q.pos("nr"), top.report().t(Msg::kQuestionDuplicate, {std::to_string(question.number), s.id}));
      spec.questions.push_back(std::move(question));
    }
    s.areas.push_back(std::move(spec));
  }
}

void read_admin_fields(MapReader& top, model::Structure& s) {
  static const std::vector<std::string> kTypes = {"text", "telefon", "e-post", "heltal"};
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

}  // namespace

std::shared_ptr<const model::Structure> read_structure(const fs::path& file, Report& report) {
  auto source = read_source(file, report);
  if (!source) return nullptr;
  YamlOrigin origin{source->path, 0, source->text};
  auto root = parse_yaml(origin, report);
  if (!root) return nullptr;
  const int errors_before = report.diags.error_count();
  MapReader top(*root, origin, report,
                {"id", "slag", "namn", "år", "sidfot", "administrativa_uppgifter", "inledning", "områden"});
  auto s = std::make_shared<model::Structure>();
  s->id = top.text("id", Need::kRequired).value_or("");
  s->kind = top.text("slag", Need::kRequired).value_or("");
  s->name = top.text("namn", Need::kRequired).value_or("");
  s->year = static_cast<int>(top.integer("år", Need::kRequired).value_or(0));
  s->footer = top.text("sidfot", Need::kOptional).value_or("");
  read_admin_fields(top, *s);
  if (top.has("inledning")) {
    MapReader intro(top.get("inledning"), origin, report, {"titel", "krävs"});
    s->intro_title = intro.text("titel", Need::kRequired).value_or("Inledning");
    s->intro_required = intro.boolean("krävs").value_or(false);
  }
  read_areas(top, *s);
  if (report.diags.error_count() > errors_before) return nullptr;
  return s;
}

StructureSet read_structures(const fs::path& dir, Report& report) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  StructureSet set;
  for (const auto& file : files)
    if (auto s = read_structure(file, report)) set[s->id] = s;
  return set;
}

}  // namespace kv
