#include "load/content_names.h"

#include "util/text.h"

namespace kv {

bool is_ignored_file(std::string_view name) {
  if (name.empty() || name.front() == '.' || name.back() == '~' || name.starts_with("~$") || name == "4913") return true;
  if (name.size() > 1 && name.front() == '#' && name.back() == '#') return true;  // Emacs auto-save
  const std::string folded = fold_case(name);
  return folded.ends_with(".swp") || folded.ends_with(".swo") || folded.ends_with(".swx") || folded == "thumbs.db" ||
         folded == "desktop.ini";
}

bool is_skipped_folder_name(std::string_view name) { return name.empty() || name.front() == '.' || name.front() == '_'; }

}  // namespace kv
