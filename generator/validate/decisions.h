// Reading the jury's decisions: every file under content/_beslut/ is <år>/<slag>.yaml, one
// edition's decision (model/decision.h), or reported. A decision names only units with a
// submitted document of that edition; every problem is reported with its line, all in one run.
#pragma once
#include <filesystem>

#include "diag/diagnostics.h"
#include "model/site.h"

namespace kv {

// Reads the decisions into site.decisions; site.submissions and site.drafts_left_out must be
// read (validate/site.h). A decision with errors is left out.
void read_decisions(const std::filesystem::path& content_root, model::Site& site, Diagnostics& diagnostics);

}  // namespace kv
