// PDFs of the print pages, made by WeasyPrint (the Debian package `weasyprint`) through its
// Python API, one subprocess per submission, in parallel. WeasyPrint may read only the files
// of the staged site (see weasyprint_script.h) and gets a time limit per document. Checks
// the page limit a structure sets.
#pragma once
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "model/site.h"
#include "util/progress.h"

namespace kv {

// How long WeasyPrint may work on one document before it is stopped: a page that makes it
// loop or grow without end must not hang the build. The largest example takes a few seconds.
inline constexpr std::chrono::milliseconds kPdfTimeLimit = std::chrono::seconds(120);

// A document's PDF lies at pdf_path (render/html/urls.h).

// The page count of a PDF written by WeasyPrint (its page tree's /Count), or nullopt.
std::optional<int> pdf_page_count(const std::filesystem::path& pdf);

// One document for WeasyPrint; paths are relative to the staging folder.
struct PdfJob {
  std::string page;           // the print page, e.g. "2018/enhet/kvalitetsutmarkelsen/utskrift.html"
  std::string pdf;            // the PDF to write (see pdf_path); also its identifier
  long long date_epoch = 0;   // SOURCE_DATE_EPOCH: embedded fonts' timestamps, for identical output
  int max_pages = 0;          // 0: no limit
  std::string source;         // where the author keeps the document: messages name it
  std::string title;          // for people: "Verksamhetsberättelse 2024, Hägersten-Älvsjö hemtjänst"
};

// What the PDF step made: the page count of each PDF, in the jobs' order.
struct PdfOutcome {
  bool ok = true;
  std::vector<int> page_counts;
  std::vector<std::string> titles;  // PdfJob::title, in the same order
};

// Writes each job's PDF in the staging folder; reports each URL WeasyPrint was refused as a
// warning and each failure, timeout or page limit exceeded as an error. variant: "pdf/a-2b"
// or "pdf/ua-1". Returns false after reporting errors.
// progress: shows documents done (may be null). previous: the previous build's output
// folder, whose PDFs are taken over where nothing they were made from changed (pdf_reuse.h).
PdfOutcome write_pdf_files(const std::vector<PdfJob>& jobs, const std::filesystem::path& staging,
                           const std::string& variant, unsigned threads, std::chrono::milliseconds time_limit,
                           Diagnostics& diagnostics, Progress* progress = nullptr, const std::filesystem::path& previous = {});

// Writes every submission's PDF next to its print page under out (print pages must exist).
// progress_out: a terminal to show progress on, or null.
PdfOutcome write_pdfs(const model::Site& site, const std::filesystem::path& out, const std::string& variant,
                      unsigned threads, Diagnostics& diagnostics, std::ostream* progress_out = nullptr,
                      const std::filesystem::path& previous = {});

}  // namespace kv
