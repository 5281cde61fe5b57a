// undantag: in a part's front matter — recommended parts its author leaves out on purpose,
// each with the reason, so `check` stops warning about them (as a linter's disable comment
// does, but with the reason kept beside it):
//
//   ---
//   fråga: 7
//   undantag:
//     exempel: Frågan besvaras med hur engagemanget tas tillvara i vardagen.
//   ---
//
// Only recommendations can be waived: a waived required part is an error, and a waiver with
// nothing to waive (not recommended here, or the part is there) is a warning, so stale ones
// do not pile up.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "model/blocks.h"
#include "model/structure.h"
#include "validate/map_reader.h"

namespace kv {

struct Waiver {
  std::string part;    // a container or data-block name, e.g. "exempel"
  std::string reason;  // the author's words
  SourcePos at;        // of the part name
};

inline const char* kWaiverKey = "undantag";

// Reads undantag: from a front matter already opened with kWaiverKey among its keys.
std::vector<Waiver> read_waivers(const MapReader& front_matter, const std::vector<std::string>& part_names, Diagnostics& diagnostics);

// Checks the waivers against what the part must and should contain and what its answer has;
// returns the parts whose recommendation is waived, with the reason.
std::map<std::string, std::string> check_waivers(const std::vector<Waiver>& waivers, const model::QuestionSpec& spec,
                                    const std::vector<model::Block>& blocks, Diagnostics& diagnostics);

}  // namespace kv
