// Shared helpers for tests: temporary folders, fixture copies, file edits and diagnostics lookup.
#pragma once
#include <filesystem>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "pipeline/pipeline.h"
#include "diag/diagnostic.h"

namespace kvtest {

namespace fs = std::filesystem;

inline fs::path source_dir() { return fs::path(KV_SOURCE_DIR); }
inline fs::path fixtures() { return source_dir() / "tests" / "fixtures"; }

// A fresh folder under the system temp dir, removed when the object dies.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = fs::temp_directory_path() / ("kvalitet-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

inline std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

// Replaces the first occurrence of from; fails loudly when it is absent, so an edit that
// no longer applies cannot turn a test into one that passes for the wrong reason.
inline void replace(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = read(file);
  size_t at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("fixture edit not found in " + file.string() + ": " + from);
  text.replace(at, from.size(), to);
  write(file, text);
}

// Question 1 of tests/fixtures/valid without its Exempel (a recommended part missing): the
// container's lines removed, its content kept.
inline void drop_example(const fs::path& fraga_01) {
  replace(fraga_01, "::: exempel\n", "");
  replace(fraga_01, "```\n:::\n", "```\n");
}

// A copy of tests/fixtures/<name> as content folder.
inline void copy_fixture(const std::string& name, const fs::path& to) {
  fs::copy(fixtures() / name, to, fs::copy_options::recursive);
}

inline fs::path submission_dir(const fs::path& content) { return content / "provenhet" / "2020" / "prov"; }

// Figures written with the decimals an author means (issue 31): the report fixture's indicators
// as 22,0 / 12,50 / 76 (persons) and 83,0 / 80 / 85,25 (per cent)...
inline void write_report_decimals(const fs::path& content) {
  const fs::path part = content / "provrapport/2024/prov-rapport/avsnitt-01.md";
  replace(part, "utfall: 13\nvb: \"12,02\"\nårsmål: 10\n", "utfall: \"22,0\"\nvb: \"12,50\"\nårsmål: 76\n");
  replace(part, "utfall: 83\nmän: 80\nkvinnor: 85\n", "utfall: \"83,0\"\nmän: 80\nkvinnor: \"85,25\"\n");
}
// ...and the valid fixture's economy as 22,0 / 12,50 / 9,50, its survey's Kvinna as 79,0 %.
inline void write_award_decimals(const fs::path& content) {
  const fs::path doc = submission_dir(content);
  replace(doc / "fraga-02.md", "budget: 277,76\n    utfall: 276,5\n    resultat: 1,3\n", "budget: 22,0\n    utfall: 12,50\n    resultat: 9,50\n");
  replace(doc / "fraga-01.md", "totalt: 76\n    kvinna: 79\n", "totalt: 76\n    kvinna: 79,0\n");
}

inline kv::PipelineOptions options_for(const fs::path& content, const fs::path& templates = fixtures() / "templates") {
  kv::PipelineOptions o;
  o.content_root = content;
  o.templates_dir = templates.string();
  o.themes_dir = (source_dir() / "themes").string();
  o.threads = 2;
  return o;
}

// `kvalitet build` of content into out (as the audience sees it); the exit status, and what it
// printed on stderr in errors.
inline int build_site(const fs::path& content, const fs::path& templates, const fs::path& out, std::string* errors = nullptr,
                      kv::model::Audience audience = kv::model::Audience::kPublic) {
  auto options = options_for(content, templates);
  options.output_dir = out.string();
  options.audience = audience;
  std::ostringstream o, e;
  const int status = kv::run_build(options, o, e);
  if (errors) *errors = e.str();
  return status;
}

// The context a command gets from main (site.yaml read, templates and themes found), for the
// commands besides check and build; lang as --lang.
inline kv::CommandContext context_for(const fs::path& content, const fs::path& templates = fixtures() / "templates",
                                      std::optional<kv::Lang> lang = std::nullopt) {
  auto o = options_for(content, templates);
  o.lang = lang;
  return kv::make_context(o);
}

inline kv::Validated check(const fs::path& content) { return kv::validate_content(options_for(content)); }

// The example content (content/) built with the real templates, once per test run; tests only
// read what it wrote.
struct ExampleSite {
  TempDir dir;
  fs::path out = dir.path() / "site";
  int status = [this] {
    auto options = options_for(source_dir() / "content", source_dir() / "templates");
    options.output_dir = out.string();
    std::ostringstream o, e;
    return kv::run_build(options, o, e);
  }();
};

inline const ExampleSite& example_site() {
  static ExampleSite site;
  return site;
}

// A fixture with structures of its own (tests/fixtures/<name>/content and
// <name>/templates/structures) copied to a temporary folder, with the real page layouts:
// tests edit its files, check it and build it.
struct StructuresFixture {
  TempDir dir;
  fs::path content = dir.path() / "content";
  fs::path templates = dir.path() / "templates";
  fs::path out = dir.path() / "site";
  explicit StructuresFixture(const std::string& name) {
    fs::copy(fixtures() / name / "content", content, fs::copy_options::recursive);
    fs::create_directories(templates);
    fs::copy(fixtures() / name / "templates" / "structures", templates / "structures", fs::copy_options::recursive);
    fs::create_directory_symlink(source_dir() / "templates" / "layouts", templates / "layouts");
  }
  fs::path structure(const std::string& id) const { return templates / "structures" / (id + ".yaml"); }
  kv::Validated run() const { return kv::validate_content(options_for(content, templates)); }
  // Builds into out; returns the exit status, stderr in errors.
  int build(std::string* errors = nullptr, kv::model::Audience audience = kv::model::Audience::kPublic) const {
    return build_site(content, templates, out, errors, audience);
  }
};

// One unit of the example content alone in a temporary content folder (with the site's
// site.yaml), checked with the real structures: tests edit its files and check again.
struct ExampleUnit {
  TempDir dir;
  fs::path content = dir.path() / "content";
  explicit ExampleUnit(const std::string& unit) {
    fs::create_directories(content);
    fs::copy(source_dir() / "content" / "site.yaml", content / "site.yaml");
    fs::copy(source_dir() / "content" / unit, content / unit, fs::copy_options::recursive);
  }
  kv::Validated run() const { return kv::validate_content(options_for(content, source_dir() / "templates")); }
};

// The diagnostics whose path ends with file and whose message contains text.
inline int count(const kv::Diagnostics& diagnostics, kv::Severity severity, const std::string& file, const std::string& text) {
  int n = 0;
  for (const auto& d : diagnostics.list.items()) {
    bool path_ok = file.empty() || (d.pos.path.size() >= file.size() &&
                                    d.pos.path.compare(d.pos.path.size() - file.size(), file.size(), file) == 0);
    if (d.severity == severity && path_ok && d.message.find(text) != std::string::npos) ++n;
  }
  return n;
}

inline int count(const kv::Validated& v, kv::Severity severity, const std::string& file, const std::string& text) {
  return count(v.diagnostics, severity, file, text);
}

inline const kv::Diagnostic* find(const kv::Diagnostics& diagnostics, const std::string& text) {
  for (const auto& d : diagnostics.list.items())
    if (d.message.find(text) != std::string::npos) return &d;
  return nullptr;
}

inline const kv::Diagnostic* find(const kv::Validated& v, const std::string& text) { return find(v.diagnostics, text); }

inline std::string all_messages(const kv::Diagnostics& diagnostics) {
  std::string s;
  for (const auto& d : diagnostics.list.items()) s += kv::format_diagnostic(d, false);
  return s;
}

inline std::string all_messages(const kv::Validated& v) { return all_messages(v.diagnostics); }

// The text a reader sees: tags removed, entities decoded, whitespace collapsed, and ':'
// and '*' dropped (labels are table headers on the site, "Mål:" in the source).
inline std::string visible_text(std::string s) {
  s = std::regex_replace(s, std::regex("</?(em|strong|a|span|abbr|del|code)\\b[^>]*>"), "");
  s = std::regex_replace(s, std::regex("<[^>]*>"), " ");
  const std::pair<const char*, const char*> entities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"\xC2\xA0", " "}, {"&amp;", "&"}};
  for (const auto& [from, to] : entities)
    for (size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, std::strlen(from), to);
  std::string out;
  for (char c : s) {
    if (c == ':' || c == '*') continue;
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

}  // namespace kvtest
