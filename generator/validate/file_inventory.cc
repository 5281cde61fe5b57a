#include "validate/file_inventory.h"

#include <algorithm>

#include "util/text.h"

namespace kv {
namespace {

namespace fs = std::filesystem;


std::string extension_of(const std::string& name) {
  size_t dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? std::string() : fold_case(name.substr(dot + 1));
}

bool is_folder(const fs::directory_entry& entry) {
  std::error_code ec;
  return entry.is_directory(ec);
}

bool is_link(const fs::directory_entry& entry) {
  std::error_code ec;
  return entry.is_symlink(ec);
}

// The expected name that name is or looks like, or "".
std::string canonical_file_name(const std::string& name, const std::vector<std::string>& expected,
                                const std::vector<std::string>& part_slugs) {
  // "Fråga 07.md.txt" → "fraga-07": every extension off, lower case, å → a, spaces → '-'.
  const std::string stem = slugify(name.substr(0, name.find('.')), "");
  if (stem.empty()) return "";
  std::vector<std::string> stems;
  for (const auto& e : expected) stems.push_back(e.substr(0, e.find('.')));
  for (size_t i = 0; i < stems.size(); ++i)
    if (stems[i] == stem) return expected[i];
  // A part: its prefix (or one a letter or two off) and a number: fraga7, fraga_07, fråga-07.
  const size_t last_letter = stem.find_last_not_of("0123456789");
  if (last_letter != std::string::npos && last_letter + 1 < stem.size() && stem.size() - last_letter <= 4) {
    std::string prefix = stem.substr(0, last_letter + 1);
    while (!prefix.empty() && prefix.back() == '-') prefix.pop_back();
    const int number = static_cast<int>(parse_integer(stem.substr(last_letter + 1)).value_or(0));
    for (const auto& slug : part_slugs)
      if (number > 0 && !prefix.empty() && (prefix == slug || !closest_match(prefix, {slug}).empty()))
        return slug + (number < 10 ? "-0" : "-") + std::to_string(number) + ".md";
  }
  const std::string near = closest_match(stem, stems);
  for (size_t i = 0; i < stems.size(); ++i)
    if (!near.empty() && stems[i] == near) return expected[i];
  return "";
}

// A file an author writes for a document (inlamning.yaml, inledning.md, a part), or one that
// looks like it: its name says so, whatever the folder.
bool is_document_file(const std::string& name, const std::vector<std::string>& part_slugs) {
  static const std::vector<std::string> kDocument = {kAdminFile, kIntroFile};
  return !canonical_file_name(name, kDocument, part_slugs).empty();
}

// "”a”, ”b”, ”c” …": at most three names, so that 22 stray files give one readable line.
std::string name_list(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size() && i < 3; ++i) out += (out.empty() ? "" : ", ") + ("\xE2\x80\x9D" + names[i] + "\xE2\x80\x9D");
  if (names.size() > 3) out += " \xE2\x80\xA6";
  return out;
}

void report_unknown(const fs::path& path, Msg hint, const std::vector<std::string>& hint_args, Diagnostics& diagnostics) {
  diagnostics.warning({path.generic_string(), 0, 0}, diagnostics.t(Msg::kUnknownFile, {path.filename().string()}), diagnostics.t(hint, hint_args));
}

bool report_lookalike(const fs::path& path, const std::string& expected, Diagnostics& diagnostics) {
  if (expected.empty()) return false;
  diagnostics.error({path.generic_string(), 0, 0}, diagnostics.t(Msg::kLooksLikeExpected, {path.filename().string(), expected}),
               diagnostics.t(Msg::kLooksLikeExpectedHint, {expected}));
  return true;
}

// A subfolder of a document (bilder/): images only. A document's own file here is never
// read, which is an error; anything else a warning.
void check_subfolder(const ContentRoot& root, const fs::path& document, const fs::path& dir,
                     const std::vector<std::string>& part_slugs, int depth, Diagnostics& diagnostics) {
  const std::string shown = dir.lexically_relative(document).generic_string();
  for (const auto& entry : list_content_folder(dir, diagnostics)) {
    const std::string name = entry.path().filename().string();
    if (is_ignored_file(name)) continue;
    if (is_folder(entry)) {
      if (is_skipped_folder(entry.path())) continue;
      if (!check_content_path(root, entry.path(), name, {entry.path().generic_string(), 0, 0}, diagnostics, true)) continue;
      if (!is_link(entry) && depth < kMaxWalkDepth) check_subfolder(root, document, entry.path(), part_slugs, depth + 1, diagnostics);
    } else if (is_image_file(name)) {
      continue;
    } else if (is_document_file(name, part_slugs)) {
      diagnostics.error({entry.path().generic_string(), 0, 0}, diagnostics.t(Msg::kDocumentFileInSubfolder, {name, shown}),
                   diagnostics.t(Msg::kDocumentFileInSubfolderHint, {document.generic_string() + "/"}));
    } else {
      report_unknown(entry.path(), Msg::kUnknownFileSubfolderHint, {}, diagnostics);
    }
  }
}

}  // namespace

bool is_image_file(const std::string& name) {
  static const std::vector<std::string> kImages = {"png", "jpg", "jpeg", "svg", "gif", "webp"};
  const std::string ext = extension_of(name);
  return std::find(kImages.begin(), kImages.end(), ext) != kImages.end();
}

std::string expected_file_name(const std::string& name, const std::vector<std::string>& expected,
                               const std::vector<std::string>& part_slugs) {
  std::string canonical = canonical_file_name(name, expected, part_slugs);
  return canonical == name ? std::string() : canonical;
}

