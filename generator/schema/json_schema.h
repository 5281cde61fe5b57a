// JSON Schema (draft 2020-12) for the content's YAML files, generated from the same tables the
// validators use (model/fields.h, the structures' administrative fields). Only keywords that
// draft-07 validators understand too are used (no $ref, no $defs), so older editors work.
// YAML scalars are typed as an editor's YAML 1.2 parser types them: `19` is an integer,
// `277,76` and `2024-01-01` are strings.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "i18n/lang.h"
#include "model/fields.h"
#include "model/structure.h"
#include "validate/structure_file.h"

namespace kv::schema {

using Json = nlohmann::ordered_json;

inline constexpr const char* kDraft = "https://json-schema.org/draft/2020-12/schema";

Json field_schema(const model::FieldSpec& field, Lang lang);
Json site_schema(Lang lang);
Json unit_schema(Lang lang);
Json submission_schema(const model::Structure& structure, Lang lang);
Json block_schema(const model::BlockSpec& block, Lang lang);

struct SchemaFile {
  std::string name;  // e.g. inlamning-kvalitetsutmarkelsen-2018.schema.json
  Json json;
};

// site, enhet, one inlamning per structure and one per data block, in a fixed order.
std::vector<SchemaFile> schema_files(const StructureSet& structures, Lang lang);

// The file name of a data block's schema: block-<slug>.schema.json (block-mal for mål).
std::string block_schema_name(const std::string& block);

}  // namespace kv::schema
