#include "write/output_place.h"

#include <algorithm>

namespace kv {

namespace fs = std::filesystem;

namespace {

// weakly_canonical resolves the existing prefix and normalises the rest lexically.
fs::path real_path(const fs::path& p) {
  std::error_code ec;
  fs::path resolved = fs::weakly_canonical(fs::absolute(p), ec);
  if (ec) resolved = fs::absolute(p).lexically_normal();
  if (resolved.filename().empty()) resolved = resolved.parent_path();
  return resolved;
}

}  // namespace

bool path_within(const fs::path& inner, const fs::path& outer) {
  const fs::path in = real_path(inner), out = real_path(outer);
  auto [i, o] = std::mismatch(in.begin(), in.end(), out.begin(), out.end());
  return o == out.end();
}

bool check_output_place(const fs::path& out, const fs::path& content, Diagnostics& diagnostics) {
  const std::string display = out.generic_string();
  if (path_within(out, content)) {
    diagnostics.error({display, 0, 0}, diagnostics.t(Msg::kOutputInsideContent, {content.generic_string()}),
                 diagnostics.t(Msg::kOutputPlaceHint));
    return false;
  }
  if (path_within(content, out)) {
    diagnostics.error({display, 0, 0}, diagnostics.t(Msg::kOutputAroundContent, {content.generic_string()}),
                 diagnostics.t(Msg::kOutputPlaceHint));
    return false;
  }
  return true;
}

}  // namespace kv
