// A reviewable edit of a text file: lines inserted before given lines and whole lines
// replaced, every other byte kept as it was (comments, spacing, the file's line endings).
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kv::kolada {

struct FileEdit {
  std::map<int, std::vector<std::string>> insert_before;  // 1-based line → new lines
  std::map<int, std::string> replace;                     // 1-based line → its new text
  bool empty() const { return insert_before.empty() && replace.empty(); }
};

// text with the edit applied; new lines end as the file's lines do ("\r\n" or "\n").
std::string apply_edit(std::string_view text, const FileEdit& edit);

}  // namespace kv::kolada
