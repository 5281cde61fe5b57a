// `kvalitet arkiv <år>`: builds the site as `build` (or `pdf`) does, then writes the year's
// archive package from it (archive/year_archive.h).
#pragma once
#include <iosfwd>
#include <string>

#include "pipeline/pipeline.h"

namespace kv {

struct ArchiveCommand {
  BuildOptions build;          // the site is built into build.output_dir first
  int year = 0;
  std::string base;            // --adress; "" for site.yaml's adress:
  std::string dir = "arkiv";   // the package goes to <dir>/kvalitet-<år>
};

int run_archive(const CommandContext& context, const ArchiveCommand& command, std::ostream& out, std::ostream& err);

}  // namespace kv
