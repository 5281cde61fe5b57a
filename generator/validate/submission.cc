#include "validate/report_blocks.h"
#include "load/content_names.h"
#include "validate/submission.h"

#include <algorithm>
#include <set>

#include "load/markdown_file.h"
#include "load/source.h"
#include "model/fields.h"
#include "model/vocabulary.h"
#include "util/text.h"
#include "validate/blocks.h"
#include "validate/file_inventory.h"
#include "validate/map_reader.h"
#include "validate/heading_numbers.h"
#include "validate/project_block.h"
#include "validate/part_name.h"
#include "validate/submission_structure.h"
#include "validate/unanswered.h"
#include "validate/waivers.h"

namespace kv {
namespace {

namespace fs = std::filesystem;
using Need = MapReader::Need;

std::string display(const fs::path& p) { return p.generic_string(); }

BlockVocabulary vocabulary(const model::Structure& structure) { return {structure.container_names(), model::data_block_names()}; }

// status: and inlämnad_datum: (model::submission_state_fields). An unknown status is an
// error, never read as a draft; a draft's parts not written yet are warnings, not errors.
void read_state(MapReader& map, model::Submission& s) {
  Diagnostics& diagnostics = map.diagnostics();
  if (auto status = map.text("status", Need::kOptional)) {
    if (fold_case(*status) == fold_case(model::kDraftWord)) s.draft = true;
    else if (fold_case(*status) != fold_case(model::kSubmittedWord))
      diagnostics.error(map.pos("status"), diagnostics.t(Msg::kDocStatusUnknown, {*status}), diagnostics.t(Msg::kDocStatusUnknownHint));
  }
  if (auto date = map.text("inlämnad_datum", Need::kOptional)) {
    if (valid_iso_date(*date)) s.submitted_on = *date;
    else report_bad_date(map.pos("inlämnad_datum"), *date, diagnostics);
  }
  // ISO dates compare as text. A late document is still the document: a warning.
  const std::string& deadline = s.structure ? s.structure->deadline : std::string();
  if (!s.draft && !deadline.empty() && !s.submitted_on.empty() && s.submitted_on > deadline)
    diagnostics.warning(map.pos("inlämnad_datum"), diagnostics.t(Msg::kSubmittedLate, {s.submitted_on, deadline}),
                        diagnostics.t(Msg::kSubmittedLateHint, {deadline}));
  if (s.draft) diagnostics.drafts = true;
}

void read_admin(const model::Structure& structure, MapReader& map, model::Submission& out) {
  Diagnostics& diagnostics = map.diagnostics();
  for (const auto& field : structure.admin_fields) {
    auto need = field.required ? Need::kRequired : Need::kOptional;
    auto value = map.text(field.key, need);
    if (!value) continue;
    if (field.type == "val") {
      auto it = std::find_if(field.choices.begin(), field.choices.end(),
                             [&](const std::string& c) { return fold_case(c) == fold_case(*value); });
      if (it == field.choices.end()) {
        diagnostics.error(map.pos(field.key), diagnostics.t(Msg::kBadChoice, {*value, field.key}), diagnostics.t(Msg::kBadChoiceHint, {join(field.choices, ", ")}));
        continue;
      }
      value = *it;  // as the structure writes it
    } else if (!valid_admin_value(field.type, *value)) {
      if (field.type == "e-post")
        diagnostics.error(map.pos(field.key), diagnostics.t(Msg::kBadEmail, {*value}), diagnostics.t(Msg::kBadEmailHint));
      else if (field.type == "datum")
        report_bad_date(map.pos(field.key), *value, diagnostics);
      else if (field.type == "telefon")
        diagnostics.error(map.pos(field.key), diagnostics.t(Msg::kBadPhone, {*value}), diagnostics.t(Msg::kBadPhoneHint));
      else if (field.type == "url")
        diagnostics.error(map.pos(field.key), diagnostics.t(Msg::kBadUrl, {*value}), diagnostics.t(Msg::kBadUrlHint));
      else if (field.type == "decimaltal")
        diagnostics.error(map.pos(field.key), diagnostics.t(Msg::kNotNumber, {field.key, *value}),
                          not_number_hint(*value, false, diagnostics.t(Msg::kNotNumberHint), diagnostics));
      else
        diagnostics.error(map.pos(field.key), diagnostics.t(Msg::kNotInteger, {field.key, *value}),
                          not_number_hint(*value, true, diagnostics.t(Msg::kNotIntegerExampleHint, {integer_example(field.key)}), diagnostics));
      continue;
    }
    out.admin.push_back({field.label, *value, field.type});
    if (field.key == structure.plan.follow_up_field) out.follow_up = model::parse_plan_date(*value);
  }
}

std::vector<model::Block> read_blocks(const MarkdownFile& file, const BlockContext& context, Diagnostics& diagnostics) {
  auto raw = split_blocks(file, vocabulary(*context.structure), diagnostics);
  return to_model_blocks(raw, context, diagnostics);
}

// A part file's front matter: the part it answers (fråga: N / avsnitt: N, or fråga: "1.1" when
// the structure's labels are not all whole numbers), and the recommendations it waives.
struct FrontMatter {
  std::string label;
  std::vector<Waiver> waivers;
  SourcePos at;  // of the label's value
};

std::optional<FrontMatter> read_front_matter(const MarkdownFile& file, const model::Structure& structure, Diagnostics& diagnostics) {
  const std::string& key = structure.part.name;
  if (!file.front_matter) {
    diagnostics.error({file.path, 1, 1}, diagnostics.t(Msg::kFrontMatterMissing), diagnostics.t(Msg::kFrontMatterMissingHint, {key}));
    return std::nullopt;
  }
  YamlOrigin origin{file.path, file.front_matter->line_offset, file.front_matter->yaml};
  auto node = parse_yaml(origin, diagnostics);
  if (!node) return std::nullopt;
  MapReader map(*node, origin, diagnostics, {key, kWaiverKey});
  std::optional<std::string> label;
  if (structure.has_text_labels()) label = map.text(key, Need::kRequired);
  else if (auto n = map.integer(key, Need::kRequired)) label = std::to_string(*n);
  auto waivers = read_waivers(map, structure.part_names(), diagnostics);
  if (!label) return std::nullopt;
  return FrontMatter{std::string(trim(*label)), std::move(waivers), map.pos(key)};
}

// fraga-02.md → 2, fraga-1-1.md → the number of part "1.1"; 0 when the name is no part's.
int number_from_name(const fs::path& path, const model::Structure& structure) {
  const std::string stem = path.stem().string();
  for (const auto* q : structure.questions())
    if (stem == structure.part_slug(q->number)) return q->number;
  const std::string prefix = structure.part.slug + "-";
  if (!starts_with(stem, prefix)) return 0;
  return static_cast<int>(parse_integer(stem.substr(prefix.size())).value_or(0));
}

// Reads every question file. Returns the numbers of questions whose files had errors: their
// part counts are unreliable (or, for a file whose number is unreadable, the part seems
// missing), so part checks skip them rather than repeat the problem.
std::set<int> read_questions(const ContentRoot& root, const SubmissionLocation& where, const std::vector<fs::path>& files,
                             const model::Structure& structure, Diagnostics& diagnostics, model::Submission& out) {
  std::set<int> with_errors;
  auto questions = structure.questions();
  const std::string first = questions.empty() ? "" : questions.front()->label;
  const std::string last = questions.empty() ? "" : questions.back()->label;
  const std::string word = structure.part_word(diagnostics.lang);
  for (const auto& path : files) {
    // A file that cannot be read, or whose number cannot, is reported; the part its name
    // gives (fraga-02.md → 2) is then not also reported missing.
    auto source = read_content_file(root, path, diagnostics);
    if (!source) {
      with_errors.insert(number_from_name(path, structure));
      continue;
    }
    MarkdownFile file = split_front_matter(*source, diagnostics);
    auto front = read_front_matter(file, structure, diagnostics);
    if (!front) {
      with_errors.insert(number_from_name(path, structure));
      continue;
    }
    SourcePos at{source->path, 2, 1};
    const model::QuestionSpec* spec = structure.find_label(front->label);
    // The part the file's name gives (fraga-03.md → 3), when it names one of the structure's.
    const int named = number_from_name(path, structure);
    // With text labels only a name that is a part's slug (fraga-1-1.md) says which part it is.
    const bool names_part = named > 0 && (!structure.has_text_labels() || path.stem().string() == structure.part_slug(named));
    const model::QuestionSpec* by_name = names_part ? structure.find_question(named) : nullptr;
    if (!spec) {
      diagnostics.error(front->at, diagnostics.t(Msg::kQuestionUnknown, {word, front->label, structure.name + " " + std::to_string(structure.year)}),
                   diagnostics.t(Msg::kQuestionUnknownHint, {first, last}));
      if (by_name) with_errors.insert(named);  // the file is there: not also "missing"
      continue;
    }
    if (by_name && by_name != spec) {
      // fraga-03.md saying fråga: 4: either may be the mistake. One error here, and neither
      // part is reported missing or answered twice because of it.
      const auto written = [&](const model::QuestionSpec& q) { return structure.has_text_labels() ? "\"" + q.label + "\"" : q.label; };
      const std::string key = structure.part.name, file = fs::path(source->path).filename().string();
      diagnostics.error(front->at, diagnostics.t(Msg::kPartNumberNotFileName, {key, written(*spec), file, word, by_name->label}),
                        diagnostics.t(Msg::kPartNumberNotFileNameHint, {key, written(*by_name), structure.part_slug(spec->number) + ".md"}));
      with_errors.insert(named);
      continue;
    }
    const std::optional<int> number = spec->number;
    if (auto it = out.answers.find(*number); it != out.answers.end()) {
      diagnostics.error(at, diagnostics.t(Msg::kQuestionDuplicate, {word, spec->label, it->second.source_path}),
                   diagnostics.t(Msg::kQuestionDuplicateHint));
      continue;
    }
    if (is_unanswered(file, vocabulary(structure), spec->title, diagnostics.lang)) {  // e.g. as `kvalitet ny` wrote it
      Msg what = structure.part.name == "fråga" ? Msg::kQuestionNotAnswered : Msg::kPartNotWritten;
      diagnostics.not_yet(at, diagnostics.t(what, {word, spec->label, short_title(spec->title)}), diagnostics.t(Msg::kPartNotAnsweredHint));
      with_errors.insert(*number);  // its part counts are meaningless: one error is enough
      out.answers.emplace(*number, model::Answer{*number, source->path, {}, {}, {}});
      continue;
    }
    diagnostics.context = part_name(structure, *number, diagnostics.lang);
    const int errors_before = diagnostics.list.error_count(), unwritten_before = diagnostics.unwritten;
    BlockContext context{source->path, fs::path(source->path).parent_path(), &root, &structure, spec, where.year,
                         out.follow_up};
    model::Answer answer{*number, source->path, read_blocks(file, context, diagnostics), {}, {}};
    answer.waived = check_waivers(front->waivers, *spec, answer.blocks, diagnostics);
    if (structure.narrative.numbered_headings) check_heading_numbers(answer.blocks, *number, source->path, diagnostics);
    // A block in error, or with values not written yet, was written: not also "missing".
    if (diagnostics.list.error_count() > errors_before || diagnostics.unwritten > unwritten_before) with_errors.insert(*number);
    diagnostics.context.clear();
    if (!has_content(answer.blocks) && !with_errors.count(*number))  // blocks in error were written, not missing
      diagnostics.not_yet(at, diagnostics.t(Msg::kAnswerEmpty, {word, spec->label, short_title(spec->title)}), diagnostics.t(Msg::kAnswerEmptyHint));
    out.answers.emplace(*number, std::move(answer));
  }
  return with_errors;
}

// An admin field's whole-number value and where it stands, when the structure names the
// field and the author gave it.
std::optional<StatedTotal> stated_total(const model::Structure& structure, const model::Submission& s, const MapReader& map,
                                        const std::string& key) {
  if (key.empty()) return std::nullopt;
  for (const auto& f : structure.admin_fields) {
    if (f.key != key) continue;
    for (const auto& a : s.admin)
      if (a.label == f.label)
        if (auto n = parse_whole_number(a.value)) return StatedTotal{*n, map.pos(key)};
  }
  return std::nullopt;
}

void check_projects(const model::Submission& s, const std::optional<StatedTotal>& count,
                    const std::optional<StatedTotal>& funding, Diagnostics& diagnostics) {
  if (!count && !funding) return;
  std::vector<const model::Project*> projects;
  for (const auto& [n, answer] : s.answers)
    model::for_each_block(answer.blocks, [&](const model::Block& b) {
      if (const auto* p = std::get_if<model::Project>(&b.value)) projects.push_back(p);
    });
  check_project_totals(projects, count, funding, diagnostics);
}

// What is missing: "”hot”", "2 × ”mål”", and for a part that is there but too few times
// "1 ”exempel” till (har 1 av 2)". missing: name → the number needed; counts: how many there are.
std::string part_list(const model::PartCounts& missing, const model::PartCounts& counts, const Diagnostics& diagnostics) {
  std::string list;
  for (const auto& [name, needed] : missing) {
    auto it = counts.find(name);
    const int have = it == counts.end() ? 0 : it->second;
    std::string item = have > 0 ? diagnostics.t(Msg::kPartShort, {std::to_string(needed - have), name, std::to_string(have), std::to_string(needed)})
                                : (needed == 1 ? "" : std::to_string(needed) + " × ") + "”" + name + "”";
    list += (list.empty() ? "" : ", ") + item;
  }
  return list;
}

// How to write the parts: "::: exempel … :::" for containers, "```mål … ```" for data.
std::string part_syntax(const model::Structure& structure, const model::PartCounts& missing) {
  const auto containers = structure.container_names();
  std::string list;
  for (const auto& [name, count] : missing) {
    bool container = std::find(containers.begin(), containers.end(), name) != containers.end();
    list += (list.empty() ? "" : ", ") + (name == model::kTablePart ? std::string("| \xE2\x80\xA6 | \xE2\x80\xA6 |")
                                          : container ? "::: " + name + " \xE2\x80\xA6 :::" : "```" + name + " \xE2\x80\xA6 ```");
  }
  return list;
}

// lookalikes: expected file names already reported for a misnamed file (fraga-02.txt): that
// error says what to do, so the part is not also reported missing.
// In a draft a part not written yet is a warning, and a missing part file gets an empty
// answer so its page says "not answered yet" instead of the pager linking nowhere.
void check_parts(const model::Structure& structure, const SubmissionLocation& where, model::Submission& s,
                 const std::set<int>& skip, const std::set<std::string>& lookalikes, Diagnostics& diagnostics) {
  const std::string word = structure.part_word(diagnostics.lang);
  for (const auto* q : structure.questions()) {
    auto it = s.answers.find(q->number);
    if (it == s.answers.end()) {
      if (skip.count(q->number) || lookalikes.count(structure.part_slug(q->number) + ".md")) continue;
      std::string nn = structure.part_slug(q->number).substr(structure.part.slug.size() + 1);
      const std::string front = structure.has_text_labels() ? "\"" + q->label + "\"" : q->label;
      diagnostics.not_yet({display(where.folder), 0, 0}, diagnostics.t(Msg::kQuestionMissing, {word, q->label, short_title(q->title)}),
                          diagnostics.t(Msg::kQuestionMissingHint, {structure.part.slug, nn, structure.part.name, front}));
      if (s.draft) {
        const std::string file = display(where.folder / (structure.part_slug(q->number) + ".md"));
        s.answers.emplace(q->number, model::Answer{q->number, file, {}, {}, {}});
      }
      continue;
    }
    if (skip.count(q->number)) continue;
    auto counts = model::count_parts(it->second.blocks);
    SourcePos at{it->second.source_path, 0, 0};
    for (const auto* parts : {&q->required, &q->recommended}) {
      model::PartCounts missing;
      for (const auto& [name, min] : *parts)
        if (counts[name] < min && !(parts == &q->recommended && it->second.waived.count(name))) missing[name] = min;
      if (missing.empty()) continue;
      std::string what = part_list(missing, counts, diagnostics);
      std::string message = diagnostics.t(Msg::kRequiredPart, {word, q->label, short_title(q->title), what});
      std::string hint = diagnostics.t(Msg::kRequiredPartHint, {part_syntax(structure, missing)});
      if (parts == &q->required) diagnostics.not_yet(at, message, hint);
      else diagnostics.warning(at, message, hint);
    }
  }
}

}  // namespace

bool valid_admin_value(const std::string& type, const std::string& value) {
  if (type == "heltal") return parse_whole_number(value).has_value();
  if (type == "decimaltal") return parse_number(value).has_value();
  if (type == "url")
    return (starts_with(value, "https://") || starts_with(value, "http://")) && value.find_first_of(" \t<>\"") == std::string::npos &&
           value.size() > std::string_view("https://").size();
  if (type == "datum") return valid_iso_date(value);
  if (type == "e-post") {
    size_t at = value.find('@');
    if (at == std::string::npos || at == 0 || value.find('@', at + 1) != std::string::npos) return false;
    if (value.find_first_of(" \t,;<>") != std::string::npos) return false;
    size_t dot = value.find('.', at);
    return dot != std::string::npos && dot > at + 1 && dot + 1 < value.size() && value.back() != '.';
  }
  if (type == "telefon") {
    int digits = 0;
    for (size_t i = 0; i < value.size(); ++i) {
      char c = value[i];
      if (std::isdigit(static_cast<unsigned char>(c))) ++digits;
      else if (!(c == ' ' || c == '-' || c == '(' || c == ')' || (c == '+' && i == 0))) return false;
    }
    return digits >= 7 && digits <= 15;
  }
  return !trim(value).empty();
}

std::optional<model::Submission> read_submission(const SubmissionLocation& where, const StructureSet& structures,
                                                 Diagnostics& diagnostics, const BrokenStructures& broken,
                                                 std::optional<model::Submission>* draft) {
  const int errors_before = diagnostics.list.error_count();
  model::Submission s;
  s.unit = where.unit;
  s.year = where.year;
  s.kind_slug = where.kind_slug;
  s.source_folder = where.folder.generic_string();

  const ContentRoot content(where.content_root);
  const Entries entries = list_content_folder(where.folder, diagnostics);
  const auto lookalikes = check_document_files(content, where.folder, entries, part_slugs(structures), diagnostics);

  // A missing or broken inlamning.yaml is reported and the rest still checked, with the
  // structure of the folder's name.
  const AdminFile admin = read_admin_file(content, where, lookalikes.count(kAdminFile) > 0, diagnostics);
  s.structure = structure_for(where, admin, structures, broken, diagnostics);
  if (!s.structure) return std::nullopt;
  std::optional<StatedTotal> project_count, project_funding;
  if (admin.root) {
    std::vector<std::string> keys = {"struktur"};
    for (const auto& f : model::submission_state_fields()) keys.push_back(f.key);
    for (const auto& f : s.structure->admin_fields) keys.push_back(f.key);
    MapReader map(*admin.root, admin.origin, diagnostics, keys);
    map.text("struktur", Need::kOptional);  // reports a struktur: that is not a text
    read_state(map, s);
    read_admin(*s.structure, map, s);
    project_count = stated_total(*s.structure, s, map, s.structure->narrative.project_count_field);
    project_funding = stated_total(*s.structure, s, map, s.structure->narrative.project_funding_field);
  }

  std::vector<fs::path> question_files;
  fs::path intro = where.folder / kIntroFile;
  for (const auto& entry : entries)
    if (is_part_file(entry)) question_files.push_back(entry.path());

  std::error_code ec;
  if (fs::exists(fs::symlink_status(intro, ec)) && s.structure->intro_title.empty()) {
    // Shown nowhere (the structure has no introduction), so never silently dropped.
    diagnostics.error({display(intro), 0, 0}, diagnostics.t(Msg::kIntroNotInStructure, {s.structure->id}),
                 diagnostics.t(Msg::kIntroNotInStructureHint, {s.structure->part_word(diagnostics.lang)}));
  } else if (fs::exists(fs::symlink_status(intro, ec))) {
    if (auto text = read_content_file(content, intro, diagnostics)) {
      MarkdownFile file = split_front_matter(*text, diagnostics);
      BlockContext context{text->path, where.folder, &content, s.structure.get(), nullptr, where.year, {}};
      s.intro = read_blocks(file, context, diagnostics);
      s.intro_path = text->path;
      if (!has_content(s.intro)) diagnostics.not_yet({text->path, 1, 1}, diagnostics.t(Msg::kIntroEmpty), diagnostics.t(Msg::kAnswerEmptyHint));
    }
  } else if (s.structure->intro_required && !lookalikes.count(kIntroFile)) {
    diagnostics.not_yet({display(intro), 0, 0}, diagnostics.t(Msg::kIntroMissing), diagnostics.t(Msg::kIntroMissingHint));
  }

  auto with_errors = read_questions(content, where, question_files, *s.structure, diagnostics, s);
  check_parts(*s.structure, where, s, with_errors, lookalikes, diagnostics);
  check_projects(s, project_count, project_funding, diagnostics);
  if (diagnostics.list.error_count() > errors_before) {
    if (draft) *draft = std::move(s);
    return std::nullopt;
  }
  return s;
}

}  // namespace kv
