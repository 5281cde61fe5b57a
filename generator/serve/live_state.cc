#include "serve/live_state.h"

namespace kv::serve {

std::shared_ptr<const Snapshot> LiveState::current() const {
  std::lock_guard lock(mutex_);
  return current_;
}

void LiveState::publish(Snapshot s) {
  {
    std::lock_guard lock(mutex_);
    s.generation = current_->generation + 1;
    current_ = std::make_shared<const Snapshot>(std::move(s));
  }
  changed_.notify_all();
}

std::optional<std::uint64_t> LiveState::wait_newer(std::uint64_t seen, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return stopped_ || current_->generation > seen; });
  if (stopped_) return std::nullopt;
  return current_->generation;
}

void LiveState::stop() {
  {
    std::lock_guard lock(mutex_);
    stopped_ = true;
  }
  changed_.notify_all();
}

}  // namespace kv::serve
