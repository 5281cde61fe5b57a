#include "util/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <sstream>
#include <thread>

extern char** environ;

namespace kv {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Our environment with extra's variables replaced: a duplicate name would be ambiguous (glibc
// takes the first, Python the last).
std::vector<std::string> environment_with(const std::vector<std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    std::string_view entry(*e);
    bool replaced = false;
    for (const auto& x : extra)
      replaced = replaced || entry.substr(0, entry.find('=') + 1) == x.substr(0, x.find('=') + 1);
    if (!replaced) env.emplace_back(entry);
  }
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Splits a byte stream into lines of at most kMaxOutputLine bytes.
class LineSplitter {
 public:
  explicit LineSplitter(const std::function<void(std::string_view)>& on_line) : on_line_(on_line) {}
  void add(std::string_view bytes) {
    for (char c : bytes) {
      if (c == '\n') {
        if (!skipping_) on_line_(line_);
        line_.clear();
        skipping_ = false;
      } else if (!skipping_) {
        line_ += c;
        if (line_.size() == kMaxOutputLine) {
          on_line_(line_);
          line_.clear();
          skipping_ = true;
        }
      }
    }
  }
  void finish() {
    if (!line_.empty()) on_line_(line_);
    line_.clear();
  }

 private:
  const std::function<void(std::string_view)>& on_line_;
  std::string line_;
  bool skipping_ = false;
};

int remaining_ms(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left, 0, 1000));
}

// Reads the pipe until it closes or the deadline passes; true when it closed in time.
bool read_until_closed(int fd, Clock::time_point deadline, LineSplitter& lines) {
  char buffer[8192];
  while (Clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    int ready = poll(&p, 1, remaining_ms(deadline));
    if (ready < 0 && errno != EINTR) return false;
    if (ready <= 0) continue;
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return true;
    lines.add(std::string_view(buffer, static_cast<size_t>(n)));
  }
  return false;
}

// Waits for the process to end until the deadline; true when it ended (status is set).
bool wait_until(pid_t pid, Clock::time_point deadline, int& status) {
  for (;;) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid || (done < 0 && errno != EINTR)) return true;
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

}  // namespace

std::vector<fs::path> find_programs(const std::string& name) {
  std::vector<fs::path> found;
  const char* path = std::getenv("PATH");
  if (!path) return found;
  std::istringstream dirs(path);
  for (std::string dir; std::getline(dirs, dir, ':');) {
    fs::path candidate = fs::path(dir.empty() ? "." : dir) / name;
    if (access(candidate.c_str(), X_OK) == 0) found.push_back(candidate);
  }
  return found;
}

std::optional<fs::path> find_program(const std::string& name) {
  auto found = find_programs(name);
  if (found.empty()) return std::nullopt;
  return found.front();
}

ProcessResult run_process(const std::vector<std::string>& args, const std::vector<std::string>& extra_env,
                          std::chrono::milliseconds limit, const std::function<void(std::string_view)>& on_line) {
  ProcessResult result;
  const auto deadline = Clock::now() + limit;
  // Close-on-exec, so that a program started by another thread at the same time does not
  // inherit this pipe and keep it open after ours has ended.
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) return result;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 2);
  std::vector<std::string> argv_strings = args, env_strings = environment_with(extra_env);
  auto argv = c_strings(argv_strings), env = c_strings(env_strings);
  pid_t pid;
  int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (spawned != 0) {
    close(pipe_fds[0]);
    return result;
  }
  result.started = true;
  LineSplitter lines(on_line);
  int status = -1;  // "did not exit normally" until waitpid says otherwise
  bool ended = read_until_closed(pipe_fds[0], deadline, lines) && wait_until(pid, deadline, status);
  close(pipe_fds[0]);
  lines.finish();
  if (!ended) {
    kill(pid, SIGKILL);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.timed_out = true;
    return result;
  }
  result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace kv
