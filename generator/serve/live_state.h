// What `kvalitet serve` currently shows, shared between the rebuild thread (which publishes
// each finished build) and the server's threads (which read it, and wait on it to tell open
// tabs to reload). Every build, good or bad, is a new generation.
#pragma once
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "diag/diagnostic.h"
#include "i18n/lang.h"
#include "pipeline/page_readability.h"

namespace kv::serve {

struct Snapshot {
  std::uint64_t generation = 0;
  bool ok = false;        // the last build succeeded: the site folder holds it
  Lang lang = Lang::kSv;  // the site's language, for serve's own pages
  std::vector<Diagnostic> diags;  // errors first when the build failed
  std::map<std::string, PageReadability> readability;  // by site-relative page path
  int lix_limit = 0;                                     // site.yaml's lix_gräns; 0: none
};

class LiveState {
 public:
  // The build shown now; never null (generation 0 before the first build).
  std::shared_ptr<const Snapshot> current() const;

  // Makes s the current build with the next generation number and wakes every waiter.
  void publish(Snapshot s);

  // Waits until a generation newer than seen is published (returns it), until timeout
  // (returns seen), or until stop() (returns nullopt).
  std::optional<std::uint64_t> wait_newer(std::uint64_t seen, std::chrono::milliseconds timeout) const;

  // Wakes every waiter for good: the server is shutting down.
  void stop();

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::shared_ptr<const Snapshot> current_ = std::make_shared<const Snapshot>();
  bool stopped_ = false;
};

}  // namespace kv::serve
