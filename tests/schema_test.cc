// `kvalitet schema` and the table of fields it is made from (model/fields.h): the files are
// JSON Schema 2020-12 with the administrative fields' types, and the table agrees with the
// validators: an instance made from the table's examples passes, leaving out a field is an
// error exactly when the table says it is required, and an unknown key is an error.
// (tests/schema_validate.py validates the example content against the files with Python's
// jsonschema, an independent validator.)
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <sstream>

#include "model/fields.h"
#include "model/vocabulary.h"
#include "schema/json_schema.h"
#include "schema/schema_command.h"
#include "support.h"
#include "validate/blocks.h"
#include "validate/structure_file.h"

using namespace kvtest;
using kv::model::FieldSpec;
using kv::model::FieldType;
using Json = nlohmann::json;

namespace {

// The YAML of fields from their examples, leaving out the field `drop` (by identity).
std::string yaml_of(const std::vector<FieldSpec>& fields, const std::string& indent, const FieldSpec* drop,
                    const std::string& first_prefix) {
  std::string out;
  bool first = true;
  for (const auto& f : fields) {
    if (&f == drop || (f.example.empty() && f.fields.empty())) continue;
    std::string prefix = first ? first_prefix : indent;
    first = false;
    if (f.type == FieldType::kList) out += prefix + f.key + ":\n" + yaml_of(f.fields, indent + "    ", drop, indent + "  - ");
    else if (f.type == FieldType::kMapping) out += prefix + f.key + ":\n" + yaml_of(f.fields, indent + "  ", drop, indent + "  ");
    else out += prefix + f.key + ": " + f.example + "\n";
  }
  return out;
}

void every_field(const std::vector<FieldSpec>& fields, const std::function<void(const FieldSpec&)>& visit) {
  for (const auto& f : fields) {
    visit(f);
    every_field(f.fields, visit);
  }
}

// Runs one data block (after the blocks its place in the goal hierarchy needs) through the
// validator, in section 4 of the real 2024 report structure (KF:s inriktningsmål 1).
struct BlockCheck {
  TempDir dir;
  kv::Diagnostics diagnostics;
  std::shared_ptr<const kv::model::Structure> structure =
      kv::read_structure(source_dir() / "templates" / "structures" / "verksamhetsberattelse-2024.yaml", diagnostics);
  kv::ContentRoot root{dir.path()};

  kv::Diagnostics run(const std::string& name, const std::string& yaml) {
    REQUIRE(structure);
    std::vector<kv::RawBlock> raw;
    auto add = [&](const std::string& n, const std::string& text) {
      raw.push_back({kv::RawBlock::Kind::kData, n, text, static_cast<int>(raw.size()) * 100 + 1, 4,
                     static_cast<int>(raw.size()) * 100 + 1, {}});
    };
    auto example = [](const char* n) { return yaml_of(kv::model::find_block_spec(n)->fields, "", nullptr, ""); };
    if (name == "indikator" || name == "nämndmål" || name == "aktivitet" || name == "enhetsmål") add("kf-mål", example("kf-mål"));
    if (name == "aktivitet" || name == "enhetsmål") add("nämndmål", example("nämndmål"));
    add(name, yaml);
    kv::Diagnostics r;
    kv::BlockContext context{"prov.md", dir.path(), &root, structure.get(), structure->find_question(4), 2024, {}};
    kv::to_model_blocks(raw, context, r);
    return r;
  }
};

Json load(const fs::path& file) { return Json::parse(read(file)); }

}  // namespace

TEST_CASE("schema: the table and the validators agree on every data block's fields", "[schema]") {
  BlockCheck c;
  for (const auto& block : kv::model::data_block_specs()) {
    if (block.shape != kv::model::BlockShape::kFields) continue;
    INFO("block " << block.name);
    const std::string full = yaml_of(block.fields, "", nullptr, "");
    auto ok = c.run(block.name, full);
    INFO(full);
    CHECK(ok.list.items().empty());
    every_field(block.fields, [&](const FieldSpec& f) {
      if (f.example.empty() && f.fields.empty()) return;
      INFO("without " << f.key);
      auto r = c.run(block.name, yaml_of(block.fields, "", &f, ""));
      CHECK(r.list.has_errors() == f.required);
    });
    auto unknown = c.run(block.name, full + "okänd_nyckel: x\n");
    CHECK(unknown.list.error_count() == 1);
  }
}

TEST_CASE("schema: årshjul and principer take their keys from the months and the structure", "[schema]") {
  BlockCheck c;
  CHECK(c.run("årshjul", "januari: planering\nmars: [enkät, uppföljning]\n").list.items().empty());
  CHECK(c.run("årshjul", "jannuari: planering\n").list.has_errors());
  std::string principles;
  for (const auto& p : c.structure->report.principles) principles += p.key + ": text\n";
  CHECK(c.run("principer", principles).list.items().empty());
  CHECK(c.run("principer", principles + "okänd: text\n").list.has_errors());
}

