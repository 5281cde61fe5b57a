#include "kolada/kolada_command.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cctype>
#include <cmath>
#include <map>
#include <ostream>
#include <set>
#include <sstream>

#include "diag/print_diagnostics.h"
#include "i18n/numbers.h"
#include "kolada/file_edit.h"
#include "kolada/kolada_fetch.h"
#include "kolada/kolada_values.h"
#include "kolada/written_indicators.h"
#include "load/content_names.h"
#include "load/content_path.h"
#include "util/limits.h"
#include "load/source.h"
#include "scaffold/block_writer.h"
#include "util/escape.h"
#include "util/text.h"
#include "write/files.h"
#include "write/output_dir.h"

namespace kv {
namespace fs = std::filesystem;
using namespace kolada;

namespace {

// One saved answer, read through a descriptor whose size is checked first: never more than
// limits::kKoladaDataFileBytes is read, and a FIFO or device is refused before any read.
std::optional<std::string> read_saved_file(const fs::path& file, Diagnostics& diags) {
  const SourcePos at{file.generic_string(), 0, 0};
  const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    diags.error(at, diags.t(Msg::kReadFailedBecause, {write_error_reason(errno, diags)}), diags.t(Msg::kFileUnreadableHint));
    return std::nullopt;
  }
  std::optional<std::string> text;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    diags.error(at, diags.t(Msg::kPathNotRegular, {file.filename().string()}), diags.t(Msg::kPathNotRegularHint));
  } else if (static_cast<std::uintmax_t>(st.st_size) > limits::kKoladaDataFileBytes) {
    diags.error(at, diags.t(Msg::kKoladaDataTooLarge, {group_digits(st.st_size), group_digits(limits::kKoladaDataFileBytes)}),
                diags.t(Msg::kKoladaDataTooLargeHint));
  } else {
    std::string buffer(static_cast<size_t>(st.st_size) + 1, '\0');  // one more: a file that grew is seen
    size_t got = 0;
    ssize_t n = 0;
    while (got < buffer.size() && (n = ::read(fd, buffer.data() + got, buffer.size() - got)) > 0) got += static_cast<size_t>(n);
    if (n < 0) {
      diags.error(at, diags.t(Msg::kReadFailedBecause, {write_error_reason(errno, diags)}), diags.t(Msg::kFileUnreadableHint));
    } else if (got > limits::kKoladaDataFileBytes) {
      diags.error(at, diags.t(Msg::kKoladaDataTooLarge, {group_digits(got), group_digits(limits::kKoladaDataFileBytes)}),
                  diags.t(Msg::kKoladaDataTooLargeHint));
    } else {
      buffer.resize(got);
      text = std::move(buffer);
    }
  }
  ::close(fd);
  return text;
}

// Saved answers: every *.json in dir, in name order. A link that leads out of dir, or an
// entry that is no regular file, is an error naming it.
bool read_saved(const fs::path& dir, Answers& answers, Diagnostics& diags) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (it->path().extension() == ".json" && name.front() != '.') files.push_back(it->path());
  }
  if (ec || files.empty()) {
    diags.error({dir.generic_string(), 0, 0}, diags.t(Msg::kKoladaNoData), diags.t(Msg::kKoladaNoDataHint));
    return false;
  }
  std::sort(files.begin(), files.end());
  const ContentRoot folder(dir);
  bool ok = true;
  for (const auto& f : files) {
    const std::string name = f.filename().string();
    const SourcePos at{f.generic_string(), 0, 0};
    const PathState state = classify_path(folder, f);
    if (state == PathState::kOutside) {
      diags.error(at, diags.t(Msg::kKoladaDataOutside, {name, dir.generic_string()}), diags.t(Msg::kKoladaDataOutsideHint));
      ok = false;
      continue;
    }
    if (state == PathState::kMissing) {
      diags.error(at, diags.t(Msg::kPathMissing, {name}), diags.t(Msg::kPathMissingHint));
      ok = false;
      continue;
    }
    const auto text = read_saved_file(f, diags);  // a FIFO, a device, a folder: reported there
    if (!text) {
      ok = false;
      continue;
    }
    std::string problem;
    auto page = parse_page(*text, problem);
    if (!page) {
      diags.error(at, diags.t(Msg::kKoladaBadAnswer, {name, problem}), diags.t(Msg::kKoladaBadAnswerHint));
      ok = false;
      continue;
    }
    merge(answers, std::move(page->answers));
  }
  return ok;
}

