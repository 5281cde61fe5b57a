// serve's source view: an author's file with line numbers and an anchor per line
// (/_kvalitet/kalla?fil=PATH#rad-12), the target of the links on the error page. Only
// regular files inside the content folder, the templates or the themes are shown, after
// links are followed (load/content_path.h); anything else is refused, so the view cannot
// read the rest of the machine.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "load/content_path.h"

namespace kv::serve {

inline constexpr const char* kSourcePath = "/_kvalitet/kalla";

class SourceRoots {
 public:
  explicit SourceRoots(const std::vector<std::filesystem::path>& roots);
  // True when path is a regular file inside one of the roots, no larger than a text file may be.
  bool allows(const std::filesystem::path& path) const;

 private:
  std::vector<ContentRoot> roots_;
};

// The source view's address for path, at line (0: the top of the file).
std::string source_href(const std::string& path, int line);

// The file's lines as they can be shown: control characters and invalid bytes made
// visible (\xHH), tabs as spaces. nullopt when roots refuse the path or it cannot be read.
std::optional<std::vector<std::string>> viewable_lines(const SourceRoots& roots, const std::filesystem::path& path);

// The page for path, or nullopt when it is refused.
std::optional<std::string> source_page(const SourceRoots& roots, const std::string& path, Lang lang,
                                       std::uint64_t generation);

// The page that says a file cannot be shown (answered with 403).
std::string refused_source_page(Lang lang, std::uint64_t generation);

}  // namespace kv::serve
