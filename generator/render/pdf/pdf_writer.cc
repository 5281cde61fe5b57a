#include "render/pdf/pdf_writer.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>

#include "render/print/print_page.h"
#include "util/parallel.h"
#include "util/text.h"
#include "util/time.h"

extern char** environ;

namespace kv {
namespace {

namespace fs = std::filesystem;

struct RunResult {
  int status = -1;
  std::string output;  // stdout and stderr together
};

// Runs argv[0] with arguments, capturing its output; no shell is involved, so paths with
// spaces or quotes are passed as they are.
RunResult run(const std::vector<std::string>& args, const std::string& extra_env) {
  RunResult result;
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return result;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 2);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> env;
  for (char** e = environ; *e; ++e) env.push_back(*e);
  env.push_back(const_cast<char*>(extra_env.c_str()));
  env.push_back(nullptr);
  pid_t pid;
  int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  char buffer[4096];
  for (ssize_t n; (n = read(pipe_fds[0], buffer, sizeof buffer)) > 0;) result.output.append(buffer, n);
  close(pipe_fds[0]);
  if (spawned != 0) return result;
  int status = 0;
  waitpid(pid, &status, 0);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// The last lines of a tool's output: enough to say what went wrong, not a wall of text.
std::string tail(const std::string& output) {
  auto lines = split_lines(output);
  std::string out;
  for (size_t i = lines.size() > 3 ? lines.size() - 3 : 0; i < lines.size(); ++i)
    if (!trim(lines[i]).empty()) out += (out.empty() ? "" : " | ") + std::string(trim(lines[i]));
  return out;
}

}  // namespace

std::string pdf_path(const model::Submission& s) {
  return s.url_path() + "/" + s.unit.slug + "-" + s.kind_slug + "-" + std::to_string(s.year) + ".pdf";
}

std::optional<fs::path> find_program(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (!path) return std::nullopt;
  std::istringstream dirs(path);
  for (std::string dir; std::getline(dirs, dir, ':');) {
    fs::path candidate = fs::path(dir.empty() ? "." : dir) / name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

std::optional<int> pdf_page_count(const fs::path& pdf) {
  std::ifstream in(pdf, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  size_t root = bytes.find("/Type /Pages");
  if (root == std::string::npos) return std::nullopt;
  size_t end = bytes.find("endobj", root), count = bytes.find("/Count ", root);
  if (count == std::string::npos || count > end) return std::nullopt;
  auto n = parse_integer(bytes.substr(count + 7, bytes.find_first_not_of("0123456789", count + 7) - count - 7));
  if (!n) return std::nullopt;
  return static_cast<int>(*n);
}

bool write_pdfs(const model::Site& site, const fs::path& out, const std::string& variant, unsigned threads,
                Report& report) {
  auto weasyprint = find_program("weasyprint");
  if (!weasyprint) {
    report.error({"weasyprint", 0, 0}, report.t(Msg::kPdfToolMissing), report.t(Msg::kPdfToolMissingHint));
    return false;
  }
  std::mutex lock;
  std::set<std::string> problems;  // ordered: the report does not depend on scheduling
  parallel_for(site.submissions.size(), threads, [&](size_t i) {
    const auto& s = site.submissions[i];
    fs::path pdf = out / pdf_path(s);
    // Reproducible PDFs: a fixed identifier (the document's path) instead of a random one, and
    // SOURCE_DATE_EPOCH (1 January of the year) for the embedded fonts' timestamps.
    auto result = run({weasyprint->string(), "--pdf-variant", variant, "--pdf-identifier", pdf_path(s), "--base-url",
                       (out / s.url_path()).string() + "/", (out / print_page_path(s)).string(), pdf.string()},
                      "SOURCE_DATE_EPOCH=" + std::to_string(start_of_year(s.year)));
    std::string problem;
    if (result.status != 0 || !fs::exists(pdf)) {
      problem = report.t(Msg::kPdfFailed, {pdf_path(s), tail(result.output)});
    } else if (int limit = s.structure->max_pages; limit > 0) {
      auto pages = pdf_page_count(pdf);
      if (pages && *pages > limit)
        problem = report.t(Msg::kPdfTooLong, {pdf_path(s), std::to_string(*pages), std::to_string(limit)});
    }
    if (problem.empty()) return;
    std::lock_guard guard(lock);
    problems.insert(problem);
  });
  for (const auto& p : problems) report.error({out.generic_string(), 0, 0}, p, report.t(Msg::kPdfProblemHint));
  return problems.empty();
}

}  // namespace kv
