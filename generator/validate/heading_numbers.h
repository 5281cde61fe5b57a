// The numbering of authors' headings in a document with numbered chapters
// (numrerade_rubriker: true): within chapter n, "n.1", "n.1.1", "n.2", … in order, each at the
// Markdown level of its depth ("## 1.1", "### 1.1.1"). Unnumbered headings are left alone.
#pragma once
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "model/blocks.h"

namespace kv {

// Warns at each heading whose number belongs to another chapter, skips or repeats a number,
// or stands at a level other than its depth.
void check_heading_numbers(const std::vector<model::Block>& blocks, int chapter, const std::string& path, Diagnostics& diagnostics);

// The numbers that may follow `previous` ({1,1} → {1,2} and {1,1,1}); the chapter stays.
std::vector<std::vector<int>> next_heading_numbers(const std::vector<int>& previous);

}  // namespace kv