std::optional<double> kolada_value(const Values& v, const std::string& key) {
  return key == "utfall" ? v.total : key == "kvinnor" ? v.women : v.men;
}

// A value as the block writer writes numbers (81, "81,5"), to Kolada's two decimals.
std::string yaml_number(double v) { return scaffold::yaml_number(std::round(v * 100) / 100); }

struct Outcome {
  std::map<fs::path, FileEdit> edits;
  std::map<fs::path, int> filled_in;  // values filled in, by file
  int filled = 0, differing = 0;
};

void compare_one(const WrittenIndicator& w, const Values& v, Outcome& o, Diagnostics& diags, std::ostream& out) {
  std::vector<std::string> filled = w.filled, lines;
  for (const char* key : kValueKeys) {
    const auto theirs = kolada_value(v, key);
    if (!theirs) continue;
    const auto mine = w.values.count(key) ? w.values.at(key) : WrittenValue{};
    if (mine.value) {
      if (std::fabs(*mine.value - *theirs) > 0.05) {
        diags.warning({w.file.generic_string(), mine.line, 1},
                      diags.t(Msg::kKoladaDiffers, {key, format_indicator_value(*mine.value, w.measure, diags.lang),
                                                    format_indicator_value(*theirs, w.measure, diags.lang), w.kpi, std::to_string(w.year)}),
                      diags.t(Msg::kKoladaDiffersHint));
        ++o.differing;
      }
      continue;
    }
    FileEdit& edit = o.edits[w.file];
    const std::string line = w.indent + key + ": " + yaml_number(*theirs);
    if (mine.line > 0) edit.replace[mine.line] = line;  // "utfall:" left empty
    else lines.push_back(line);
    if (std::find(filled.begin(), filled.end(), key) == filled.end()) filled.push_back(key);
    out << terminal_text(w.file.generic_string()) << ':' << (mine.line ? mine.line : w.close_line) << ": "
        << terminal_text(diags.t(Msg::kKoladaFilled, {key, yaml_number(*theirs), w.kpi, w.name})) << '\n';  // Kolada's and the author's words
    ++o.filled;
    ++o.filled_in[w.file];
  }
  if (filled == w.filled) return;
  FileEdit& edit = o.edits[w.file];
  const std::string list = w.indent + "kolada_fyllt: [" + join(filled, ", ") + "]";
  if (w.filled_line > 0) edit.replace[w.filled_line] = list;
  else lines.push_back(list);
  auto& before = edit.insert_before[w.close_line];
  before.insert(before.end(), lines.begin(), lines.end());
}

// The values needed, and the names of the KPIs and units: from the saved answers, or fetched
// — the names once per KPI and unit first, then the values once per KPI, unit and year of the
// ids Kolada knows (an unknown one is check_ids' to report).
bool gather(const KoladaOptions& options, const std::vector<WrittenIndicator>& all, const std::map<std::string, std::string>& ids,
            Answers& answers, Diagnostics& diags) {
  if (!options.fetch) return read_saved(options.data_dir, answers, diags);
  if (!check_api(options.api, diags)) return false;
  FetchSession session(options.api, options.timeout_s);  // the deadline starts here, for every request
  std::set<std::string> name_urls;
  for (const auto& w : all) {
    name_urls.insert(kpi_names_url(options.api, w.kpi));
    if (!ids.at(w.unit_slug).empty()) name_urls.insert(unit_names_url(options.api, ids.at(w.unit_slug)));
  }
  bool ok = true;
  for (const auto& url : name_urls) ok = fetch_into(url, session, answers, diags) && ok;
  std::set<Key> wanted;
  for (const auto& w : all) {
    const std::string& unit = ids.at(w.unit_slug);
    if (!unit.empty() && answers.names.kpis.count(w.kpi) && answers.names.units.count(unit)) wanted.insert({w.kpi, unit, w.year});
  }
  for (const auto& k : wanted) ok = fetch_into(unit_values_url(options.api, k.kpi, k.unit, k.year), session, answers, diags) && ok;
  return ok;
}

