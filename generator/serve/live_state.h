// What `kvalitet serve` currently shows, shared between the rebuild thread (which publishes
// each finished build, then tells the server so that open tabs reload) and the server's
// threads (which read it). Every build, good or bad, is a new generation.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "diag/diagnostic.h"
#include "i18n/lang.h"
#include "pipeline/page_readability.h"
#include "pipeline/preview_build.h"

namespace kv::serve {

struct Snapshot {
  std::uint64_t generation = 0;
  // The site folder holds the last build; documents with errors may be left out of it
  // (pipeline/preview_build.h). false: nothing could be built, every page shows the errors.
  bool ok = false;
  Lang lang = Lang::kSv;  // the site's language, for serve's own pages
  std::vector<Diagnostic> diags;  // every diagnostic of the last build
  int errors = 0;                 // how many of diags are errors
  std::filesystem::path content_root;       // the folder diags' paths lie in
  std::vector<PreviewProblemPlace> places;  // the units and documents with errors
  std::map<std::string, PageReadability> readability;  // by site-relative page path
  int lix_limit = 0;                                     // site.yaml's lix_gräns; 0: none
};

class LiveState {
 public:
  // The build shown now; never null (generation 0 before the first build).
  std::shared_ptr<const Snapshot> current() const;

  // Makes s the current build with the next generation number.
  void publish(Snapshot s);

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const Snapshot> current_ = std::make_shared<const Snapshot>();
};

}  // namespace kv::serve
