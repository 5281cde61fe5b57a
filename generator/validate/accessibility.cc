#include "validate/accessibility.h"

#include "model/fields.h"
#include "validate/report_blocks.h"
#include "validate/submission.h"

namespace kv {
namespace {

using Need = MapReader::Need;

// The statement's keys come from the table of site.yaml's fields (model/fields.h).
const std::vector<model::FieldSpec>& statement_fields(std::initializer_list<std::string_view> path) {
  const auto& statement = model::fields_at(model::site_fields(), {"tillgänglighet"});
  return model::fields_at(statement, path);
}

std::optional<std::string> date(MapReader& map, const std::string& key, Need need) {
  auto value = map.text(key, need);
  if (value && !valid_iso_date(*value)) {
    report_bad_date(map.pos(key), *value, map.diagnostics());
    return std::nullopt;
  }
  return value;
}

std::vector<std::string> texts(MapReader& map, const std::string& key) {
  std::vector<std::string> out;
  for (const auto& item : map.list(key, Need::kOptional))
    if (auto t = read_text(item, key, map.origin(), map.diagnostics())) out.push_back(*t);
  return out;
}

std::vector<model::AccessibilityGap> gaps(MapReader& map) {
  std::vector<model::AccessibilityGap> out;
  for (const auto& item : map.list("brister", Need::kOptional)) {
    MapReader gap(item, map.origin(), map.diagnostics(), model::keys_of(statement_fields({"brister"})));
    auto text = gap.text("brist", Need::kRequired);
    auto criterion = gap.text("kriterium", Need::kOptional);
    if (text) out.push_back({*text, criterion.value_or("")});
  }
  return out;
}

// How visitors reach the organisation: an e-mail address or a phone number, or both.
bool read_contact(MapReader& map, model::AccessibilityStatement& s) {
  Diagnostics& diagnostics = map.diagnostics();
  if (!map.has("kontakt")) {
    diagnostics.error(map.pos("kontakt"), diagnostics.t(Msg::kStatementNoContact), diagnostics.t(Msg::kStatementNoContactHint));
    return false;
  }
  MapReader contact(map.get("kontakt"), map.origin(), diagnostics, model::keys_of(statement_fields({"kontakt"})));
  if (!contact.is_map()) return false;
  s.email = contact.text("e-post", Need::kOptional).value_or("");
  s.phone = contact.text("telefon", Need::kOptional).value_or("");
  s.response_time = contact.text("svarstid", Need::kOptional).value_or("");
  bool ok = true;
  if (!s.email.empty() && !valid_admin_value("e-post", s.email)) {
    diagnostics.error(contact.pos("e-post"), diagnostics.t(Msg::kBadEmail, {s.email}), diagnostics.t(Msg::kBadEmailHint));
    ok = false;
  }
  if (!s.phone.empty() && !valid_admin_value("telefon", s.phone)) {
    diagnostics.error(contact.pos("telefon"), diagnostics.t(Msg::kBadPhone, {s.phone}), diagnostics.t(Msg::kBadPhoneHint));
    ok = false;
  }
  if (s.email.empty() && s.phone.empty()) {
    diagnostics.error(map.pos("kontakt"), diagnostics.t(Msg::kStatementNoContact), diagnostics.t(Msg::kStatementNoContactHint));
    ok = false;
  }
  return ok;
}

bool read_assessment(MapReader& map, model::AccessibilityStatement& s) {
  if (!map.has("bedömning")) {
    map.text("bedömning", Need::kRequired);  // reports it missing
    return false;
  }
  MapReader assessment(map.get("bedömning"), map.origin(), map.diagnostics(), model::keys_of(statement_fields({"bedömning"})));
  if (!assessment.is_map()) return false;
  auto when = date(assessment, "datum", Need::kRequired);
  auto method = assessment.text("metod", Need::kRequired);
  s.assessed = when.value_or("");
  s.method = method.value_or("");
  return when && method;
}

// A status that contradicts the listed gaps is most likely an outdated statement.
void check_status(const MapReader& map, const model::AccessibilityStatement& s) {
  Diagnostics& diagnostics = map.diagnostics();
  if (s.status == "helt" && !s.gaps.empty())
    diagnostics.warning(map.pos("status"), diagnostics.t(Msg::kStatementFullWithGaps, {std::to_string(s.gaps.size())}),
                   diagnostics.t(Msg::kStatementFullWithGapsHint));
  if (s.status != "helt" && s.gaps.empty())
    diagnostics.warning(map.pos("status"), diagnostics.t(Msg::kStatementNoGaps, {s.status}), diagnostics.t(Msg::kStatementNoGapsHint));
}

}  // namespace

std::optional<model::AccessibilityStatement> read_accessibility(const YAML::Node& node, const YamlOrigin& origin,
                                                                Diagnostics& diagnostics) {
  MapReader map(node, origin, diagnostics, model::keys_of(statement_fields({})));
  if (!map.is_map()) return std::nullopt;
  model::AccessibilityStatement s;
  s.given = true;
  auto organisation = map.text("organisation", Need::kRequired);
  auto status = map.choice("status", model::compliance_words(), Need::kRequired);
  s.gaps = gaps(map);
  s.disproportionate = texts(map, "oskäligt_betungande");
  s.out_of_scope = texts(map, "utanför_lagen");
  bool contact = read_contact(map, s);
  bool assessment = read_assessment(map, s);
  auto published = date(map, "publicerad", Need::kOptional);
  auto updated = date(map, "uppdaterad", Need::kRequired);
  if (!organisation || !status || !contact || !assessment || !updated || (map.has("publicerad") && !published))
    return std::nullopt;
  s.organisation = *organisation;
  s.status = *status;
  s.published = published.value_or("");
  s.updated = *updated;
  check_status(map, s);
  return s;
}

}  // namespace kv
