#include "util/word_diff.h"

#include <algorithm>
#include <cstdint>

namespace kv {
namespace {

using Kind = DiffPiece::Kind;

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
    size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\n' && text[i] != '\t') ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

// The edit script of a and b by the longest common subsequence: for each step, which side
// it takes (kSame: both). Quadratic in time and memory; callers bound the sizes.
template <typename T>
std::vector<Kind> lcs_script(const std::vector<T>& a, const std::vector<T>& b) {
  const size_t n = a.size(), m = b.size();
  std::vector<uint32_t> table((n + 1) * (m + 1), 0);
  auto at = [&](size_t i, size_t j) -> uint32_t& { return table[i * (m + 1) + j]; };
  for (size_t i = n; i-- > 0;)
    for (size_t j = m; j-- > 0;) at(i, j) = a[i] == b[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
  std::vector<Kind> script;
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) script.push_back(Kind::kSame), ++i, ++j;
    else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) script.push_back(Kind::kInserted), ++j;
    else script.push_back(Kind::kDeleted), ++i;
  }
  return script;
}

void append(DiffParagraph& p, Kind kind, const std::string& word) {
  if (!p.empty() && p.back().kind == kind) p.back().text += " " + word;
  else p.push_back({kind, word});
}

// Deleted before inserted within each changed passage, so a replacement reads "old new".
DiffParagraph word_diff(const std::string& before, const std::string& after) {
  const auto a = words_of(before), b = words_of(after);
  DiffParagraph out;
  if ((a.size() + 1) * (b.size() + 1) > kMaxWordCells) {  // replaced whole, words joined as everywhere
    for (const auto& w : a) append(out, Kind::kDeleted, w);
    for (const auto& w : b) append(out, Kind::kInserted, w);
    return out;
  }
  size_t i = 0, j = 0;
  std::vector<std::string> ins;
  auto flush = [&] {
    for (const auto& w : ins) append(out, Kind::kInserted, w);
    ins.clear();
  };
  for (Kind k : lcs_script(a, b)) {
    if (k == Kind::kSame) flush(), append(out, k, a[i++]), ++j;
    else if (k == Kind::kDeleted) append(out, k, a[i++]);
    else ins.push_back(b[j++]);
  }
  flush();
  return out;
}

DiffParagraph whole(Kind kind, const std::string& text) {
  DiffParagraph p;
  for (const auto& w : words_of(text)) append(p, kind, w);
  return p;
}

}  // namespace

std::vector<DiffParagraph> diff_paragraphs(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  std::vector<DiffParagraph> out;
  std::vector<std::string> deleted, inserted;  // the current run of changed paragraphs
  // A run of removed and added paragraphs: the k-th removed is compared with the k-th added.
  auto flush = [&] {
    const size_t pairs = std::min(deleted.size(), inserted.size());
    for (size_t k = 0; k < pairs; ++k) out.push_back(word_diff(deleted[k], inserted[k]));
    for (size_t k = pairs; k < deleted.size(); ++k) out.push_back(whole(Kind::kDeleted, deleted[k]));
    for (size_t k = pairs; k < inserted.size(); ++k) out.push_back(whole(Kind::kInserted, inserted[k]));
    deleted.clear();
    inserted.clear();
  };
  // Thousands of paragraphs on each side would need too large a table: compare them in order.
  std::vector<Kind> script;
  if ((before.size() + 1) * (after.size() + 1) > kMaxWordCells) {
    script.assign(before.size(), Kind::kDeleted);
    script.insert(script.end(), after.size(), Kind::kInserted);
  } else {
    script = lcs_script(before, after);
  }
  size_t i = 0, j = 0;
  for (Kind k : script) {
    if (k == Kind::kSame) flush(), out.push_back(whole(Kind::kSame, before[i++])), ++j;
    else if (k == Kind::kDeleted) deleted.push_back(before[i++]);
    else inserted.push_back(after[j++]);
  }
  flush();
  out.erase(std::remove_if(out.begin(), out.end(), [](const DiffParagraph& p) { return p.empty(); }), out.end());
  return out;
}

DiffCounts count_changes(const std::vector<DiffParagraph>& diff) {
  DiffCounts c;
  for (const auto& p : diff)
    for (const auto& piece : p) {
      const size_t words = words_of(piece.text).size();
      if (piece.kind == Kind::kInserted) c.inserted += words;
      if (piece.kind == Kind::kDeleted) c.deleted += words;
    }
  return c;
}

}  // namespace kv
