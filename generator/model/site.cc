#include "model/site.h"

namespace kv::model {

std::string Submission::url_path() const {
  return std::to_string(year) + "/" + unit.slug + "/" + kind_slug;
}

}  // namespace kv::model
