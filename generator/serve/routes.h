// The addresses `kvalitet serve` answers: the built site (with the reload script in every
// page and, while the content has errors, a banner linking to their list; a page of a
// document left out for its errors shows that document's errors, and every page the whole
// list when nothing could be built), the list of every problem, the event stream that tells
// open tabs to reload, and the source view. Requests whose Host is not this machine's loopback
// name are refused, so a web page elsewhere cannot read the content through DNS rebinding.
#pragma once
#include <filesystem>

#include "serve/http_request.h"
#include "serve/http_response.h"
#include "serve/live_state.h"
#include "serve/source_view.h"

namespace kv::serve {

struct RouteContext {
  const LiveState* state;
  std::filesystem::path site;  // the private build folder
  const SourceRoots* roots;
};

// The answer to a request (run by the server's workers). The event stream's answer only
// names the generation the tab shows; the server keeps the stream (http_server.h).
Response answer(const RouteContext& ctx, const Request& req);

// The server's own refusals (400, 405, 408, 431, 503, 505): a line of text in the site's language.
Response refusal(const RouteContext& ctx, int status);

}  // namespace kv::serve
