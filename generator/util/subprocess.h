// Running a helper program (WeasyPrint's Python) as a subprocess: no shell, a time limit,
// and its output read line by line with bounded memory.
#pragma once
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kv {

// The full path of the first program called name on PATH, or nullopt.
std::optional<std::filesystem::path> find_program(const std::string& name);

// Every program called name on PATH, in PATH's order.
std::vector<std::filesystem::path> find_programs(const std::string& name);

struct ProcessResult {
  bool started = false;    // false when the program could not be run at all
  bool timed_out = false;  // stopped (SIGKILL) after the time limit
  int exit_status = -1;    // the exit code; -1 when it did not exit normally
};

// A line longer than this is passed on cut to this length (the rest up to the newline is dropped).
inline constexpr size_t kMaxOutputLine = 64 * 1024;

// Runs args[0] (a full path) with args. Its environment is ours with extra_env ("NAME=value")
// replacing variables of the same name; stdin is /dev/null. Each line of its stdout and
// stderr (together) is passed to on_line without the newline. When it runs longer than
// limit it is killed, and run_process returns once it is gone.
ProcessResult run_process(const std::vector<std::string>& args, const std::vector<std::string>& extra_env,
                          std::chrono::milliseconds limit, const std::function<void(std::string_view)>& on_line);

}  // namespace kv
