#include "util/progress.h"

#include "util/text.h"

namespace kv {

Progress::Progress(std::ostream* out, Label label, size_t total)
    : out_(out), label_(std::move(label)), total_(total) {
  std::lock_guard<std::mutex> lock(mutex_);
  draw();
}

Progress::~Progress() {
  if (!out_ || width_ == 0) return;
  *out_ << '\r' << std::string(width_, ' ') << '\r' << std::flush;
}

void Progress::step(std::string what) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++done_;
  last_ = std::move(what);
  draw();
}

void Progress::draw() {
  if (!out_ || total_ == 0) return;
  const std::string line = label_(done_, total_, last_);
  *out_ << '\r' << line << std::flush;
  width_ = std::max(width_, utf8_length(line));
}

}  // namespace kv
