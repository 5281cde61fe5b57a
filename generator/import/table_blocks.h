// Tables of a converted Word document that match a data block's shape become that block, so
// the figures are checked and charted like the authors' own (docs/content-model.md):
//   År | Budget | Utfall | Resultat (a unit such as "(mnkr)" in a header)  → ```ekonomi
//   År | AMI (or a name with "index") | sub-indices…                        → ```index
//   Svar | Totalt | Kvinna | Man | Annan, after a paragraph asking "…?"     → ```enkät
// Every other table stays a Markdown table; a table whose cells are not all figures where the
// block needs figures stays one too.
#pragma once
#include <string>
#include <string_view>

namespace kv::import {

std::string recognise_tables(std::string_view markdown);

}  // namespace kv::import
