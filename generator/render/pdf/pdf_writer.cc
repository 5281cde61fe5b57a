#include "render/pdf/pdf_writer.h"

#include "render/html/page_frame.h"
#include "render/html/urls.h"

#include <deque>
#include <fstream>
#include <set>

#include "render/pdf/pdf_reuse.h"
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

// The first python3 on PATH that can import WeasyPrint, and WeasyPrint's version: PATH may
// start with another Python (pyenv, a virtualenv) that lacks Debian's package. -I: no user
// site, no PYTHON* variables, no current folder on sys.path, so a weasyprint.py lying around
// cannot stand in for it.
struct WeasyPrint {
  fs::path python;
  std::string version;
};
std::optional<WeasyPrint> find_weasyprint() {
  for (const auto& python : find_programs("python3")) {
    std::string version;
    auto r = run_process({python.string(), "-I", "-c", "import weasyprint; print(weasyprint.__version__)"}, {},
                         std::chrono::seconds(60), [&](std::string_view line) { version = trim(line); });
    if (r.started && !r.timed_out && r.exit_status == 0) return WeasyPrint{python, version};
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

// WeasyPrint's last words, with the staging folder left out: it is gone when the user reads
// them, and the message names the document already.
std::string joined(const std::deque<std::string>& lines, const fs::path& staging) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : " | ") + l;
  for (const std::string& folder : {staging.string() + "/", staging.string()})
    for (size_t at; !folder.empty() && (at = out.find(folder)) != std::string::npos;) out.erase(at, folder.size());
  return out;
}

// "120 s", or "5 ms" for limits below a second (tests).
std::string duration_text(std::chrono::milliseconds d) {
  if (d.count() % 1000 == 0) return std::to_string(d.count() / 1000) + " s";
  return std::to_string(d.count()) + " ms";
}

// Turns one document's run into diagnostics; returns its page count when the PDF is good.
std::optional<int> report_run(const PdfJob& job, const PdfRun& run, const fs::path& staging,
                              std::chrono::milliseconds time_limit, Diagnostics& diagnostics) {
  // The author's folder: the staging folder is gone when the message is read.
  const SourcePos pos{job.source.empty() ? job.page : job.source, 0, 0};
  for (const auto& url : run.refused)
    diagnostics.warning(pos, diagnostics.t(Msg::kPdfFetchRefused, {job.pdf, terminal_text(url)}),
                   diagnostics.t(Msg::kPdfFetchRefusedHint));
  const fs::path pdf = staging / job.pdf;
  std::error_code ec;
  if (run.process.timed_out) {
    fs::remove(pdf, ec);  // possibly half written
    diagnostics.error(pos, diagnostics.t(Msg::kPdfTimedOut, {job.pdf, duration_text(time_limit)}),
                 diagnostics.t(Msg::kPdfProblemHint));
    return std::nullopt;
  }
  if (!run.process.started || run.process.exit_status != 0 || !fs::exists(pdf, ec)) {
    diagnostics.error(pos, diagnostics.t(Msg::kPdfFailed, {job.pdf, terminal_text(joined(run.last_lines, staging))}),
                 diagnostics.t(Msg::kPdfProblemHint));
    return std::nullopt;
  }
  auto pages = pdf_page_count(pdf);
  if (job.max_pages > 0 && pages && *pages > job.max_pages) {
    diagnostics.error(pos, diagnostics.t(Msg::kPdfTooLong, {job.pdf, std::to_string(*pages), std::to_string(job.max_pages)}),
                 diagnostics.t(Msg::kPdfTooLongHint));
    return std::nullopt;
  }
  return pages.value_or(0);
}

