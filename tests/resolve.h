// Checks that a link on a built page leads somewhere, as a browser on file:// would follow it.
#pragma once
#include <catch2/catch.hpp>

#include "support.h"

namespace kvtest {

// Follows href from the page at `page` (relative to the output folder): the file must
// exist, and a #fragment must be an id in it.
inline void check_resolves(const fs::path& out, const std::string& page, const std::string& href) {
  INFO(page << " → " << href);
  REQUIRE_FALSE(href.empty());
  const size_t hash = href.find('#');
  const std::string path = href.substr(0, hash), fragment = hash == std::string::npos ? "" : href.substr(hash + 1);
  const fs::path file = path.empty() ? out / page : ((out / page).parent_path() / path).lexically_normal();
  REQUIRE(fs::is_regular_file(file));
  if (!fragment.empty()) CHECK(read(file).find("id=\"" + fragment + "\"") != std::string::npos);
}

}  // namespace kvtest
