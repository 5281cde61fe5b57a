#include "model/site.h"

#include <cstdio>

namespace kv::model {

std::string Submission::url_path() const {
  return std::to_string(year) + "/" + unit.slug + "/" + kind_slug;
}

std::string question_slug(int number) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "fraga-%02d", number);
  return buffer;
}

}  // namespace kv::model