TEST_CASE("schema: kvalitet schema writes JSON Schema 2020-12 files for the YAML files and data blocks", "[schema]") {
  TempDir dir;
  kv::SchemaOptions options;
  options.output_dir = dir.path() / "schema";
  std::ostringstream out, err;
  REQUIRE(kv::run_schema(context_for("content", source_dir() / "templates"), options, out, err) == 0);
  INFO(err.str());
  CHECK_THAT(out.str(), Catch::Contains("Skrev 23 schemafiler") && Catch::Contains("\"yaml.schemas\""));
  CHECK_THAT(out.str(), Catch::Contains("\"content/*/2018/kvalitetsutmarkelsen/inlamning.yaml\""));
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(options.output_dir)) {
    INFO(entry.path());
    Json j = load(entry.path());  // throws on invalid JSON
    CHECK(j["$schema"] == "https://json-schema.org/draft/2020-12/schema");
    CHECK(j["type"] == "object");
    CHECK_FALSE(j["title"].get<std::string>().empty());
    ++files;
  }
  CHECK(files == 2 + 4 + kv::model::data_block_names().size());  // site, enhet; four structures; blocks

  Json award = load(options.output_dir / "inlamning-kvalitetsutmarkelsen-2018.schema.json");
  CHECK(award["required"] == Json::array({"kontaktperson", "telefon", "e-post", "adress", "antal_anställda"}));
  // A whole number as check reads it: also in quotes and with thousands separators ("1 140").
  CHECK(award["properties"]["antal_anställda"]["type"] == Json::array({"integer", "string"}));
  CHECK(award["properties"]["antal_brukare"]["type"] == Json::array({"integer", "string", "null"}));
  CHECK(award["properties"]["e-post"]["pattern"].is_string());
  CHECK(award["properties"]["e-post"]["title"] == "E-post");
  CHECK(award["properties"]["struktur"]["enum"] == Json::array({"kvalitetsutmarkelsen-2018", nullptr}));
  CHECK(award["additionalProperties"] == false);
  Json report_schema = load(options.output_dir / "inlamning-verksamhetsberattelse-2024.schema.json");
  CHECK_FALSE(report_schema.contains("required"));

  Json goal = load(options.output_dir / "block-mal.schema.json");
  CHECK(goal["required"] == Json::array({"mål", "förväntat_resultat", "arbetssätt", "uppföljning"}));
  CHECK(goal["description"] == "ett av årets mål: målet, förväntat resultat, arbetssätt och uppföljning");
  CHECK(goal["properties"]["mål"]["description"] == "målet i en mening (text)");
  Json survey = load(options.output_dir / "block-enkat.schema.json");
  CHECK(survey["properties"]["rader"]["items"]["properties"]["totalt"]["maximum"] == 100);
  CHECK(survey["properties"]["rader"]["items"]["required"] == Json::array({"svar", "totalt"}));
  Json site = load(options.output_dir / "site.schema.json");
  CHECK(site["properties"]["tillgänglighet"]["properties"]["kontakt"]["properties"]["e-post"]["pattern"].is_string());
  // Choices in any case, as check compares them: a pattern, not JSON Schema's exact enum.
  CHECK(site["properties"]["språk"]["type"] == Json::array({"string", "null"}));
  CHECK_THAT(site["properties"]["språk"]["pattern"].get<std::string>(), Catch::Contains("[sS][vV]|[eE][nN]"));
  // The range the validator allows, from the same field table.
  CHECK(site["properties"]["lix_gräns"]["minimum"] == 10);
  CHECK(site["properties"]["lix_gräns"]["maximum"] == 100);
  Json unit = load(options.output_dir / "enhet.schema.json");
  CHECK(unit["required"] == Json::array({"namn", "förvaltning"}));
  CHECK(unit["properties"]["namn"]["maxLength"] == 200);
}

TEST_CASE("schema: descriptions follow --lang", "[schema]") {
  TempDir dir;
  kv::SchemaOptions options;
  options.output_dir = dir.path();
  std::ostringstream out, err;
  REQUIRE(kv::run_schema(context_for("content", source_dir() / "templates", kv::Lang::kEn), options, out, err) == 0);
  CHECK_THAT(out.str(), Catch::Contains("Wrote 23 schema files"));
  Json goal = load(dir.path() / "block-mal.schema.json");
  CHECK(goal["properties"]["mål"]["description"] == "the goal in one sentence (text)");
}
