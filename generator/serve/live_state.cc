#include "serve/live_state.h"

namespace kv::serve {

std::shared_ptr<const Snapshot> LiveState::current() const {
  std::lock_guard lock(mutex_);
  return current_;
}

void LiveState::publish(Snapshot s) {
  std::lock_guard lock(mutex_);
  s.generation = current_->generation + 1;
  current_ = std::make_shared<const Snapshot>(std::move(s));
}

}  // namespace kv::serve
