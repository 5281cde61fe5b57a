// Blocks a Word document writes as run-in paragraphs, each led by its label as the site prints
// it (render/html/blocks_html.cc), and turned back into the blocks authors write:
//   Mål: … / Förväntat resultat: … / Arbetssätt: … / Uppföljning: …  → ```mål
//   Mål: … / Resultat: … / Analys: … / Ta tillvara: …                → ```uppföljning
//   Januari: … / Februari: … (two months or more in a row)          → ```årshjul
// A label may be bold and a letter off ("Arbetsätt"). Paragraphs without a label between two
// labelled ones continue the field before; a field left out is left for check to name.
#pragma once
#include <string>
#include <string_view>

namespace kv::import {

std::string recognise_run_in_blocks(std::string_view markdown);

}  // namespace kv::import
