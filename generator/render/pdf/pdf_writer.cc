#include "render/pdf/pdf_writer.h"

#include <deque>
#include <fstream>
#include <set>

#include "render/pdf/weasyprint_script.h"
#include "render/print/print_page.h"
#include "util/escape.h"
#include "util/parallel.h"
#include "util/subprocess.h"
#include "util/text.h"
#include "util/time.h"

namespace kv {
namespace {

namespace fs = std::filesystem;

// At most this many distinct refused URLs are kept per document; a page naming more is
// hostile anyway, and the warnings must not grow without bound.
constexpr size_t kMaxRefusedUrls = 1000;

// What came back from WeasyPrint for one document.
struct PdfRun {
  ProcessResult process;
  std::deque<std::string> last_lines;  // the last non-empty lines: enough to say what went wrong
  std::set<std::string> refused;       // URLs the fetcher refused, as the program printed them
};

// The first python3 on PATH that can import WeasyPrint: PATH may start with another Python
// (pyenv, a virtualenv) that lacks Debian's package. -I: no user site, no PYTHON* variables,
// no current folder on sys.path, so a weasyprint.py lying around cannot stand in for it.
std::optional<fs::path> find_weasyprint_python() {
  for (const auto& python : find_programs("python3")) {
    auto r = run_process({python.string(), "-I", "-c", "import weasyprint"}, {}, std::chrono::seconds(60),
                         [](std::string_view) {});
    if (r.started && !r.timed_out && r.exit_status == 0) return python;
  }
  return std::nullopt;
}

PdfRun run_weasyprint(const fs::path& python, const PdfJob& job, const fs::path& staging, const std::string& variant,
                      std::chrono::milliseconds time_limit) {
  PdfRun run;
  const fs::path page = staging / job.page;
  // Reproducible PDFs: a fixed identifier (the document's path) instead of a random one, and
  // SOURCE_DATE_EPOCH for the embedded fonts' timestamps.
  std::vector<std::string> args = {python.string(), "-I", "-c", std::string(kWeasyPrintScript),
                                   staging.string(), page.string(), page.parent_path().string() + "/",
                                   (staging / job.pdf).string(), variant, job.pdf};
  run.process = run_process(args, {"SOURCE_DATE_EPOCH=" + std::to_string(job.date_epoch)}, time_limit,
                            [&](std::string_view line) {
                              if (starts_with(line, kRefusedUrlMarker)) {
                                if (run.refused.size() < kMaxRefusedUrls)
                                  run.refused.emplace(line.substr(kRefusedUrlMarker.size()));
                              } else if (!trim(line).empty()) {
                                run.last_lines.emplace_back(trim(line));
                                if (run.last_lines.size() > 3) run.last_lines.pop_front();
                              }
                            });
  return run;
}

std::string joined(const std::deque<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : " | ") + l;
  return out;
}

// "120 s", or "5 ms" for limits below a second (tests).
std::string duration_text(std::chrono::milliseconds d) {
  if (d.count() % 1000 == 0) return std::to_string(d.count() / 1000) + " s";
  return std::to_string(d.count()) + " ms";
}

// Turns one document's run into diagnostics; true when its PDF is good.
bool report_run(const PdfJob& job, const PdfRun& run, const fs::path& staging, std::chrono::milliseconds time_limit,
                Report& report) {
  const SourcePos pos{job.page, 0, 0};  // site-relative: the staging folder means nothing to the user
  for (const auto& url : run.refused)
    report.warning(pos, report.t(Msg::kPdfFetchRefused, {job.pdf, terminal_text(url)}),
                   report.t(Msg::kPdfFetchRefusedHint));
  const fs::path pdf = staging / job.pdf;
  std::error_code ec;
  if (run.process.timed_out) {
    fs::remove(pdf, ec);  // possibly half written
    report.error(pos, report.t(Msg::kPdfTimedOut, {job.pdf, duration_text(time_limit)}),
                 report.t(Msg::kPdfProblemHint));
    return false;
  }
  if (!run.process.started || run.process.exit_status != 0 || !fs::exists(pdf, ec)) {
    report.error(pos, report.t(Msg::kPdfFailed, {job.pdf, terminal_text(joined(run.last_lines))}),
                 report.t(Msg::kPdfProblemHint));
    return false;
  }
  if (job.max_pages > 0) {
    auto pages = pdf_page_count(pdf);
    if (pages && *pages > job.max_pages) {
      report.error(pos, report.t(Msg::kPdfTooLong, {job.pdf, std::to_string(*pages), std::to_string(job.max_pages)}),
                   report.t(Msg::kPdfProblemHint));
      return false;
    }
  }
  return true;
}

}  // namespace

std::string pdf_path(const model::Submission& s) {
  return s.url_path() + "/" + s.unit.slug + "-" + s.kind_slug + "-" + std::to_string(s.year) + ".pdf";
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

bool write_pdf_files(const std::vector<PdfJob>& jobs, const fs::path& staging, const std::string& variant,
                     unsigned threads, std::chrono::milliseconds time_limit, Report& report) {
  auto python = find_weasyprint_python();
  if (!python) {
    report.error({"weasyprint", 0, 0}, report.t(Msg::kPdfToolMissing), report.t(Msg::kPdfToolMissingHint));
    return false;
  }
  std::vector<PdfRun> runs(jobs.size());  // one slot per document: the report keeps the jobs' order
  parallel_for(jobs.size(), threads,
               [&](size_t i) { runs[i] = run_weasyprint(*python, jobs[i], staging, variant, time_limit); });
  bool ok = true;
  for (size_t i = 0; i < jobs.size(); ++i) ok = report_run(jobs[i], runs[i], staging, time_limit, report) && ok;
  return ok;
}

bool write_pdfs(const model::Site& site, const fs::path& out, const std::string& variant, unsigned threads,
                Report& report) {
  std::vector<PdfJob> jobs;
  for (const auto& s : site.submissions)
    jobs.push_back({print_page_path(s), pdf_path(s), static_cast<long long>(start_of_year(s.year)),
                    s.structure->max_pages});
  return write_pdf_files(jobs, out, variant, threads, kPdfTimeLimit, report);
}

}  // namespace kv
