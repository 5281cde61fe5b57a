// The texts of the files `kvalitet ny` writes: enhet.yaml, inlamning.yaml, inledning.md and
// one Markdown file per part, each explaining in comments what goes where.
#pragma once
#include <optional>
#include <map>
#include <string>

#include "i18n/lang.h"
#include "model/structure.h"

namespace kv::scaffold {

// modeline: "" or "# yaml-language-server: $schema=…" (written as the first line).
std::string unit_file(const std::optional<std::string>& name, const std::optional<std::string>& administration, Lang lang,
                      const std::string& modeline);
// values: admin field key → value, written in (an imported document's); the others empty.
std::string submission_file(const model::Structure& structure, Lang lang, const std::string& modeline,
                            const std::map<std::string, std::string>& values = {});
std::string part_file(const model::Structure& structure, const model::QuestionSpec& part, Lang lang);
std::string intro_file(const model::Structure& structure, Lang lang);

// A YAML double-quoted scalar holding s exactly.
std::string yaml_quoted(std::string_view s);

}  // namespace kv::scaffold
