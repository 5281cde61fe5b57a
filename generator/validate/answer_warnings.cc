#include "validate/answer_warnings.h"

#include <unordered_map>

namespace kv {

namespace {

std::string without_root(std::string text, const std::string& prefix) {
  if (prefix.empty()) return text;
  for (size_t at; (at = text.find(prefix)) != std::string::npos;) text.erase(at, prefix.size());
  return text;
}

void attach(std::unordered_map<std::string, model::Answer*> by_file, const Diagnostics& diagnostics,
            const std::string& content_root) {
  const std::string prefix = content_root.empty() ? "" : (content_root.back() == '/' ? content_root : content_root + "/");
  for (const auto& d : diagnostics.list.items()) {
    if (d.severity != Severity::kWarning) continue;
    auto it = by_file.find(d.pos.path);
    if (it != by_file.end())
      it->second->warnings.push_back({d.pos.line, without_root(d.message, prefix), without_root(d.hint, prefix)});
  }
}

}  // namespace

void attach_warnings(model::Site& site, const Diagnostics& diagnostics, const std::string& content_root) {
  std::unordered_map<std::string, model::Answer*> by_file;
  for (auto& s : site.submissions)
    for (auto& [n, answer] : s.answers) by_file.emplace(answer.source_path, &answer);
  attach(std::move(by_file), diagnostics, content_root);
}

void attach_warnings(model::Submission& document, const Diagnostics& diagnostics, const std::string& content_root) {
  std::unordered_map<std::string, model::Answer*> by_file;
  for (auto& [n, answer] : document.answers) by_file.emplace(answer.source_path, &answer);
  attach(std::move(by_file), diagnostics, content_root);
}

}  // namespace kv
