#include "render/pdf/pdf_reuse.h"

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "render/html/urls.h"
#include "write/files.h"

namespace kv {

namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every local address in the page's src="…" and href="…": what WeasyPrint may load.
std::vector<std::string> local_references(const std::string& html) {
  std::vector<std::string> refs;
  for (std::string_view attribute : {" src=\"", " href=\""})
    for (size_t at = html.find(attribute); at != std::string::npos; at = html.find(attribute, at + 1)) {
      const size_t start = at + attribute.size(), end = html.find('"', start);
      if (end == std::string::npos) break;
      std::string ref = html.substr(start, end - start);
      ref = ref.substr(0, ref.find_first_of("#?"));
      if (ref.empty() || ref.find(':') != std::string::npos || ref[0] == '/') continue;  // anchors, schemes
      refs.push_back(ref);
    }
  return refs;
}

}  // namespace

PdfReuse::PdfReuse(fs::path staging, fs::path previous, std::string signature)
    : staging_(std::move(staging)), previous_(std::move(previous)), signature_(std::move(signature)) {
  std::error_code ec;
  if (previous_.empty() || read_text(previous_ / kPdfStampFile) != signature_ + "\n") return;
  // The theme's files: stylesheets, fonts and images every print page uses.
  size_t now = 0, before = 0;
  for (const auto& entry : fs::recursive_directory_iterator(staging_ / assets_dir(), ec)) {
    if (!entry.is_regular_file()) continue;
    ++now;
    if (!same_file(fs::relative(entry.path(), staging_))) return;
  }
  for (const auto& entry : fs::recursive_directory_iterator(previous_ / assets_dir(), ec))
    before += entry.is_regular_file() ? 1 : 0;
  usable_ = !ec && now == before;
}

bool PdfReuse::same_file(const fs::path& relative) const {
  struct stat now {}, before {};
  return ::stat((staging_ / relative).c_str(), &now) == 0 && ::stat((previous_ / relative).c_str(), &before) == 0 &&
         now.st_ino == before.st_ino && now.st_dev == before.st_dev;
}

bool PdfReuse::page_unchanged(const PdfJob& job) const {
  if (!same_file(job.page)) return false;
  const fs::path folder = fs::path(job.page).parent_path();
  for (const auto& ref : local_references(read_text(staging_ / job.page))) {
    const fs::path file = (folder / ref).lexically_normal();
    std::error_code ec;
    if (fs::exists(staging_ / file, ec) && !same_file(file)) return false;
  }
  return true;
}

bool PdfReuse::take(const PdfJob& job) const {
  if (!usable_ || !page_unchanged(job)) return false;
  const fs::path old = previous_ / job.pdf, target = staging_ / job.pdf;
  return ::link(old.c_str(), target.c_str()) == 0;
}

void PdfReuse::record() const { write_file(staging_ / kPdfStampFile, signature_ + "\n"); }

}  // namespace kv
