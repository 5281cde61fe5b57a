// A Word submission states its administrative data as labelled lines ("Kontaktperson: Anna
// Berg") or as a two-column table (label | value), and its cover names the unit and its
// förvaltning. The importer finds them by the structure's admin field labels — case,
// punctuation, a trailing colon and one letter off do not matter — takes them out of the text
// and writes them where they belong: inlamning.yaml and enhet.yaml.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "model/structure.h"

namespace kv::import {

struct AdminFound {
  std::map<std::string, std::string> values;  // admin field key → value, as written
  std::optional<std::string> unit_name, administration;
};

// Finds the labelled lines and table rows in text (the document before its first part) and
// removes them from it; a cover line ending in "förvaltning" is the administration, and the
// line before it, when short, the unit's name. The document's title (the structure's name,
// with or without its year) is removed too: the site prints it.
AdminFound take_admin(std::string& text, const model::Structure& structure);

// Whether a written label names the field: its label or key, folded, without punctuation, at
// most one letter off.
bool label_matches(std::string_view written, const model::AdminFieldSpec& field);

}  // namespace kv::import