// The line of enhet.yaml that says kolada: (1 when not found: the file is still the place).
int kolada_line(const fs::path& content_root, const fs::path& file) {
  Diagnostics ignored;  // a file that cannot be read was reported by the walk
  const auto source = read_content_file(ContentRoot(content_root), file, ignored);
  if (!source) return 1;
  const auto lines = split_lines(source->text);  // views into the text
  for (size_t i = 0; i < lines.size(); ++i)
    if (starts_with(trim(lines[i]), "kolada:")) return static_cast<int>(i) + 1;
  return 1;
}

// Ids Kolada does not know, where it said what it knows (fetched, or metadata among the saved
// answers): an error naming the nearest ids it does know. Returns whether every id is known.
bool check_ids(const KoladaOptions& options, const fs::path& content_root, const std::vector<WrittenIndicator>& all,
               const std::map<std::string, std::string>& ids, const Names& names, Diagnostics& diags) {
  // The hint, and the nearest id Kolada knows with what it is called.
  auto hint = [&](Msg what, const std::string& id, const std::map<std::string, std::string>& known) {
    std::vector<std::string> candidates;
    for (const auto& [k, _] : known) candidates.push_back(k);
    const std::string best = closest_match(id, candidates);
    return diags.t(what) + (best.empty() ? "" : "; " + diags.t(Msg::kDidYouMean, {best + " – " + known.at(best)}));
  };
  bool ok = true;
  std::set<std::string> reported;
  for (const auto& w : all) {
    if ((options.fetch || !names.kpis.empty()) && !names.kpis.count(w.kpi)) {
      diags.error({w.file.generic_string(), w.kpi_line, 1}, diags.t(Msg::kKoladaKpiUnknown, {w.kpi}),
                  hint(Msg::kKoladaKpiUnknownHint, w.kpi, names.kpis));
      ok = false;
    }
    const std::string& unit = ids.at(w.unit_slug);
    if (unit.empty() || names.units.count(unit) || !(options.fetch || !names.units.empty()) || !reported.insert(unit).second) continue;
    const fs::path file = content_root / w.unit_slug / kUnitFile;
    diags.error({file.generic_string(), kolada_line(content_root, file), 1}, diags.t(Msg::kKoladaUnitUnknown, {unit}),
                hint(Msg::kKoladaUnitUnknownHint, unit, names.units));
    ok = false;
  }
  return ok;
}

// "U21468 ”Brukarbedömning …”" when Kolada named it, else the id.
std::string kpi_label(const std::string& kpi, const Names& names) {
  auto it = names.kpis.find(kpi);
  return it == names.kpis.end() ? kpi : kpi + " \xE2\x80\x9D" + it->second + "\xE2\x80\x9D";
}

// The words of a name, folded: "Hägersten-Älvsjös hemtjänst" → {hägersten, älvsjös, hemtjänst}.
std::vector<std::string> words(const std::string& name) {
  std::vector<std::string> out(1);
  for (char c : fold_case(name)) {
    if (static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c))) out.back() += c;
    else if (!out.back().empty()) out.emplace_back();
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

// The unit Kolada lists whose title has (nearly) all the words of the unit's name, as
// "V15E018000201 – Hemtjänst Hägersten-Älvsjö": the id an author without one is looking for.
std::string nearest_unit(const std::string& name, const Names& names) {
  const auto mine = words(name);
  if (mine.empty()) return "";
  std::string best;
  size_t best_found = 0, best_extra = 0;
  for (const auto& [id, title] : names.units) {
    const auto theirs = words(title);
    size_t found = 0;
    for (const auto& w : mine)
      if (std::any_of(theirs.begin(), theirs.end(), [&](const std::string& t) { return edit_distance(w, t, 1) <= 1; })) ++found;
    const size_t extra = theirs.size() > found ? theirs.size() - found : 0;
    if (3 * found < 2 * mine.size()) continue;  // two thirds of the name at least
    if (found > best_found || (found == best_found && extra < best_extra)) {
      best = id + " \xE2\x80\x93 " + title;
      best_found = found;
      best_extra = extra;
    }
  }
  return best;
}

