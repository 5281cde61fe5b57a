// Making a PDF takes WeasyPrint seconds; most documents do not change between builds. A PDF
// of the previous build is taken over (hard-linked) when nothing WeasyPrint would read has
// changed: the print page, every local file it names and every theme file are the previous
// build's own files (write/output_tree.h links those that came out the same), and the PDF
// variant and WeasyPrint version are the same (recorded in kPdfStampFile).
#pragma once
#include <filesystem>
#include <string>

#include "render/pdf/pdf_writer.h"

namespace kv {

inline constexpr const char* kPdfStampFile = ".kvalitet-pdf";

class PdfReuse {
 public:
  // previous: the previous build's output folder, or empty (nothing is reused).
  // signature: the PDF variant and WeasyPrint version of this build.
  PdfReuse(std::filesystem::path staging, std::filesystem::path previous, std::string signature);

  // Links the previous build's PDF of job into the staging folder when it is still right;
  // false when it must be made.
  bool take(const PdfJob& job) const;

  // Records the signature in the staging folder, for the next build.
  void record() const;

 private:
  bool same_file(const std::filesystem::path& relative) const;
  bool page_unchanged(const PdfJob& job) const;

  std::filesystem::path staging_, previous_;
  std::string signature_;
  bool usable_ = false;  // same signature and theme files
};

}  // namespace kv
