#include "util/myers.h"

#include <algorithm>

namespace kv {
namespace {

using Seq = std::span<const uint32_t>;

// a and b without their common beginning and end, which every shortest script keeps.
struct Trimmed {
  Seq a, b;
  size_t prefix = 0, suffix = 0;
};

Trimmed trim_common(Seq a, Seq b) {
  Trimmed t;
  while (t.prefix < a.size() && t.prefix < b.size() && a[t.prefix] == b[t.prefix]) ++t.prefix;
  while (t.suffix < a.size() - t.prefix && t.suffix < b.size() - t.prefix && a[a.size() - 1 - t.suffix] == b[b.size() - 1 - t.suffix]) ++t.suffix;
  t.a = a.subspan(t.prefix, a.size() - t.prefix - t.suffix);
  t.b = b.subspan(t.prefix, b.size() - t.prefix - t.suffix);
  return t;
}

// Myers' forward search: after d edits, the furthest x reached on each diagonal k = x − y
// (k from −d to d in steps of 2). Returns the smallest d reaching the end of both. With a
// trace, each round's row is appended (row d holds d + 1 values), for the way back.
std::optional<size_t> search(Seq a, Seq b, size_t max_edits, DiffBudget& budget, std::vector<int64_t>* trace) {
  const int64_t n = static_cast<int64_t>(a.size()), m = static_cast<int64_t>(b.size());
  const int64_t dmax = std::min<int64_t>(static_cast<int64_t>(max_edits), n + m);
  const int64_t off = dmax + 1;
  std::vector<int64_t> v(static_cast<size_t>(2 * dmax + 3), 0);
  for (int64_t d = 0; d <= dmax; ++d) {
    if (!budget.take(static_cast<size_t>(d + 1))) return std::nullopt;
    for (int64_t k = -d; k <= d; k += 2) {
      const bool down = k == -d || (k != d && v[off + k - 1] < v[off + k + 1]);
      int64_t x = down ? v[off + k + 1] : v[off + k - 1] + 1, y = x - k;
      const int64_t from = x;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      if (!budget.take(static_cast<size_t>(x - from))) return std::nullopt;
      v[off + k] = x;
      if (trace) trace->push_back(x);
      if (x >= n && y >= m) return static_cast<size_t>(d);
    }
  }
  return std::nullopt;
}

// Back from the end through the trace: each round undoes one edit and the run of equal
// items (snake) after it. Returns the steps in reverse.
std::vector<Edit> walk_back(size_t n, size_t m, size_t edits, const std::vector<int64_t>& trace) {
  std::vector<Edit> back;
  int64_t x = static_cast<int64_t>(n), y = static_cast<int64_t>(m);
  for (int64_t d = static_cast<int64_t>(edits); d > 0; --d) {
    const int64_t* row = trace.data() + (d - 1) * d / 2;  // round d − 1
    auto at = [&](int64_t k) { return row[(k + d - 1) / 2]; };
    const int64_t k = x - y;
    const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
    const int64_t pk = down ? k + 1 : k - 1, px = at(pk), py = px - pk;
    for (const int64_t after_edit = down ? px : px + 1; x > after_edit; --x, --y) back.push_back(Edit::kSame);
    back.push_back(down ? Edit::kInserted : Edit::kDeleted);
    x = px, y = py;
  }
  for (; x > 0; --x) back.push_back(Edit::kSame);
  return back;
}

}  // namespace

std::optional<std::vector<Edit>> edit_script(Seq a, Seq b, size_t max_edits, DiffBudget& budget) {
  const Trimmed t = trim_common(a, b);
  std::vector<int64_t> trace;
  const auto edits = search(t.a, t.b, max_edits, budget, &trace);
  if (!edits) return std::nullopt;
  std::vector<Edit> script(t.prefix, Edit::kSame);
  const auto back = walk_back(t.a.size(), t.b.size(), *edits, trace);
  script.insert(script.end(), back.rbegin(), back.rend());
  script.insert(script.end(), t.suffix, Edit::kSame);
  return script;
}

std::optional<size_t> edit_count(Seq a, Seq b, size_t max_edits, DiffBudget& budget) {
  const Trimmed t = trim_common(a, b);
  return search(t.a, t.b, max_edits, budget, nullptr);
}

}  // namespace kv
