#include "model/fields.h"

#include <stdexcept>

#include "i18n/lang.h"
#include "model/accessibility.h"
#include "model/vocabulary.h"

namespace kv::model {
namespace {

using T = FieldType;
constexpr bool kReq = true, kOpt = false;

FieldSpec field(std::string key, FieldType type, bool required, Msg description, std::string example) {
  return FieldSpec{std::move(key), type, required, description, std::move(example), {}, {}, 0, 0};
}

FieldSpec ranged(FieldSpec f, long long min, long long max) {
  f.min = min;
  f.max = max;
  return f;
}

// A count: the validator rejects a negative value (check_range with unit "antal").
FieldSpec counted(FieldSpec f) {
  f.non_negative = true;
  return f;
}

// A rule of the validator's own for the field's text, as an ECMAScript pattern for the schema.
FieldSpec patterned(FieldSpec f, std::string pattern) {
  f.pattern = std::move(pattern);
  return f;
}

FieldSpec choice(std::string key, bool required, Msg description, std::vector<std::string> choices) {
  std::string example = "\"" + choices.front() + "\"";
  return FieldSpec{std::move(key), T::kChoice, required, description, std::move(example), std::move(choices), {}, 0, 0};
}

FieldSpec nested(std::string key, FieldType type, bool required, Msg description, std::vector<FieldSpec> fields) {
  return FieldSpec{std::move(key), type, required, description, "", {}, std::move(fields), 0, 0};
}

std::vector<BlockSpec> make_block_specs() {
  const FieldSpec analysis = field("analys", T::kText, kOpt, Msg::kFldAnalysis, "Vi har arbetat med kontinuiteten.");
  const FieldSpec expected_list =
      field("förväntat_resultat", T::kTextOrList, kOpt, Msg::kFldExpectedList, "Ökad trygghet hos de äldre.");
  const FieldSpec year = field("år", T::kYear, kReq, Msg::kFldYear, "2018");
  return {
      {"mål", Msg::kBlkGoal, BlockShape::kFields,
       {field("mål", T::kText, kReq, Msg::kFldGoalName, "Enhetens budget är i balans"),
        field("förväntat_resultat", T::kText, kReq, Msg::kFldExpected, "att budgeten är i balans."),
        field("arbetssätt", T::kText, kReq, Msg::kFldMethod, "följa kostnaderna varje månad."),
        field("uppföljning", T::kText, kReq, Msg::kFldFollowUpHow, "månatligen med controller.")}},
      {"uppföljning", Msg::kBlkFollowUp, BlockShape::kFields,
       {field("mål", T::kText, kReq, Msg::kFldLastYearGoal, "Kvinnor och män är trygga"),
        field("resultat", T::kText, kReq, Msg::kFldResult, "Utfallet var 59 %."),
        field("analys", T::kText, kReq, Msg::kFldAnalysis, "Informationen har blivit tydligare."),
        field("ta_tillvara", T::kText, kReq, Msg::kFldTakeForward, "Fortsätt informera i god tid.")}},
      {"enkät", Msg::kBlkSurvey, BlockShape::kFields,
       {field("fråga", T::kText, kReq, Msg::kFldSurveyQuestion, "Blev du väl bemött?"),
        nested("rader", T::kList, kReq, Msg::kFldSurveyRows,
               {field("svar", T::kText, kReq, Msg::kFldSurveyAnswer, "Ja"),
                field("totalt", T::kPercent, kReq, Msg::kFldPctTotal, "76"),
                field("kvinna", T::kPercent, kOpt, Msg::kFldPctWomen, "79"),
                field("man", T::kPercent, kOpt, Msg::kFldPctMen, "74"),
                field("annan", T::kPercent, kOpt, Msg::kFldPctOther, "59")})}},
      {"ekonomi", Msg::kBlkEconomy, BlockShape::kFields,
       {field("enhet", T::kText, kReq, Msg::kFldEconomyUnit, "mnkr"),
        nested("värden", T::kList, kReq, Msg::kFldYearRows,
               {year, field("budget", T::kNumber, kReq, Msg::kFldBudget, "306,7"),
                field("utfall", T::kNumber, kReq, Msg::kFldOutcome, "303,2"),
                field("resultat", T::kNumber, kReq, Msg::kFldEconomyResult, "3,5"),
                field("prognos", T::kBoolean, kOpt, Msg::kFldForecast, "ja")}),
        field("fotnot", T::kText, kOpt, Msg::kFldFootnote, "Prognos per sista mars")}},
      {"index", Msg::kBlkIndex, BlockShape::kFields,
       {field("namn", T::kText, kReq, Msg::kFldIndexName, "AMI"),
        field("beskrivning", T::kText, kOpt, Msg::kFldIndexDescription, "Aktivt medarbetarskapsindex"),
        nested("värden", T::kList, kReq, Msg::kFldYearRows,
               {year, field("värde", T::kNumber, kReq, Msg::kFldIndexValue, "76"),
                field("delindex", T::kNumberMap, kOpt, Msg::kFldSubIndices, "{motivation: 76}")})}},
      {"årshjul", Msg::kBlkAnnualCycle, BlockShape::kMonths, {}},
      {"bild", Msg::kBlkFigure, BlockShape::kFields,
       {field("bildtext", T::kText, kReq, Msg::kFldCaption, "Organisationsskiss"),
        field("fil", T::kText, kOpt, Msg::kFldImageFile, "")}},
      {"kf-mål", Msg::kBlkKfGoal, BlockShape::kFields,
       {field("nr", T::kKfGoal, kReq, Msg::kFldKfGoalNumber, "\"1.4\""),
        choice("status", kOpt, Msg::kFldGoalStatus, goal_status_names())}},
      {"indikator", Msg::kBlkIndicator, BlockShape::kFields,
       {field("indikator", T::kText, kReq, Msg::kFldIndicatorName, "Andel nöjda omsorgstagare"),
        choice("enhet", kReq, Msg::kFldIndicatorUnit, indicator_units()),
        choice("riktning", kOpt, Msg::kFldDirection, {"högre", "lägre"}),
        field("utfall", T::kNumber, kReq, Msg::kFldPeriodOutcome, "83"),
        field("män", T::kNumber, kOpt, Msg::kFldOutcomeMen, "80"),
        field("kvinnor", T::kNumber, kOpt, Msg::kFldOutcomeWomen, "85"),
        field("vb", T::kNumber, kOpt, Msg::kFldPrevious, "84"),
        field("årsmål", T::kNumber, kReq, Msg::kFldTarget, "87"),
        field("kf_årsmål", T::kNumberOrText, kOpt, Msg::kFldKfTarget, "87"),
        field("period", T::kPeriod, kReq, Msg::kFldPeriod, "\"2024\""), analysis,
        patterned(field("kolada", T::kText, kOpt, Msg::kFldKolada, "U21468"), "^[ \\t\\r\\n]*[A-Z][0-9]{5}[ \\t\\r\\n]*$"),
        // Compared as written: no case folding, no trimming (validate/report_blocks.cc).
        patterned(field("kolada_fyllt", T::kTextList, kOpt, Msg::kFldKoladaFilled, "[utfall, kvinnor]"), "^(?:utfall|kvinnor|män)$"),
        nested("delenheter", T::kList, kOpt, Msg::kFldSubUnits,
               {field("namn", T::kText, kReq, Msg::kFldSubUnitName, "Norra hemtjänsten"),
                field("utfall", T::kNumber, kReq, Msg::kFldPeriodOutcome, "90")})}},
      {"nämndmål", Msg::kBlkBoardGoal, BlockShape::kFields,
       {field("nämndmål", T::kText, kReq, Msg::kFldBoardGoal, "Äldre har ett tryggt liv"),
        field("beskrivning", T::kText, kOpt, Msg::kFldBoardGoalDescription, "Målet nås genom förebyggande arbete."),
        expected_list}},
      {"aktivitet", Msg::kBlkActivity, BlockShape::kFields,
       {field("aktivitet", T::kText, kReq, Msg::kFldActivity, "Utveckla arbetet med välfärdsteknik."),
        field("startdatum", T::kDate, kReq, Msg::kFldStart, "2024-01-01"),
        field("slutdatum", T::kDate, kReq, Msg::kFldEnd, "2024-12-31"),
        field("avvikelse", T::kBoolean, kOpt, Msg::kFldDeviation, "nej"), analysis}},
      {"enhetsmål", Msg::kBlkUnitGoal, BlockShape::kFields,
       {field("enhetsmål", T::kText, kReq, Msg::kFldUnitGoal, "Kunden känner sig trygg"),
        choice("status", kReq, Msg::kFldGoalStatus, goal_status_names()), expected_list, analysis}},
      {"principer", Msg::kBlkPrinciples, BlockShape::kPrinciples, {}},
      {"agenda2030", Msg::kBlkAgenda, BlockShape::kFields,
       {nested("mål", T::kList, kReq, Msg::kFldAgendaGoals,
               {field("nr", T::kAgendaGoal, kReq, Msg::kFldAgendaNumber, "5"),
                field("text", T::kText, kReq, Msg::kFldAgendaText, "Kvinnor och män bemöts jämställt.")})}},
      {"synpunkter", Msg::kBlkComplaints, BlockShape::kFields,
       {nested("grupper", T::kList, kReq, Msg::kFldComplaintGroups,
               {field("grupp", T::kText, kReq, Msg::kFldComplaintGroup, "Beröm"),
                nested("rader", T::kList, kReq, Msg::kFldComplaintRows,
                       {field("kategori", T::kText, kReq, Msg::kFldCategory, "Antal beröm"),
                        counted(field("t1", T::kNumber, kOpt, Msg::kFldT1, "25")),
                        counted(field("t2", T::kNumber, kOpt, Msg::kFldT2, "35")),
                        counted(field("vb", T::kNumber, kOpt, Msg::kFldVb, "3")),
                        counted(field("totalt", T::kNumber, kOpt, Msg::kFldComplaintTotal, "63")),
                        field("sammanfattning", T::kText, kOpt, Msg::kFldSummary, "Närstående berömmer bemötandet.")})})}},
      {"åtgärd", Msg::kBlkAction, BlockShape::kFields,
       {field("problem", T::kText, kReq, Msg::kFldProblem, "Utveckla en gemensam värdegrund"),
        field("åtgärd", T::kText, kReq, Msg::kFldActionProcess, "Verksamhetsledningen ska se över värdegrunden."),
        field("datum", T::kText, kOpt, Msg::kFldActionWhen, "Klart 1 okt 2007"),
        field("startdatum", T::kMonthDate, kOpt, Msg::kFldActionStart, "2007-10"),
        field("slutdatum", T::kMonthDate, kOpt, Msg::kFldActionEnd, "2008-01-01"),
        choice("status", kOpt, Msg::kFldActionStatus, action_status_names()),
        field("ansvariga", T::kTextOrList, kReq, Msg::kFldResponsible, "[Avd.chef, Enhetschef]"),
        field("uppföljning", T::kText, kOpt, Msg::kFldActionFollowUp, "Klart i december 2007.")}},
      {"projekt", Msg::kBlkProject, BlockShape::kFields,
       {field("namn", T::kText, kReq, Msg::kFldProjectName, "Demensvårdsutveckling"),
        field("period", T::kText, kOpt, Msg::kFldProjectPeriod, "2008–2012"),
        field("finansiering", T::kInteger, kOpt, Msg::kFldProjectFunding, "3200000"),
        field("mål", T::kText, kOpt, Msg::kFldProjectGoal, "Ett teamarbete med brukaren i fokus."),
        field("resultat", T::kText, kOpt, Msg::kFldProjectResult, "Personalen har fått ökad kunskap.")}},
  };
}

std::vector<FieldSpec> make_site_fields() {
  std::vector<FieldSpec> statement = {
      field("organisation", T::kText, kReq, Msg::kFldOrganisation, "Stockholms stad"),
      choice("status", kReq, Msg::kFldCompliance, compliance_words()),
      nested("brister", T::kList, kOpt, Msg::kFldGaps,
             {field("brist", T::kText, kReq, Msg::kFldGap, "PDF-filerna är inte taggade."),
              field("kriterium", T::kText, kOpt, Msg::kFldCriterion, "1.3.1 Information och relationer")}),
      field("oskäligt_betungande", T::kTextList, kOpt, Msg::kFldDisproportionate, "[Inskannade dokument]"),
      field("utanför_lagen", T::kTextList, kOpt, Msg::kFldOutOfScope, "[Kartor]"),
      nested("kontakt", T::kMapping, kReq, Msg::kFldContact,
             {field("e-post", T::kEmail, kOpt, Msg::kFldEmail, "tillganglighet@example.se"),
              field("telefon", T::kPhone, kOpt, Msg::kFldPhone, "08-508 00 508"),
              field("svarstid", T::kText, kOpt, Msg::kFldResponseTime, "fem arbetsdagar")}),
      nested("bedömning", T::kMapping, kReq, Msg::kFldAssessment,
             {field("datum", T::kDate, kReq, Msg::kFldAssessmentDate, "2026-11-23"),
              field("metod", T::kText, kReq, Msg::kFldAssessmentMethod, "Självskattning.")}),
      field("publicerad", T::kDate, kOpt, Msg::kFldPublished, "2026-11-23"),
      field("uppdaterad", T::kDate, kReq, Msg::kFldUpdated, "2026-11-23"),
  };
  return {
      field("titel", T::kName, kOpt, Msg::kFldSiteTitle, "Kvalitet i äldreomsorgen"),
      choice("språk", kOpt, Msg::kFldSiteLang, lang_words()),
      field("tema", T::kText, kOpt, Msg::kFldTheme, "default"),
      // The site's address needs only to begin with http:// or https:// (validate/site.cc).
      patterned(field("adress", T::kUrl, kOpt, Msg::kFldBaseUrl, "https://kvalitet.example.se/"), "^[ \\t\\r\\n]*https?://"),
      nested("tillgänglighet", T::kMapping, kOpt, Msg::kFldStatement, std::move(statement)),
      ranged(field("lix_gräns", T::kInteger, kOpt, Msg::kFldLixLimit, "50"), 10, 100),
      field("bedömare", T::kTextList, kOpt, Msg::kFldReviewers, "[Anna Andersson, Bertil Berg]"),
      ranged(field("frysta_år", T::kTextList, kOpt, Msg::kFldFrozenYears, "[2018]"), 1900, 2999),  // whole years
  };
}

}  // namespace

const std::vector<BlockSpec>& data_block_specs() {
  static const std::vector<BlockSpec> specs = make_block_specs();
  return specs;
}

const BlockSpec* find_block_spec(std::string_view name) {
  for (const auto& spec : data_block_specs())
    if (spec.name == name) return &spec;
  return nullptr;
}

const std::vector<FieldSpec>& submission_state_fields() {
  static const std::vector<FieldSpec> fields = {choice("status", kOpt, Msg::kFldDocStatus, {kDraftWord, kSubmittedWord}),
                                                field("inlämnad_datum", FieldType::kDate, kOpt, Msg::kFldSubmittedOn, "2024-03-01")};
  return fields;
}

const std::vector<FieldSpec>& site_fields() {
  static const std::vector<FieldSpec> fields = make_site_fields();
  return fields;
}

const std::vector<FieldSpec>& unit_fields() {
  static const std::vector<FieldSpec> fields = {
      field("namn", T::kName, kReq, Msg::kFldUnitName, "Beställarenheten omsorg om äldre"),
      field("förvaltning", T::kName, kReq, Msg::kFldAdministration, "Skärholmens stadsdelsförvaltning"),
      // An organisational unit's id or a municipality's code (validate/site.cc check_unit_kolada).
      patterned(field("kolada", T::kText, kOpt, Msg::kFldUnitKolada, "V15E018000201"),
                "^[ \\t\\r\\n]*(?:V[0-9]{2}[A-Z][0-9]{9}|[0-9]{4})[ \\t\\r\\n]*$"),
  };
  return fields;
}

std::vector<std::string> keys_of(const std::vector<FieldSpec>& fields) {
  std::vector<std::string> keys;
  for (const auto& f : fields) keys.push_back(f.key);
  return keys;
}

const std::vector<FieldSpec>& fields_at(const std::vector<FieldSpec>& top, std::initializer_list<std::string_view> path) {
  const std::vector<FieldSpec>* fields = &top;
  for (std::string_view key : path) {
    const std::vector<FieldSpec>* next = nullptr;
    for (const auto& f : *fields)
      if (f.key == key && !f.fields.empty()) next = &f.fields;
    if (!next) throw std::logic_error("model/fields: no nested fields at " + std::string(key));
    fields = next;
  }
  return *fields;
}

std::vector<std::string> block_keys(std::string_view block, std::initializer_list<std::string_view> path) {
  const BlockSpec* spec = find_block_spec(block);
  if (!spec) throw std::logic_error("model/fields: no data block " + std::string(block));
  return keys_of(fields_at(spec->fields, path));
}

}  // namespace kv::model