// The author's file with the edit applied: only where it resolves inside the content folder
// after following links (the link's target is what is rewritten), and atomically, its mode
// kept (write/files.h): a full disk or a kill leaves the file as it was. Returns whether it
// was written; reports why not.
bool write_edit(const ContentRoot& root, const fs::path& file, const FileEdit& edit, Diagnostics& diags) {
  const SourcePos at{file.generic_string(), 0, 0};
  std::error_code ec;
  const fs::path real = fs::canonical(file, ec);
  if (ec || !write_target_inside(root, real)) {
    diags.error(at, diags.t(Msg::kLinkOutsideContent, {file.filename().string(), root.path.generic_string()}),
                diags.t(Msg::kLinkOutsideContentHint));
    return false;
  }
  try {
    const auto size = fs::file_size(real, ec);
    if (ec || size > limits::kTextFileBytes) throw WriteError(real, ec ? ec.value() : EFBIG, WriteError::Op::kRead);
    replace_file(real, apply_edit(read_file(real), edit));
    return true;
  } catch (const WriteError& e) {
    const std::string reason = write_error_reason(e.error(), diags);
    if (e.op() == WriteError::Op::kRead)
      diags.error(at, diags.t(Msg::kReadFailedBecause, {reason}), diags.t(Msg::kFileUnreadableHint));
    else
      diags.error(at, diags.t(Msg::kWriteFailedBecause, {reason}), diags.t(Msg::kKoladaWriteHint));
    return false;
  }
}

}  // namespace

int run_kolada(const CommandContext& context, const KoladaOptions& options, std::ostream& out, std::ostream& err) {
  const fs::path& content_root = context.options.content_root;
  const OutputStyle& style = context.options.style;
  std::ostream& people = people_stream(style, out, err);
  std::ostringstream quieted;  // -q: no line for people
  std::ostream& filled_lines = style.quiet ? quieted : people;
  Diagnostics diags = context.diagnostics();
  const auto all = written_indicators(content_root, diags);
  std::map<std::string, std::string> ids;  // unit slug → Kolada id
  for (const auto& w : all)
    if (!ids.count(w.unit_slug)) ids[w.unit_slug] = unit_kolada_id(content_root, w.unit_slug);
  Answers answers;
  Outcome o;
  const bool gathered = gather(options, all, ids, answers, diags);
  std::map<std::string, std::string> no_id_hints;  // unit slug → hint, made once per unit
  for (const auto& w : all) {
    if (!ids[w.unit_slug].empty()) continue;
    auto [hint, made] = no_id_hints.try_emplace(w.unit_slug);
    if (made) {
      const std::string nearest = nearest_unit(unit_name(content_root, w.unit_slug), answers.names);
      hint->second = diags.t(Msg::kKoladaNoUnitIdHint, {(content_root / w.unit_slug / kUnitFile).generic_string()}) +
                     (nearest.empty() ? "" : "; " + diags.t(Msg::kDidYouMean, {"kolada: " + nearest}));
    }
    diags.error({w.file.generic_string(), w.kpi_line, 1}, diags.t(Msg::kKoladaNoUnitId, {w.unit_slug}), hint->second);
  }
  if (gathered && check_ids(options, content_root, all, ids, answers.names, diags)) {
    for (auto w : all) {
      if (ids[w.unit_slug].empty()) continue;
      auto it = answers.values.find({w.kpi, ids[w.unit_slug], w.year});
      w.kpi = kpi_label(w.kpi, answers.names);  // for the messages
      if (it == answers.values.end())
        diags.warning({w.file.generic_string(), w.kpi_line, 1}, diags.t(Msg::kKoladaNoValue, {w.kpi, std::to_string(w.year), ids[w.unit_slug]}),
                      diags.t(Msg::kKoladaNoValueHint));
      else
        compare_one(w, it->second, o, diags, filled_lines);
    }
  }
  int filled = o.filled, files = static_cast<int>(o.edits.size());
  if (!options.dry_run) {
    filled = files = 0;  // what was written, not what was meant to be
    if (diags.list.error_count() == 0)
      for (const auto& [file, edit] : o.edits)
        if (write_edit(ContentRoot(content_root), file, edit, diags)) {
          filled += o.filled_in[file];
          ++files;
        }
  }
  print_diagnostics(diags, style, out, err);
  if (!style.quiet)
    people << diags.t(options.dry_run ? Msg::kKoladaSummaryDry : Msg::kKoladaSummary,
                      {std::to_string(filled), std::to_string(files), std::to_string(o.differing)})
           << '\n';
  return diags.list.error_count() ? 1 : 0;
}

}  // namespace kv
