#include "pipeline/summary.h"

#include <algorithm>
#include <numeric>

#include "i18n/messages.h"
#include "util/escape.h"
#include "util/text.h"

namespace kv {
namespace {

std::string counted(Lang lang, int n, Msg one, Msg many) {
  return text(lang, n == 1 ? one : many, {group_digits(static_cast<std::uintmax_t>(n))});
}

// "a, b och c" / "a, b and c".
std::string listed(Lang lang, const std::vector<std::string>& items) {
  std::string s;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) s += i + 1 == items.size() ? " " + text(lang, Msg::kAnd) + " " : ", ";
    s += items[i];
  }
  return s;
}

// Each PDF's page count while they fit on a line; beyond that the total and the range, so
// that a city's hundreds of documents still give one line.
constexpr size_t kPdfsListed = 6;

std::string pdf_part(Lang lang, const std::vector<int>& pages) {
  const int n = static_cast<int>(pages.size());
  std::string pdfs = counted(lang, n, Msg::kSummaryPdfOne, Msg::kSummaryPdfMany);
  if (pages.size() <= kPdfsListed) {
    std::vector<std::string> numbers;
    for (int p : pages) numbers.push_back(group_digits(static_cast<std::uintmax_t>(p)));
    const bool one_page_each = pages.size() == 1 && pages[0] == 1;
    return text(lang, Msg::kSummaryPdfPages,
                {pdfs, listed(lang, numbers), text(lang, one_page_each ? Msg::kPageOne : Msg::kPageMany)});
  }
  const auto [low, high] = std::minmax_element(pages.begin(), pages.end());
  const long long total = std::accumulate(pages.begin(), pages.end(), 0LL);
  return text(lang, Msg::kSummaryPdfRange,
              {pdfs, group_digits(static_cast<std::uintmax_t>(total)), std::to_string(*low), std::to_string(*high)});
}

}  // namespace

std::string build_summary(Lang lang, const std::string& output_dir, const BuildCounts& counts) {
  std::vector<std::string> parts{counted(lang, counts.pages, Msg::kSummaryPageOne, Msg::kSummaryPageMany)};
  if (counts.workbooks > 0)
    parts.push_back(counted(lang, counts.workbooks, Msg::kSummaryWorkbookOne, Msg::kSummaryWorkbookMany));
  if (!counts.pdf_pages.empty()) parts.push_back(pdf_part(lang, counts.pdf_pages));
  std::string out = text(lang, Msg::kBuilt, {terminal_text(output_dir), listed(lang, parts)});
  if (counts.pdf_titles.size() == counts.pdf_pages.size() && counts.pdf_pages.size() <= kPdfsListed)
    for (size_t i = 0; i < counts.pdf_pages.size(); ++i)
      out += "\n  " + terminal_text(counts.pdf_titles[i]) + ": " + group_digits(static_cast<std::uintmax_t>(counts.pdf_pages[i])) + " " +
             text(lang, counts.pdf_pages[i] == 1 ? Msg::kPageOne : Msg::kPageMany);
  return out;
}

}  // namespace kv
