// The consensus form of one edition (konsensus.xlsx, on the reviewers' site only, beside the
// review forms): after the individual forms are read, one row per unit × question with each
// reviewer's score, their mean and spread, their strengths and areas for improvement merged
// (each point prefixed with its reviewer's name), and empty columns for the score and the
// texts the reviewers agree on together. Filled in and put back as
// content/_bedomning/<år>/<slag>/konsensus.xlsx, it is read by `kvalitet bedomning`
// (validate/review_forms.h); what it agreed already is written into the new one again, so a
// form made after a partly filled one carries its work on. Columns: model/review_form.h.
#pragma once
#include "model/review.h"
#include "model/site.h"
#include "model/site_index.h"
#include "render/xlsx/workbook.h"

namespace kv {

// Throws xlsx::Failed on failure; warnings go to target.diagnostics.
void write_consensus_workbook(const model::Edition& edition, const model::ReviewedEdition& review, const model::Site& site,
                              const xlsx::Target& target);

// "Anna: Mätbara mål\nBertil: Fler målvärden": each reviewer's points of one text, prefixed
// with the reviewer's name, in the reviewers' order.
std::string points_by_reviewer(const std::vector<const model::ReviewEntry*>& entries, std::string model::ReviewEntry::*field);

}  // namespace kv