// What the progress line says of a finished job: "Verksamhetsberättelse 2024, Hägersten-Älvsjö
// hemtjänst: 10 sidor", cut short so that the line fits a terminal's row ('\r' redraws one).
std::string progress_note(const PdfJob& job, const PdfRun& run, const fs::path& staging, Lang lang) {
  constexpr size_t kMaxTitle = 60;
  const std::string& title = job.title.empty() ? job.pdf : job.title;
  std::string note = utf8_length(title) > kMaxTitle ? utf8_prefix(title, kMaxTitle - 1) + "\xE2\x80\xA6" : title;
  const bool made = run.process.started && !run.process.timed_out && run.process.exit_status == 0;
  const auto pages = made ? pdf_page_count(staging / job.pdf) : std::nullopt;
  if (pages) note += ": " + std::to_string(*pages) + " " + text(lang, *pages == 1 ? Msg::kPageOne : Msg::kPageMany);
  return terminal_text(note);
}

}  // namespace

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

PdfOutcome write_pdf_files(const std::vector<PdfJob>& jobs, const fs::path& staging, const std::string& variant,
                           unsigned threads, std::chrono::milliseconds time_limit, Diagnostics& diagnostics, Progress* progress,
                           const fs::path& previous) {
  auto weasyprint = find_weasyprint();
  if (!weasyprint) {
    diagnostics.error({"weasyprint", 0, 0}, diagnostics.t(Msg::kPdfToolMissing), diagnostics.t(Msg::kPdfToolMissingHint));
    return {false, {}, {}};
  }
  const PdfReuse reuse(staging, previous, variant + " " + weasyprint->version);
  std::vector<PdfRun> runs(jobs.size());  // one slot per document: the report keeps the jobs' order
  parallel_for(jobs.size(), threads, [&](size_t i) {
    if (reuse.take(jobs[i])) {
      runs[i].process = {true, false, 0};  // the previous build's PDF, made from the same files
    } else {
      runs[i] = run_weasyprint(weasyprint->python, jobs[i], staging, variant, time_limit);
    }
    if (progress) progress->step(progress_note(jobs[i], runs[i], staging, diagnostics.lang));
  });
  reuse.record();
  PdfOutcome outcome;
  for (size_t i = 0; i < jobs.size(); ++i) {
    auto pages = report_run(jobs[i], runs[i], staging, time_limit, diagnostics);
    outcome.ok = outcome.ok && pages.has_value();
    outcome.page_counts.push_back(pages.value_or(0));
    outcome.titles.push_back(jobs[i].title.empty() ? jobs[i].pdf : jobs[i].title);
  }
  return outcome;
}

PdfOutcome write_pdfs(const model::Site& site, const fs::path& out, const std::string& variant, unsigned threads,
                      Diagnostics& diagnostics, std::ostream* progress_out, const fs::path& previous) {
  std::vector<PdfJob> jobs;
  for (const auto& s : site.submissions)
    if (!site.frozen(s.year))  // a frozen year's PDFs are its package's
      jobs.push_back({print_page_path(s), pdf_path(s), static_cast<long long>(start_of_year(s.year)),
                      s.structure->max_pages, s.source_folder, document_title(s) + ", " + s.unit.name});
  // The feedback reports, in a site built by `kvalitet bedomning`.
  for (const auto& r : site.reviews)
    for (const auto& s : site.submissions)
      if (s.kind_slug == r.kind_slug && s.year == r.year)
        jobs.push_back({feedback_path(r.kind_slug, r.year, s.unit.slug), feedback_pdf_path(r.kind_slug, r.year, s.unit.slug),
                        static_cast<long long>(start_of_year(r.year)), 0, s.source_folder,
                        feedback_pdf_path(r.kind_slug, r.year, s.unit.slug)});
  const Lang lang = diagnostics.lang;
  Progress progress(
      progress_out,
      [lang](size_t done, size_t total, const std::string& last) {
        return last.empty() ? text(lang, Msg::kPdfProgress, {std::to_string(done), std::to_string(total)})
                            : text(lang, Msg::kPdfProgressNamed, {std::to_string(done), std::to_string(total), last});
      },
      jobs.size());
  return write_pdf_files(jobs, out, variant, threads, kPdfTimeLimit, diagnostics, &progress, previous);
}

}  // namespace kv
