// Tables of a converted Word document that match a data block's shape become that block, so
// the figures are checked and charted like the authors' own (docs/content-model.md):
//   År | Budget | Utfall | Resultat (a unit such as "(mnkr)" in a header)  → ```ekonomi
//   Verksamhetsår | 2015 | 2016 …, rows Budget (mnkr) / Utfall / Resultat   → ```ekonomi
//     (a "*" on a figure: that year is a forecast; a "* …" line after: the footnote)
//   År | AMI (or a name with "index") | sub-indices…                        → ```index
//     (a description in the header's parentheses or the caption "AMI – …" before it)
//   Svar | Totalt | Kvinna | Man | Annan, after a paragraph asking "…?"     → ```enkät
//     (or after the caption "Enkätresultat: …")
//   Månad | Aktiviteter, a month per row                                   → ```årshjul
// Every other table stays a Markdown table; a table whose cells are not all figures where the
// block needs figures stays one too.
#pragma once
#include <string>
#include <string_view>

namespace kv::import {

std::string recognise_tables(std::string_view markdown);

}  // namespace kv::import
