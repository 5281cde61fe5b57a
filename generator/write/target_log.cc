#include "write/target_log.h"

namespace kv {

void TargetLog::read_previous(std::string_view lines) {
  while (!lines.empty()) {
    const size_t end = lines.find('\n');
    std::string_view line = lines.substr(0, end);
    lines = end == std::string_view::npos ? std::string_view() : lines.substr(end + 1);
    if (line.substr(0, kDocumentLinePrefix.size()) == kDocumentLinePrefix) {
      line.remove_prefix(kDocumentLinePrefix.size());
      const size_t tab = line.find('\t');
      if (tab != std::string_view::npos && tab > 0 && tab + 1 < line.size())
        previous_documents_[std::string(line.substr(0, tab))] = std::string(line.substr(tab + 1));
      continue;
    }
    if (line.substr(0, kTargetLinePrefix.size()) != kTargetLinePrefix) continue;
    line.remove_prefix(kTargetLinePrefix.size());
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) continue;
    std::vector<std::string> paths;
    const std::string key(line.substr(0, tab));
    while (tab != std::string_view::npos) {
      const size_t next = line.find('\t', tab + 1);
      std::string_view path = line.substr(tab + 1, next == std::string_view::npos ? std::string_view::npos : next - tab - 1);
      if (path.empty()) break;
      paths.emplace_back(path);
      tab = next;
    }
    previous_[key] = std::move(paths);
  }
}

const std::vector<std::string>* TargetLog::previous(const std::string& key) const {
  auto found = previous_.find(key);
  return found == previous_.end() ? nullptr : &found->second;
}

void TargetLog::record(const std::string& key, std::vector<std::string> paths) {
  if (key.empty() || paths.empty()) return;
  for (const auto& p : paths)
    if (p.empty() || p.find_first_of("\t\n\r") != std::string::npos) return;
  std::lock_guard guard(lock_);
  current_[key] = std::move(paths);
}

const std::string* TargetLog::previous_document(const std::string& folder) const {
  auto found = previous_documents_.find(folder);
  return found == previous_documents_.end() ? nullptr : &found->second;
}

void TargetLog::record_document(const std::string& folder, std::string record) {
  auto loggable = [](const std::string& s) { return !s.empty() && s.find_first_of("\t\n\r") == std::string::npos; };
  if (!loggable(folder) || !loggable(record)) return;
  std::lock_guard guard(lock_);
  current_documents_[folder] = std::move(record);
}

std::string TargetLog::text() const {
  std::lock_guard guard(lock_);
  std::string text;
  for (const auto& [key, paths] : current_) {
    text += kTargetLinePrefix;
    text += key;
    for (const auto& p : paths) text += "\t" + p;
    text += '\n';
  }
  for (const auto& [folder, record] : current_documents_) {
    text += kDocumentLinePrefix;
    text += folder + "\t" + record + "\n";
  }
  return text;
}

}  // namespace kv
