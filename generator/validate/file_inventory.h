// Nothing under content/ is silently lost: every file and folder is read, explicitly allowed,
// or reported (docs/content-model.md, "Vilka filer läses"). A file that looks like one kvalitet
// expects ("inlamning.yml", "fraga-07.txt"), or lies where a document's file is never read (in
// a year folder, in a subfolder of a document), is an error: its content would be lost. Any
// other unknown file is a warning naming it. Hidden, system and editor files are ignored;
// images are allowed everywhere.
#pragma once
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "load/content_names.h"  // is_ignored_file
#include "load/content_path.h"

namespace kv {

// png, jpg, jpeg, svg, gif, webp, in any case.
bool is_image_file(const std::string& name);

// The expected file name that name most likely meant ("inlamning.yml" → "inlamning.yaml",
// "fraga-07.txt" → "fraga-07.md", "Inlämning.yaml" → "inlamning.yaml"), or "" when it looks
// like none of them or is one of them. expected: whole names ("inlamning.yaml"); part_slugs:
// the part files' prefixes ("fraga", "avsnitt"), which match any number.
std::string expected_file_name(const std::string& name, const std::vector<std::string>& expected,
                               const std::vector<std::string>& part_slugs);

// A Markdown file of a document folder that is read as one of its parts: any .md file but
// inledning.md and files that look like inledning.md or inlamning.yaml.
bool is_part_file(const std::filesystem::directory_entry& entry);

// content/: site.yaml and unit folders. kind_folder_example: "2018/kvalitetsutmarkelsen".
void check_root_files(const Entries& entries, const std::vector<std::string>& part_slugs,
                      const std::string& kind_folder_example, Diagnostics& diagnostics);

// A unit folder: enhet.yaml and year folders. Returns the expected names that a look-alike
// was reported for ("enhet.yaml"), so that the caller does not also report them missing.
std::set<std::string> check_unit_files(const std::filesystem::path& unit_dir, const Entries& entries,
                                       const std::vector<std::string>& part_slugs,
                                       const std::string& kind_folder_example, Diagnostics& diagnostics);

// A year folder holds only document folders; its files are reported in one error, which
// names the document folders to move them to (kinds: the kinds with a structure that year).
void check_year_files(const std::filesystem::path& year_dir, const Entries& entries,
                      const std::vector<std::string>& kinds, Diagnostics& diagnostics);

// A document folder (<enhet>/<år>/<slag>/): everything but inlamning.yaml, inledning.md and
// the parts, and its subfolders (which may hold images, e.g. bilder/). Returns the expected
// names that a look-alike was reported for ("inlamning.yaml", "inledning.md").
std::set<std::string> check_document_files(const ContentRoot& root, const std::filesystem::path& folder,
                                           const Entries& entries, const std::vector<std::string>& part_slugs,
                                           Diagnostics& diagnostics);

}  // namespace kv
