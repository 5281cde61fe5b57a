// PDFs of the print pages, made by WeasyPrint (the Debian package `weasyprint`) run as a
// subprocess, one per submission, in parallel. Checks the page limit a structure sets.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "diag/report.h"
#include "model/site.h"

namespace kv {

// Site-relative, e.g. "2018/enhet/kvalitetsutmarkelsen/enhet-kvalitetsutmarkelsen-2018.pdf".
std::string pdf_path(const model::Submission& s);

// The full path of a program found on PATH, or nullopt.
std::optional<std::filesystem::path> find_program(const std::string& name);

// The page count of a PDF written by WeasyPrint (its page tree's /Count), or nullopt.
std::optional<int> pdf_page_count(const std::filesystem::path& pdf);

// Writes every submission's PDF next to its print page under out (print pages must exist).
// variant: "pdf/a-2b" or "pdf/ua-1". Returns false after reporting problems.
bool write_pdfs(const model::Site& site, const std::filesystem::path& out, const std::string& variant,
                unsigned threads, Report& report);

}  // namespace kv
