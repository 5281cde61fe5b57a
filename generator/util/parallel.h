// Runs fn(i) for i in [0, n) on up to `threads` threads. Results must be written to
// per-index slots by fn, so the outcome does not depend on scheduling.
// An exception thrown by fn stops the handing out of further indices (running calls
// finish) and the first one is rethrown in the caller, as if the loop had been serial:
// one escaping a std::thread would call std::terminate.
#pragma once
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace kv {

template <typename Fn>
void parallel_for(size_t n, unsigned threads, Fn fn) {
  if (threads <= 1 || n <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::mutex lock;
  std::exception_ptr first;
  std::vector<std::thread> pool;
  const unsigned count = static_cast<unsigned>(std::min<size_t>(threads, n));
  for (unsigned t = 0; t < count; ++t)
    pool.emplace_back([&] {
      for (size_t i; (i = next.fetch_add(1)) < n;) {
        try {
          fn(i);
        } catch (...) {
          std::lock_guard guard(lock);
          if (!first) first = std::current_exception();
          next.store(n);  // no further work
        }
      }
    });
  for (auto& thread : pool) thread.join();
  if (first) std::rethrow_exception(first);
}

}  // namespace kv
