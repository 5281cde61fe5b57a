// An activity report's goal hierarchy as the city's Word template prints it, turned into the
// report's data blocks (docs/content-model.md, "The annual activity report"):
//   "KF:s mål för verksamhetsområdet: 1.4 …" (+ a status line)          → ```kf-mål
//   Indikator | Periodens utfall | Utfall män … | Utfall VB … | Årsmål | KF:s årsmål | Period,
//     a row per indicator, its "Analys" in a merged row under it (or after the table) → ```indikator
//   "Nämndmål: …", "Beskrivning" paragraphs, "Förväntat resultat" items  → ```nämndmål
//   Aktivitet | Startdatum | Slutdatum | Avvikelse, "Analys" rows       → ```aktivitet
//   "Enhetsmål: …", a status line, "Förväntat resultat", "Analys"       → ```enhetsmål
// Only for a structure with KF goals (a report). What does not fit — a KF goal the structure
// does not have, a figure that is no number — stays as it was written, never dropped.
#pragma once
#include <string>
#include <string_view>

#include "model/structure.h"

namespace kv::import {

std::string recognise_report_blocks(std::string_view markdown, const model::Structure& structure);

}  // namespace kv::import
