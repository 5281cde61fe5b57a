// "PDF 3 av 12" on one terminal line, redrawn in place while parallel work runs, so a step
// that takes minutes is not silent. Writes nothing when not given a stream (not a terminal,
// --quiet, or a test): a log file must not fill with carriage returns.
#pragma once
#include <functional>
#include <mutex>
#include <ostream>
#include <string>

namespace kv {

class Progress {
 public:
  // label(done, total, last) is the line to show, e.g. "PDF: 3 av 12 klara — senast …";
  // last is what the latest step() named ("" before the first, or when it named nothing).
  using Label = std::function<std::string(size_t done, size_t total, const std::string& last)>;
  Progress(std::ostream* out, Label label, size_t total);
  ~Progress();  // clears the line
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void step(std::string what = "");  // one more done, named; safe from any thread

 private:
  void draw();  // with mutex_ held

  std::ostream* out_;
  Label label_;
  size_t total_, done_ = 0;
  std::string last_;
  size_t width_ = 0;  // of the last line drawn, to clear it
  std::mutex mutex_;
};

}  // namespace kv
