// The addresses `kvalitet serve` answers: the built site (with the reload script in every
// page, or the error list while the content has errors), the event stream that tells open
// tabs to reload, and the source view. Requests whose Host is not this machine's loopback
// name are refused, so a web page elsewhere cannot read the content through DNS rebinding.
#pragma once
#include <filesystem>

#include "serve/live_state.h"
#include "serve/source_view.h"

namespace httplib {
class Server;
}

namespace kv::serve {

struct RouteContext {
  const LiveState* state;
  std::filesystem::path site;  // the private build folder
  const SourceRoots* roots;
};

// Installs the handlers; ctx and what it points to must outlive the server.
void install_routes(httplib::Server& server, const RouteContext& ctx);

}  // namespace kv::serve
