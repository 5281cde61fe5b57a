// `kvalitet serve`: shows the site on http://127.0.0.1:PORT/ while the author edits it,
// until Ctrl-C (SIGINT), SIGTERM or SIGHUP.
#pragma once
#include <ostream>

#include "serve/session.h"

namespace kv::serve {

// Returns the exit status: 0 after Ctrl-C, 1 when serving could not start.
// context is the run's (its language for what serve says itself); each rebuild makes its own
// from options, as site.yaml may have changed.
int run_serve(const CommandContext& context, const ServeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace kv::serve