bool is_part_file(const fs::directory_entry& entry) {
  static const std::vector<std::string> kNotParts = {kAdminFile, kIntroFile};
  const std::string name = entry.path().filename().string();
  if (is_folder(entry) || is_ignored_file(name) || entry.path().extension() != ".md" || name == kIntroFile ||
      name == kUnplacedFile)
    return false;
  return expected_file_name(name, kNotParts, {}).empty();
}

void check_root_files(const Entries& entries, const std::vector<std::string>& part_slugs,
                      const std::string& kind_folder_example, Diagnostics& diagnostics) {
  static const std::vector<std::string> kExpected = {kSiteFile};
  for (const auto& entry : entries) {
    const std::string name = entry.path().filename().string();
    if (is_folder(entry) || is_ignored_file(name) || name == kSiteFile || is_image_file(name)) continue;
    if (report_lookalike(entry.path(), expected_file_name(name, kExpected, {}), diagnostics)) continue;
    if (is_document_file(name, part_slugs))
      diagnostics.error({entry.path().generic_string(), 0, 0}, diagnostics.t(Msg::kDocumentFileInRoot, {name}),
                   diagnostics.t(Msg::kDocumentFileMoveHint, {"<enhet>/" + kind_folder_example + "/"}));
    else
      report_unknown(entry.path(), Msg::kUnknownFileRootHint, {}, diagnostics);
  }
}

std::set<std::string> check_unit_files(const fs::path& unit_dir, const Entries& entries,
                                       const std::vector<std::string>& part_slugs,
                                       const std::string& kind_folder_example, Diagnostics& diagnostics) {
  static const std::vector<std::string> kExpected = {kUnitFile};
  std::set<std::string> lookalikes;
  for (const auto& entry : entries) {
    const std::string name = entry.path().filename().string();
    if (is_folder(entry) || is_ignored_file(name) || name == kUnitFile || is_image_file(name)) continue;
    const std::string expected = expected_file_name(name, kExpected, {});
    if (report_lookalike(entry.path(), expected, diagnostics)) {
      lookalikes.insert(expected);
    } else if (is_document_file(name, part_slugs)) {
      diagnostics.error({entry.path().generic_string(), 0, 0}, diagnostics.t(Msg::kDocumentFileInUnit, {name}),
                   diagnostics.t(Msg::kDocumentFileMoveHint, {unit_dir.filename().string() + "/" + kind_folder_example + "/"}));
    } else {
      report_unknown(entry.path(), Msg::kUnknownFileUnitHint, {}, diagnostics);
    }
  }
  return lookalikes;
}

void check_year_files(const fs::path& year_dir, const Entries& entries, const std::vector<std::string>& kinds,
                      Diagnostics& diagnostics) {
  std::vector<std::string> files;
  for (const auto& entry : entries) {
    const std::string name = entry.path().filename().string();
    if (!is_folder(entry) && !is_ignored_file(name) && !is_image_file(name)) files.push_back(name);
  }
  if (files.empty()) return;
  std::string folders;
  const std::string year = year_dir.parent_path().filename().string() + "/" + year_dir.filename().string() + "/";
  for (const auto& kind : kinds) folders += (folders.empty() ? "" : diagnostics.t(Msg::kOr)) + year + kind + "/";
  if (folders.empty()) folders = year + "<slag>/";
  const SourcePos at{year_dir.generic_string(), 0, 0};
  if (files.size() == 1)
    diagnostics.error(at, diagnostics.t(Msg::kFileInYearFolder, {files[0]}), diagnostics.t(Msg::kFilesInYearFolderHint, {folders}));
  else
    diagnostics.error(at, diagnostics.t(Msg::kFilesInYearFolder, {std::to_string(files.size()), name_list(files)}),
                 diagnostics.t(Msg::kFilesInYearFolderHint, {folders}));
}

std::set<std::string> check_document_files(const ContentRoot& root, const fs::path& folder, const Entries& entries,
                                           const std::vector<std::string>& part_slugs, Diagnostics& diagnostics) {
  static const std::vector<std::string> kExpected = {kAdminFile, kIntroFile};
  std::set<std::string> lookalikes;
  const std::string slug = part_slugs.empty() ? "fraga" : part_slugs.front();
  for (const auto& entry : entries) {
    const std::string name = entry.path().filename().string();
    if (is_ignored_file(name)) continue;
    if (is_folder(entry)) {
      if (is_skipped_folder(entry.path())) continue;
      if (!check_content_path(root, entry.path(), name, {entry.path().generic_string(), 0, 0}, diagnostics, true)) continue;
      if (!is_link(entry)) check_subfolder(root, folder, entry.path(), part_slugs, 1, diagnostics);
      continue;
    }
    if (name == kAdminFile || name == kIntroFile || is_part_file(entry) || is_image_file(name)) continue;
    if (name == kUnplacedFile) {  // read by no one: a reminder until its text is moved
      diagnostics.warning({entry.path().generic_string(), 0, 0}, diagnostics.t(Msg::kUnplacedTextLeft, {name}),
                          diagnostics.t(Msg::kUnplacedTextLeftHint));
      continue;
    }
    const std::string expected = expected_file_name(name, kExpected, part_slugs);
    if (report_lookalike(entry.path(), expected, diagnostics)) lookalikes.insert(expected);
    else report_unknown(entry.path(), Msg::kUnknownFileDocumentHint, {slug}, diagnostics);
  }
  return lookalikes;
}

}  // namespace kv
