// The names in the content folder, each spelled once (as leveldb's db/filename.h does for a
// database's files): the files an author writes, the folders kvalitet keeps there, and the
// skip rules every walk of the folder applies. Validation, kvalitet kolada, kvalitet arkiv,
// serve's watcher, kvalitet ny and kvalitet importera take their names from here, so that
// they cannot drift apart. docs/content-model.md describes the layout for authors.
#pragma once
#include <string_view>

namespace kv {

// content/site.yaml: the site's settings.
inline constexpr const char* kSiteFile = "site.yaml";
// content/<enhet>/enhet.yaml: a unit's name and administration.
inline constexpr const char* kUnitFile = "enhet.yaml";
// content/<enhet>/<år>/<slag>/inlamning.yaml: a document's administrative values.
inline constexpr const char* kAdminFile = "inlamning.yaml";
// content/<enhet>/<år>/<slag>/inledning.md: a document's introduction.
inline constexpr const char* kIntroFile = "inledning.md";
// content/<enhet>/<år>/<slag>/ej-placerad-text.md: text `kvalitet importera` could not place;
// not part of the document, a warning until the author has moved it and removed the file.
inline constexpr const char* kUnplacedFile = "ej-placerad-text.md";

// content/_bedomning/<år>/<slag>/*.xlsx: the reviewers' filled forms (kvalitet bedomning).
inline constexpr const char* kReviewFormsFolder = "_bedomning";
// content/_bedomning/<år>/<slag>/konsensus.xlsx: the consensus form with what the reviewers
// agreed; a reserved name there (any case), never read as a reviewer's form. The reviewers'
// site offers it under the same name (render/html/urls.h, consensus_workbook_path).
inline constexpr const char* kConsensusFile = "konsensus.xlsx";
// content/_beslut/<år>/<slag>.yaml: the jury's decision on an edition (validate/decisions.h).
inline constexpr const char* kDecisionsFolder = "_beslut";
inline constexpr const char* kDecisionExtension = ".yaml";
// content/_arkiv/kvalitet-<år>/: the archive packages of frozen years (kvalitet arkiv).
inline constexpr const char* kArchiveFolder = "_arkiv";

// themes/<tema>/tema.yaml: the theme a theme builds on; themes/<tema>/layouts/: the layouts
// it replaces. Neither is copied into the site.
inline constexpr const char* kThemeFile = "tema.yaml";
inline constexpr const char* kThemeLayoutsFolder = "layouts";

// The skip rules of every walk of the content folder (and of serve's watcher).
//
// Files that are never content and never reported: hidden files (.git, .DS_Store, vim's
// .x.swp), editor backups and swap or lock files (x~, x.swp, x.swo, x.swx, #x#, ~$x.docx,
// vim's 4913 probe), Thumbs.db and desktop.ini.
bool is_ignored_file(std::string_view name);
// Folders no walk enters: hidden ones (.git) and kvalitet's own (_bedomning, _beslut, _arkiv:
// read only by the code they belong to). A build's output folder is skipped as well, which
// takes a look inside (load/content_path.h, is_skipped_folder).
bool is_skipped_folder_name(std::string_view name);

}  // namespace kv
