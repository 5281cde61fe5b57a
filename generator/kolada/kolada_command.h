// `kvalitet kolada`: the indikator blocks that name a Kolada KPI (kolada: U21468) compared
// with Kolada's published values for the unit (enhet.yaml kolada:) and year. A value the
// author left out is filled in, and listed in the block's kolada_fyllt: so the site can say
// where it came from; a value the author wrote is never changed — a different one in Kolada
// is a warning quoting both. The values come from saved Kolada answers (--data) or from
// Kolada itself (--hamta).
#pragma once
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

#include "i18n/lang.h"
#include "pipeline/command_context.h"

namespace kv {

// What `kolada` takes besides the options every command takes (pipeline/command_context.h).
struct KoladaOptions {
  std::string data_dir;                 // saved answers (*.json); "" with fetch
  bool fetch = false;                   // ask Kolada
  std::string api = "https://api.kolada.se/v2";
  int timeout_s = 20;
  bool dry_run = false;                 // show what would be filled in, write nothing
};

int run_kolada(const CommandContext& context, const KoladaOptions& options, std::ostream& out, std::ostream& err);

}  // namespace kv
