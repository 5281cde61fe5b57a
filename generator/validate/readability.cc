#include "validate/readability.h"

#include "model/readability.h"
#include "util/text.h"
#include "validate/part_name.h"

namespace kv {

std::string lix_band_name(int lix, Lang lang) {
  switch (lix_band(lix)) {
    case LixBand::kVeryEasy: return text(lang, Msg::kLixVeryEasy);
    case LixBand::kEasy: return text(lang, Msg::kLixEasy);
    case LixBand::kMedium: return text(lang, Msg::kLixMedium);
    case LixBand::kHard: return text(lang, Msg::kLixHard);
    case LixBand::kVeryHard: break;
  }
  return text(lang, Msg::kLixVeryHard);
}

std::string readability_part_name(const model::Submission& s, int number, Lang lang) {
  if (number == 0) return text(lang, Msg::kLixIntro);
  return part_name(*s.structure, number, lang);
}

void check_readability(const model::Site& site, Diagnostics& diagnostics) {
  for (const auto& s : site.submissions) check_readability(site, s, diagnostics);
}

void check_readability(const model::Site& site, const model::Submission& s, Diagnostics& diagnostics) {
  if (site.lix_limit <= 0) return;
  for (const auto& part : model::document_readability(s)) {
    const int lix = part.text.lix();
    if (lix <= site.lix_limit) continue;
    const std::string name = capitalised(readability_part_name(s, part.number, diagnostics.lang));
    diagnostics.warning({part.source_path, 0, 0},
                   diagnostics.t(Msg::kLixAbove, {name, std::to_string(lix), lix_band_name(lix, diagnostics.lang),
                                             std::to_string(site.lix_limit)}),
                   diagnostics.t(Msg::kLixAboveHint));
  }
}

std::string readability_summary(const model::Site& site, Lang lang) {
  std::string out;
  for (const auto& s : site.submissions) {
    auto parts = model::document_readability(s);
    if (parts.empty()) continue;
    Readability whole;
    const model::PartReadability* hardest = &parts.front();
    for (const auto& p : parts) {
      whole += p.text;
      if (p.text.lix() > hardest->text.lix()) hardest = &p;
    }
    out += text(lang, Msg::kLixSummaryLine,
                {s.url_path(), std::to_string(whole.lix()), lix_band_name(whole.lix(), lang),
                 readability_part_name(s, hardest->number, lang), std::to_string(hardest->text.lix())}) + '\n';
    // Then every answer's, on one line: "per fråga: 1: 48, 2: 51, …; inledningen 45".
    std::string each, intro;
    for (const auto& p : parts) {
      if (p.number == 0) intro = "; " + text(lang, Msg::kLixIntro) + " " + std::to_string(p.text.lix());
      else each += (each.empty() ? "" : ", ") + std::to_string(p.number) + ": " + std::to_string(p.text.lix());
    }
    out += text(lang, Msg::kLixPerPart, {s.structure->part_word(lang), each + intro}) + '\n';
  }
  if (out.empty()) return out;
  return text(lang, Msg::kLixSummaryTitle) + '\n' + out;
}

}  // namespace kv
